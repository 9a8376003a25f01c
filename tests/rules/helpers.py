"""Helpers of the rule tests: run one rule over a (mutated) policy repository."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from governance_kit.checker import run_check, select_rules
from governance_kit.findings import Finding
from governance_kit.loading.repository import load_repository
from tests.conftest import edit_yaml

DAY = date(2026, 11, 24)


def check(root: Path, code: str, today: date = DAY) -> list[Finding]:
    """The findings of one rule; the repository must be valid."""
    repository = load_repository(root)
    assert repository.valid, [f.message for f in repository.findings]
    return run_check(repository, today, select_rules([code])).findings


def unwaived(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if not f.waived]


def brief(findings: list[Finding]) -> list[tuple[str, int, str, str | None, str]]:
    """(file name, line, code, target, message) of each finding."""
    return [(f.path.name, f.line, f.code, f.target, f.message) for f in findings]


def item(data: Any, list_name: str, ident: str) -> Any:
    """The entry with `id: ident` in `spec.<list_name>` of a loaded YAML document."""
    return next(entry for entry in data["spec"][list_name] if entry["id"] == ident)


def column_of(path: Path, line: int, text: str) -> int:
    """1-based column of `text` on a line of a file."""
    return path.read_text(encoding="utf-8").splitlines()[line - 1].index(text) + 1


def line_after(path: Path, anchor: str, text: str) -> int:
    """1-based number of the first line holding `text` after the line holding `anchor`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(n for n, line in enumerate(lines) if anchor in line)
    return next(n for n, line in enumerate(lines) if n > start and text in line) + 1


def without_objectives(root: Path) -> None:
    """Remove the example's Objectives document and its approvals entry."""
    (root / "objectives.yaml").unlink()
    edit_yaml(
        root / "approvals.yaml",
        lambda data: data["spec"].update(
            policy_changes=[
                c for c in data["spec"]["policy_changes"] if c["document"] != "nordlys-objectives"
            ]
        ),
    )


def stopped_by_an_unknown_file() -> str:
    """What GK004 says when a file's kind cannot be told: every rule that reads a kind (and
    runs without a merge base) did not run, named in code order."""
    from governance_kit.rules import all_rules

    codes = [rule.code for rule in all_rules() if rule.needs and not rule.needs_base]
    return f"{len(codes)} rules did not run ({', '.join(codes)})"
