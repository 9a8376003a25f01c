"""GK101 (review overdue) and GK102 (review due soon) on the example's objectives document."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.conftest import edit_yaml, line_of
from tests.rules.helpers import brief, check


def reviewed_on(root: Path, day: date) -> Path:
    path = root / "objectives.yaml"
    edit_yaml(path, lambda data: data["metadata"]["review"].update(last_reviewed=day))
    return path


def test_example_reviews_are_current(example: Path) -> None:
    for code in ("GK101", "GK102"):
        assert check(example, code) == []
        assert check(example, code, date(2027, 12, 31)) == []


def test_review_overdue_points_at_the_last_review(example: Path) -> None:
    path = reviewed_on(example, date(2024, 10, 28))
    [finding] = check(example, "GK101")
    assert brief([finding]) == [
        (
            "objectives.yaml",
            line_of(path, "last_reviewed: 2024-10-28"),
            "GK101",
            "nordlys-objectives",
            "review of 'nordlys-objectives' is overdue since 2026-10-28 (27 days)",
        )
    ]
    assert check(example, "GK102") == []


def test_review_due_soon_is_a_warning(example: Path) -> None:
    path = reviewed_on(example, date(2024, 12, 10))
    [finding] = check(example, "GK102")
    assert brief([finding]) == [
        (
            "objectives.yaml",
            line_of(path, "last_reviewed: 2024-12-10"),
            "GK102",
            "nordlys-objectives",
            "review of 'nordlys-objectives' is due on 2026-12-10 (in 16 days)",
        )
    ]
    assert finding.severity == "warning"
    assert check(example, "GK101") == []
