"""A check result with real findings: the example policies with reviews and owners broken."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from governance_kit.checker import CheckResult, run_check, select_rules
from governance_kit.loading.repository import load_repository
from tests.conftest import TODAY, edit_yaml

WAIVER = {
    "id": "w-continuity-review",
    "rule": "GK101",
    "target": "nordlys-continuity",
    "justification": "The continuity plan is rewritten this winter; reviewing it now is wasted.",
    "approved_by": "hanna",
    "approved_on": dt.date(2026, 11, 1),
    "expires": dt.date(2027, 3, 31),
}


def last_reviewed(day: dt.date) -> Callable[[Any], None]:
    def change(data: Any) -> None:
        data["metadata"]["review"]["last_reviewed"] = day

    return change


def remove_backup_owner(data: Any) -> None:
    account = next(a for a in data["spec"]["accounts"] if a["id"] == "instagram-nordlysoutdoor")
    del account["backup_owner"]


@pytest.fixture
def broken(example: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example, checked from its parent folder, with four findings of GK101, GK102, GK205.

    nordlys-brand is overdue (GK101), nordlys-moderation due in 7 days (GK102),
    nordlys-continuity overdue but waived, instagram-nordlysoutdoor has no backup owner (GK205).
    """
    monkeypatch.chdir(example.parent)
    edit_yaml(example / "brand.yaml", last_reviewed(dt.date(2024, 9, 3)))
    edit_yaml(example / "moderation.yaml", last_reviewed(dt.date(2024, 12, 1)))
    edit_yaml(example / "continuity.yaml", last_reviewed(dt.date(2024, 10, 1)))
    edit_yaml(example / "waivers.yaml", lambda data: data["spec"]["waivers"].append(WAIVER))
    edit_yaml(example / "accounts.yaml", remove_backup_owner)
    return example


SELECTED = ("GK101", "GK102", "GK205")


def check(path: Path, *codes: str, today: str = TODAY) -> CheckResult:
    """`govkit check` of `path` with the rules `codes` (all when none), as the reporters see it."""
    return run_check(load_repository(path), dt.date.fromisoformat(today), select_rules(codes))


@pytest.fixture
def result(broken: Path) -> CheckResult:
    """The check of `broken` with GK101, GK102 and GK205."""
    found = check(broken, *SELECTED)
    assert not found.invalid, [f.message for f in found.findings]
    return found


@pytest.fixture
def invalid(example: Path, monkeypatch: pytest.MonkeyPatch) -> CheckResult:
    """The example with a YAML syntax error in brand.yaml: validation fails, no rule runs."""
    monkeypatch.chdir(example.parent)
    brand = example / "brand.yaml"
    brand.write_text(
        brand.read_text(encoding="utf-8").replace("  owner: ana", '  owner: "ana', 1),
        encoding="utf-8",
    )
    return check(example, *SELECTED)


def position(path: Path, text: str) -> tuple[int, int]:
    """1-based line and column of the value after `text` in `path`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number, line.index(text) + len(text) + 1
    raise AssertionError(f"{text!r} not in {path}")
