"""The rule engine: one base for every rule, summaries from docstrings, declared reads, the
after-all-others hook (GK902), and one result type for checks and draft checks."""

from __future__ import annotations

import ast
import inspect
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

import pytest

from governance_kit.checker import not_ignored, run_all, run_check, run_rules, select_rules
from governance_kit.drafts.check import DraftResult, check_draft
from governance_kit.drafts.draft import parse_draft
from governance_kit.drafts.rules import DraftContext, all_draft_rules
from governance_kit.findings import Finding, Outcome
from governance_kit.git.history import paths_from_root
from governance_kit.loading.repository import load_repository
from governance_kit.model.settings import CheckSettings
from governance_kit.ruledocs import every_rule
from governance_kit.rules import (
    BaseContext,
    BaseRule,
    Context,
    Rule,
    all_rules,
    files_read,
    rule_by_code,
)
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


def _add_waiver(root: Path, ident: str, rule: str, target: str) -> None:
    """A waiver in force on DAY of `rule` for `target`, added to the copy at `root`."""
    waiver = {
        "id": ident,
        "rule": rule,
        "target": target,
        "justification": "Accepted on purpose in this test.",
        "approved_by": "hanna",
        "approved_on": "2026-11-02",
        "expires": "2027-01-31",
    }
    edit_yaml(root / "waivers.yaml", lambda data: data["spec"]["waivers"].append(waiver))


def test_a_waiver_of_a_version_rule_is_judged_only_when_that_rule_runs(tmp_path: Path) -> None:
    root = shutil.copytree(EXAMPLE, tmp_path / "policies")
    _add_waiver(root, "w-brand-version", "GK951", "nordlys-brand")
    repository = load_repository(root)
    without = run_check(repository, DAY, select_rules(["GK951", "GK902"]))
    assert without.findings == []
    base = load_repository(EXAMPLE).governance
    judged = run_check(repository, DAY, select_rules(["GK951", "GK902"]), base=base)
    assert [(f.code, f.target) for f in judged.findings] == [("GK902", "w-brand-version")]


@dataclass(frozen=True)
class _NoteContext(BaseContext):
    """The context of a family of rules that lives only in this test: one note."""

    note: str = ""


class _Shouting(BaseRule):
    """A note in capitals (a test rule of a test family, never discovered)."""

    code = "GK996"
    name = "shouting"
    severity = "warning"
    context_type = _NoteContext
    command = "govkit note"

    def check(self, context: BaseContext) -> Iterator[Finding]:
        assert isinstance(context, _NoteContext)
        for number, line in enumerate(context.note.splitlines(), 1):
            if line.isupper():
                yield Finding(
                    Path("note.txt"),
                    number,
                    1,
                    "shouting",
                    code=self.code,
                    severity=self.severity,
                    target="note-1",
                )


class _Tally(BaseRule):
    """How many findings the other rules of the family made (runs after them)."""

    code = "GK997"
    name = "tally"
    severity = "info"
    context_type = _NoteContext
    after_others = True

    def check(self, context: BaseContext) -> Iterator[Finding]:
        active = sum(1 for f in context.findings if not f.waived)
        ran = ",".join(sorted(context.ran))
        yield Finding(Path("note.txt"), 1, 1, f"{active} active; ran {ran}", code=self.code)


def test_a_new_family_runs_through_the_one_engine_by_declaring_its_context(
    tmp_path: Path,
) -> None:
    root = shutil.copytree(EXAMPLE, tmp_path / "policies")
    _add_waiver(root, "w-note", "GK996", "note-1")
    governance = load_repository(root).governance
    family = (_Tally(), _Shouting())
    context = _NoteContext(governance, DAY, note="quiet\nLOUD\nLOUD TOO")
    found = run_all(select_rules(among=family), context)
    assert [(f.code, f.line, f.message, f.waiver) for f in found] == [
        ("GK997", 1, "0 active; ran GK996,GK997", None),
        ("GK996", 2, "shouting", "w-note"),
        ("GK996", 3, "shouting", "w-note"),
    ]
    assert run_all(select_rules(ignore=["GK996"], among=family), context)[0].message == (
        "0 active; ran GK997"
    )


def test_the_engine_refuses_a_rule_of_another_family() -> None:
    governance = load_repository(EXAMPLE).governance
    with pytest.raises(TypeError, match="GK101 judges a Context, not a _NoteContext"):
        run_rules((rule_by_code("GK101"),), _NoteContext(governance, DAY))
    with pytest.raises(TypeError, match="GK996 judges a _NoteContext, not a Context"):
        run_rules((_Shouting(),), Context(governance, DAY))


def test_draft_rules_run_through_run_rules_and_the_ignore_step(tmp_path: Path) -> None:
    root = shutil.copytree(EXAMPLE, tmp_path / "policies")
    edit_yaml(root / "settings.yaml", lambda data: data["spec"]["check"]["ignore"].append("GKP02"))
    governance = load_repository(root).governance
    text = "---\naccount: instagram-nordlysoutdoor\nauthor: ben\n---\nEr den miljøvennlig?"
    draft = parse_draft(Path("d.md"), text.encode())
    result = check_draft(
        governance,
        draft,
        account_id="instagram-nordlysoutdoor",
        author_id="ben",
        sponsored=False,
        today=DAY,
    )
    context = DraftContext(
        governance, DAY, draft, result.account, result.author, False, result.rules
    )
    everything = run_rules(all_draft_rules(), context)
    assert [f.code for f in everything] == ["GKP02"]
    assert result.findings == [] and result.ran == all_draft_rules()
    assert not_ignored(all_draft_rules(), context) == tuple(
        rule for rule in all_draft_rules() if rule.code != "GKP02"
    )
