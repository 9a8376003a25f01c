"""GitHub Actions workflow commands: one annotation a finding, escaped as the runner expects."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from governance_kit import output as out
from governance_kit.checker import CheckResult
from governance_kit.findings import Finding
from governance_kit.formats import github
from governance_kit.rules import rule_by_code
from tests.conftest import TODAY, govkit
from tests.reporters.conftest import SELECTED, position


def test_each_finding_is_an_annotation_then_a_summary(result: CheckResult, broken: Path) -> None:
    account_line = position(broken / "accounts.yaml", "- id: instagram-nordlysoutdoor")[0]
    brand_line, column = position(broken / "brand.yaml", "last_reviewed: ")
    continuity_line, _ = position(broken / "continuity.yaml", "last_reviewed: ")
    moderation_line, _ = position(broken / "moderation.yaml", "last_reviewed: ")
    assert github.render(result).splitlines() == [
        f"::warning file=policies/accounts.yaml,line={account_line},col=7,"
        "title=GK205 no-backup-owner::account 'instagram-nordlysoutdoor' has no backup owner "
        "(hint: name a second person, not the business owner, in 'backup_owner')",
        f"::error file=policies/brand.yaml,line={brand_line},col={column},"
        "title=GK101 review-overdue::review of 'nordlys-brand' is overdue since 2026-09-03 "
        "(82 days) (hint: review it and run 'govkit review nordlys-brand --by PERSON')",
        f"::notice file=policies/continuity.yaml,line={continuity_line},col={column},"
        "title=GK101 review-overdue::review of 'nordlys-continuity' is overdue since 2026-10-01 "
        "(54 days) (hint: review it and run 'govkit review nordlys-continuity --by PERSON') "
        "(waived by w-continuity-review)",
        f"::warning file=policies/moderation.yaml,line={moderation_line},col={column},"
        "title=GK102 review-due-soon::review of 'nordlys-moderation' is due on 2026-12-01 "
        "(in 7 days) (hint: plan the review with the owner, 'carl')",
        f"{broken}: 1 error, 2 warnings, 0 info, 1 waived (3 rules, today 2026-11-24)",
    ]


def test_validation_findings_are_errors(invalid: CheckResult) -> None:
    first = github.render(invalid).splitlines()[0]
    assert first.startswith("::error file=policies/brand.yaml,line=")
    assert ",title=GK001 invalid-yaml::invalid YAML: " in first


@pytest.fixture
def awkward(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CheckResult:
    """A finding in a file named `odd,name:v1.yaml` whose message needs escaping."""
    monkeypatch.chdir(tmp_path)
    finding = Finding(
        Path("policies/odd,name:v1.yaml"),
        3,
        7,
        "100% sure: a, b\nsecond line <b> & more\r",
        code="GK102",
        severity="info",
        hint="50%: fix",
    )
    rules = (rule_by_code("GK102"),)
    return CheckResult(tmp_path / "policies", dt.date(2026, 11, 24), rules, [finding])


def test_messages_and_properties_are_escaped(awkward: CheckResult) -> None:
    assert github.render(awkward).splitlines()[0] == (
        "::notice file=policies/odd%2Cname%3Av1.yaml,line=3,col=7,title=GK102 review-due-soon"
        "::100%25 sure: a, b%0Asecond line <b> & more%0D (hint: 50%25: fix)"
    )


def test_escaping_follows_the_actions_toolkit() -> None:
    assert out.github_data("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e"
    assert out.github_property("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce"


def test_govkit_check_format_github(broken: Path, result: CheckResult) -> None:
    run = govkit(
        "check", broken, "--format", "github", "--today", TODAY, "--select", ",".join(SELECTED)
    )
    assert run.exit_code == 1
    assert run.stdout == github.render(result)
