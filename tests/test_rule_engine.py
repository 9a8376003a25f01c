"""The rule engine: one base for every rule, summaries from docstrings, declared reads, the
after-all-others hook (GK902), and one result type for checks and draft checks."""

from __future__ import annotations

import ast
import inspect
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path, PurePosixPath

import pytest

from governance_kit.checker import run_check, select_rules
from governance_kit.drafts.check import DraftResult
from governance_kit.findings import Finding, Outcome
from governance_kit.git.history import paths_from_root
from governance_kit.loading.repository import load_repository
from governance_kit.model.settings import CheckSettings
from governance_kit.ruledocs import every_rule
from governance_kit.rules import BaseRule, Context, Rule, all_rules, files_read, rule_by_code
from tests.conftest import EXAMPLE, edit_yaml, govkit

DAY = date(2026, 11, 24)


def test_every_rule_of_both_commands_shares_one_base() -> None:
    assert all(isinstance(rule, BaseRule) for rule in every_rule())
    assert issubclass(DraftResult, Outcome)
    assert rule_by_code("gkp04", every_rule()).code == "GKP04"
    assert rule_by_code("GKP04") is None


def test_summary_is_the_docstrings_first_line_for_every_rule() -> None:
    for rule in every_rule():
        first = inspect.cleandoc(type(rule).__doc__ or "").splitlines()[0]
        assert rule.summary == first, rule.code
        assert rule.summary.endswith(".") and len(rule.summary) <= 100, rule.code


def test_a_summary_written_twice_is_refused() -> None:
    with pytest.raises(TypeError, match="the summary is the docstring's first line"):

        class Twice(Rule):
            """First line."""

            summary = "Another line."


def _settings_in(module: str) -> set[str]:
    """Names read as `<something>.settings.NAME` or `settings.NAME` in a module's source."""
    tree = ast.parse(Path(module).read_text(encoding="utf-8"))
    return {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and (
            (isinstance(node.value, ast.Attribute) and node.value.attr == "settings")
            or (isinstance(node.value, ast.Name) and node.value.id == "settings")
        )
    }


def test_declared_settings_are_those_the_rule_module_reads() -> None:
    fields = set(CheckSettings.model_fields)
    for rule in all_rules():
        declared = set(rule.reads_settings)
        assert declared <= fields, rule.code
        assert _settings_in(inspect.getfile(type(rule))) <= declared, rule.code
    assert rule_by_code("GK204").reads_settings == ("leaving_horizon_days",)


def test_govkit_rules_shows_what_a_rule_reads() -> None:
    lines = govkit("rules", "GK702").stdout.splitlines()
    assert lines[5] == (
        "Reads: spec.check.dormant_after_days in Settings, "
        "spec.check.inactive_after_days in Settings"
    )
    assert "Reads: /.github/CODEOWNERS" in govkit("rules", "GK960").stdout.splitlines()
    gk101 = govkit("rules", "GK101").stdout.splitlines()
    assert not any(line.startswith("Reads:") for line in gk101)


def test_report_as_of_takes_exactly_the_declared_files_from_the_commit() -> None:
    assert paths_from_root("policies/", files_read()) == (
        PurePosixPath(".github/CODEOWNERS"),
        PurePosixPath("policies/mkdocs.yml"),
    )
    assert paths_from_root("", files_read()) == (
        PurePosixPath(".github/CODEOWNERS"),
        PurePosixPath("mkdocs.yml"),
    )


class _Counts(Rule):
    """Counts what the other rules found (a test rule, never discovered)."""

    code = "GK998"
    name = "counts"
    severity = "info"
    after_others = True

    def check(self, context: Context) -> Iterator[Finding]:
        where = context.governance.documents[0]
        yield Finding(where.path, 1, 1, f"{len(context.findings)} found", code=self.code)
        yield Finding(where.path, 1, 1, ",".join(sorted(context.ran)), code=self.code)


def test_a_rule_after_all_others_sees_their_waived_findings_and_codes(tmp_path: Path) -> None:
    root = shutil.copytree(EXAMPLE, tmp_path / "policies")
    chosen = select_rules(["GK206", "GK951"])
    result = run_check(load_repository(root), DAY, (*chosen, _Counts()))
    gk206 = [f for f in result.findings if f.code == "GK206"]
    counts = [f.message for f in result.findings if f.code == "GK998"]
    assert gk206 and all(f.waived for f in gk206)
    assert counts == [f"{len(gk206)} found", "GK206,GK998"]


def test_version_rules_do_not_run_without_a_base(tmp_path: Path) -> None:
    root = shutil.copytree(EXAMPLE, tmp_path / "policies")
    repository = load_repository(root)
    result = run_check(repository, DAY, select_rules(["GK95", "GK902"]))
    assert result.findings == []
    base = load_repository(EXAMPLE).governance
    ran = run_check(repository, DAY, select_rules(["GK95"]), base=base, base_label="main")
    assert ran.findings == []


def test_one_result_type_counts_and_exits() -> None:
    class Result(Outcome):
        def __init__(self, findings: list[Finding]) -> None:
            self.findings = findings

    warning = Finding(Path("a.yaml"), 1, 1, "w", code="GK102", severity="warning")
    waived = Finding(Path("a.yaml"), 2, 1, "e", code="GK101", waiver="w-1")
    result = Result([warning, waived])
    assert (result.counts()["warning"], result.counts()["error"], result.counts()["waived"]) == (
        1,
        0,
        1,
    )
    assert (result.exit_code("error"), result.exit_code("warning")) == (0, 1)
    assert Result([Finding(Path("a.yaml"), 1, 1, "bad", code="GK002")]).exit_code("error") == 2


def test_a_waiver_of_a_version_rule_is_judged_only_when_that_rule_runs(tmp_path: Path) -> None:
    root = shutil.copytree(EXAMPLE, tmp_path / "policies")
    waiver = {
        "id": "w-brand-version",
        "rule": "GK951",
        "target": "nordlys-brand",
        "justification": "The brand guide is rewritten in one go in December.",
        "approved_by": "hanna",
        "approved_on": "2026-11-02",
        "expires": "2027-01-31",
    }
    edit_yaml(root / "waivers.yaml", lambda data: data["spec"]["waivers"].append(waiver))
    repository = load_repository(root)
    without = run_check(repository, DAY, select_rules(["GK951", "GK902"]))
    assert without.findings == []
    base = load_repository(EXAMPLE).governance
    judged = run_check(repository, DAY, select_rules(["GK951", "GK902"]), base=base)
    assert [(f.code, f.target) for f in judged.findings] == [("GK902", "w-brand-version")]
