"""`govkit review` records reviews of the advocacy programme and the connections documents,
like any other policy document, and `govkit check` then counts from the new date."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import govkit


@pytest.mark.parametrize(
    ("document", "file", "before"),
    [
        ("nordlys-advocacy", "advocacy.yaml", "    last_reviewed: 2026-11-10"),
        ("nordlys-connections", "connections.yaml", "    last_reviewed: 2026-11-12"),
    ],
)
def test_review_of_a_new_kind(example: Path, document: str, file: str, before: str) -> None:
    others = {
        p.name: p.read_text(encoding="utf-8") for p in example.glob("*.yaml") if p.name != file
    }
    assert before in (example / file).read_text(encoding="utf-8")
    overdue = govkit("check", example, "--today", "2028-12-31", "--select", "GK101")
    assert f"review of '{document}' is overdue" in overdue.stdout
    run = govkit(
        "review",
        document,
        example,
        "--by",
        "hanna",
        "--date",
        "2028-12-30",
        "--today",
        "2028-12-31",
    )
    assert run.exit_code == 0, run.stderr
    assert run.stdout == (
        f"{example / file}: review of '{document}' recorded (2028-12-30, hanna)\n"
    )
    text = (example / file).read_text(encoding="utf-8")
    assert "    last_reviewed: 2028-12-30" in text
    assert "    reviewed_by: hanna" in text
    assert {
        p.name: p.read_text(encoding="utf-8") for p in example.glob("*.yaml") if p.name != file
    } == others
    after = govkit("check", example, "--today", "2028-12-31", "--select", "GK101")
    assert f"review of '{document}' is overdue" not in after.stdout
