"""Roadmaps (GK111 milestone overdue, GK112 owner gone), KPI actuals (GK121 target missed,
GK122 premature or repeated period), and Objectives being optional."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from governance_kit.loading.repository import load_repository
from governance_kit.model.objectives import Actual, period_end, period_start
from tests.conftest import edit_yaml, govkit, line_of
from tests.rules.helpers import brief, check, column_of, item, line_after, without_objectives

ROADMAP = "roadmap.yaml"


def milestone(root: Path, ident: str, **values: Any) -> Path:
    path = root / ROADMAP
    edit_yaml(path, lambda data: item(data, "milestones", ident).update(values))
    return path


def actuals(root: Path, kpi: str, values: list[tuple[str, float]], **settings: int) -> Path:
    """Replace the actuals of a KPI of the example's objectives (and set check settings)."""
    path = root / "objectives.yaml"

    def change(data: dict) -> None:
        for objective in data["spec"]["objectives"]:
            for entry in objective["kpis"]:
                if entry["id"] == kpi:
                    entry["actuals"] = [{"period": p, "value": v} for p, v in values]

    edit_yaml(path, change)
    if settings:
        edit_yaml(root / "settings.yaml", lambda data: data["spec"]["check"].update(settings))
    return path


def test_the_example_roadmap_and_kpis_are_clean_for_a_year(example: Path) -> None:
    for code in ("GK111", "GK112", "GK121", "GK122"):
        assert check(example, code) == []
        assert check(example, code, date(2027, 12, 31)) == []


def test_an_open_milestone_past_its_due_date_names_its_owner(example: Path) -> None:
    path = milestone(example, "m-handbook-live", status="in_progress", due=date(2026, 11, 20))
    [finding] = check(example, "GK111")
    line = line_after(path, "id: m-handbook-live", "due: 2026-11-20")
    assert brief([finding]) == [
        (
            ROADMAP,
            line,
            "GK111",
            "m-handbook-live",
            "milestone 'm-handbook-live' of 'nordlys-rollout-60-days' was due on 2026-11-20 "
            "(4 days ago) and is in progress; owner 'ivar'",
        )
    ]
    assert finding.column == column_of(path, line, "2026-11-20")
    assert finding.severity == "warning"
    assert check(example, "GK111", date(2026, 11, 20)) == []


def test_done_and_dropped_milestones_and_draft_roadmaps_are_not_overdue(example: Path) -> None:
    milestone(example, "m-handbook-live", due=date(2026, 11, 1))  # done
    milestone(example, "m-ambassadors-pilot", due=date(2026, 11, 1))  # dropped
    assert check(example, "GK111") == []
    milestone(example, "m-handbook-live", status="planned")
    assert len(check(example, "GK111")) == 1
    edit_yaml(example / ROADMAP, lambda data: data["metadata"].update(status="draft"))
    assert check(example, "GK111") == []


def test_a_milestone_owned_by_a_leaver_is_an_error(example: Path) -> None:
    path = milestone(example, "m-crisis-drill", owner="lars")
    [finding] = check(example, "GK112")
    assert brief([finding]) == [
        (
            ROADMAP,
            line_of(path, "owner: lars"),
            "GK112",
            "m-crisis-drill",
            "milestone 'm-crisis-drill' of 'nordlys-rollout-60-days' is owned by 'lars', who "
            "left on 2026-06-30",
        )
    ]
    assert finding.severity == "error"
    milestone(example, "m-crisis-drill", status="dropped")
    assert check(example, "GK112") == []


def test_a_milestone_owner_past_their_last_day_counts_as_gone(example: Path) -> None:
    edit_yaml(
        example / "people.yaml",
        lambda data: item(data, "people", "frida").update(
            status="leaving", end_date=date(2027, 3, 31)
        ),
    )
    assert check(example, "GK112") == []
    [finding] = check(example, "GK112", date(2027, 4, 1))
    assert finding.message.endswith("is owned by 'frida', who left on 2027-03-31")


def test_a_kpi_missing_its_target_twice_in_a_row_is_reported(example: Path) -> None:
    path = actuals(
        example, "ig-engagement-rate", [("2026-10", 3.8), ("2026-08", 4.5), ("2026-09", 3.6)]
    )
    [finding] = check(example, "GK121")
    assert brief([finding]) == [
        (
            "objectives.yaml",
            line_of(path, "actuals:"),
            "GK121",
            "ig-engagement-rate",
            "KPI 'ig-engagement-rate' missed its target (at least 4 percent) in the last 2 "
            "recorded periods (2026-09: 3.6, 2026-10: 3.8)",
        )
    ]
    assert finding.severity == "warning"


def test_the_latest_period_meeting_the_target_clears_the_kpi(example: Path) -> None:
    actuals(example, "ig-engagement-rate", [("2026-08", 3.1), ("2026-09", 3.6), ("2026-10", 4.0)])
    assert check(example, "GK121") == []
    actuals(example, "ig-engagement-rate", [("2026-10", 3.1)])
    assert check(example, "GK121") == []


def test_at_most_kpis_miss_above_their_target(example: Path) -> None:
    actuals(example, "x-first-response", [("2026-Q2", 61), ("2026-Q3", 75)])
    [finding] = check(example, "GK121")
    assert finding.message == (
        "KPI 'x-first-response' missed its target (at most 60 minutes) in the last 2 recorded "
        "periods (2026-Q2: 61, 2026-Q3: 75)"
    )
    actuals(example, "x-first-response", [("2026-Q2", 61), ("2026-Q3", 60)])
    assert check(example, "GK121") == []


def test_the_number_of_periods_is_a_setting(example: Path) -> None:
    actuals(
        example, "tt-follower-growth", [("2026-Q2", 8.0), ("2026-Q3", 9.0)], kpi_missed_periods=3
    )
    assert check(example, "GK121") == []
    actuals(example, "tt-follower-growth", [("2026-Q1", 7.0), ("2026-Q2", 8.0), ("2026-Q3", 9.0)])
    [finding] = check(example, "GK121")
    assert finding.message == (
        "KPI 'tt-follower-growth' missed its target (at least 10 percent) in the last 3 "
        "recorded periods (2026-Q1: 7, 2026-Q2: 8, 2026-Q3: 9)"
    )


def test_a_period_not_yet_over_is_an_error(example: Path) -> None:
    path = actuals(example, "li-applications", [("2026-Q3", 268), ("2026-Q4", 80), ("2027", 1)])
    found = check(example, "GK122")
    assert brief(found) == [
        (
            "objectives.yaml",
            line_of(path, "period: 2026-Q4"),
            "GK122",
            "li-applications",
            "KPI 'li-applications' records a value for 2026-Q4, which ends on 2026-12-31, "
            "not before today",
        ),
        (
            "objectives.yaml",
            line_of(path, "period: '2027'"),
            "GK122",
            "li-applications",
            "KPI 'li-applications' records a value for 2027, which ends on 2027-12-31, "
            "not before today",
        ),
    ]
    assert check(example, "GK122", date(2028, 1, 1)) == []


def test_a_period_recorded_twice_is_an_error(example: Path) -> None:
    path = actuals(example, "ig-first-response", [("2026-09", 52), ("2026-09", 55)])
    [finding] = check(example, "GK122")
    assert (finding.line, finding.message) == (
        line_after(path, "value: 52", "period: 2026-09"),
        "KPI 'ig-first-response' records 2026-09 twice",
    )


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        ("2026-02", date(2026, 2, 1), date(2026, 2, 28)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2026-Q4", date(2026, 10, 1), date(2026, 12, 31)),
        ("2026-Q1", date(2026, 1, 1), date(2026, 3, 31)),
        ("2026", date(2026, 1, 1), date(2026, 12, 31)),
    ],
)
def test_reporting_periods(period: str, start: date, end: date) -> None:
    assert (period_start(period), period_end(period)) == (start, end)


@pytest.mark.parametrize("period", ["2026-13", "2026-Q5", "2026-00", "26-10", "2026-10-01"])
def test_a_period_that_is_not_a_month_quarter_or_year_is_refused(period: str) -> None:
    with pytest.raises(ValidationError):
        Actual(period=period, value=1)


def test_objectives_are_optional(example: Path) -> None:
    without_objectives(example)
    repository = load_repository(example)
    assert repository.valid, [f.message for f in repository.findings]
    run = govkit("check", example, "--today", "2026-11-24")
    assert run.exit_code == 0, run.stdout
    assert run.stdout.splitlines()[-1].startswith(
        f"{example}: 0 errors, 0 warnings, 0 info, 1 waived ("
    )
    assert "no document of kind" not in run.stdout


@pytest.mark.parametrize(
    ("document", "file"),
    [
        ("nordlys-rollout-60-days", ROADMAP),
        ("nordlys-social-media-policy", "policy-social-media.yaml"),
    ],
)
def test_review_records_a_review_of_the_new_kinds(example: Path, document: str, file: str) -> None:
    run = govkit("review", document, example, "--by", "hanna", "--today", "2026-11-24")
    assert run.exit_code == 0, run.stderr
    text = (example / file).read_text(encoding="utf-8")
    assert "last_reviewed: 2026-11-24" in text
    assert "reviewed_by: hanna" in text
