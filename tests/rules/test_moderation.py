"""GK601-GK604: rota coverage of SLA hours, shifts of leavers, SLAs and escalation per channel."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from governance_kit.rules._week import WEEK, Minutes, describe, stretches, weekly
from tests.conftest import edit_yaml, examples, line_of
from tests.rules.helpers import brief, check, item, unwaived


def test_example_moderation_is_clean(example: Path) -> None:
    for code in ("GK601", "GK602", "GK603", "GK604"):
        assert unwaived(check(example, code)) == [], code


def drop_shift(root: Path, person: str) -> Path:
    def change(data: dict) -> None:
        shifts = data["spec"]["rota"]["shifts"]
        shifts[:] = [s for s in shifts if s["person"] != person]

    path = root / "moderation.yaml"
    edit_yaml(path, change)
    return path


def leave(root: Path, person: str, end: date) -> None:
    edit_yaml(
        root / "people.yaml",
        lambda data: item(data, "people", person).update(status="left", end_date=end),
    )


def test_coverage_gap_lists_the_uncovered_stretches(example: Path) -> None:
    path = drop_shift(example, "kari")
    [finding] = check(example, "GK601")
    assert brief([finding]) == [
        (
            "moderation.yaml",
            line_of(path, "hours: always"),
            "GK601",
            "x-support",
            "channel 'x-support': SLA hours not covered by the rota: "
            "fri 20:00-sat 08:00, sat 20:00-sun 08:00, sun 20:00-mon 08:00",
        )
    ]
    assert finding.severity == "error"


def test_shifts_of_leavers_do_not_cover_and_long_lists_are_cut(example: Path) -> None:
    drop_shift(example, "kari")
    leave(example, "ola", date(2026, 10, 31))
    [finding] = check(example, "GK601")
    assert finding.message == (
        "channel 'x-support': SLA hours not covered by the rota: "
        "mon 20:00-tue 08:00, tue 20:00-wed 08:00, wed 20:00-thu 08:00, thu 20:00-fri 08:00, "
        "fri 20:00-sat 08:00 and 2 more"
    )


def test_shifts_for_other_channels_do_not_cover(example: Path) -> None:
    def change(data: dict) -> None:
        for shift in data["spec"]["rota"]["shifts"]:
            if shift["person"] == "marit":
                shift["channels"] = ["x-support"]

    path = example / "moderation.yaml"
    edit_yaml(path, change)
    messages = [f.message for f in check(example, "GK601")]
    assert messages == [
        f"channel '{channel}': SLA hours not covered by the rota: sat 10:00-18:00, sun 10:00-18:00"
        for channel in (
            "instagram-brand",
            "facebook-pages",
            "tiktok-brand",
            "youtube-brand",
            "forum-turprat",
        )
    ]


@pytest.mark.parametrize(
    ("days", "start", "end", "expected"),
    [
        (["sat", "sun"], "02:00", "06:00", ["sat 02:00-06:00", "sun 02:00-06:00"]),
        (["sun"], "22:00", "02:00", ["sun 22:00-mon 02:00"]),
        (["sat"], "00:00", "24:00", ["sat 00:00-24:00"]),
        (["fri"], "08:00", "08:00", ["fri 08:00-sat 08:00"]),
        (["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "00:00", "00:00", ["all week"]),
    ],
)
def test_week_arithmetic(days: list[str], start: str, end: str, expected: list[str]) -> None:
    assert [describe(*run) for run in stretches(weekly(days, start, end))] == expected


def test_week_has_10080_minutes() -> None:
    assert len(weekly(["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "09:00", "09:00")) == WEEK
    assert len(weekly(["mon"], "20:00", "08:00")) == 12 * 60


def test_shift_by_leaver_points_at_the_person(example: Path) -> None:
    leave(example, "kari", date(2026, 10, 31))
    path = example / "moderation.yaml"
    [finding] = check(example, "GK602")
    assert brief([finding]) == [
        (
            "moderation.yaml",
            line_of(path, "person: kari"),
            "GK602",
            "kari",
            "shift fri,sat,sun 20:00-08:00 is assigned to 'kari', who left on 2026-10-31",
        )
    ]


def test_shift_of_someone_leaving_later_is_fine(example: Path) -> None:
    edit_yaml(
        example / "people.yaml",
        lambda data: item(data, "people", "kari").update(
            status="leaving", end_date=date(2026, 12, 31)
        ),
    )
    assert check(example, "GK602") == []


def test_external_channel_without_sla(example: Path) -> None:
    def change(data: dict) -> None:
        slas = data["spec"]["slas"]
        slas[:] = [s for s in slas if s["channel"] != "pinterest-brand"]

    edit_yaml(example / "moderation.yaml", change)
    [finding] = check(example, "GK603")
    assert brief([finding]) == [
        (
            "scope.yaml",
            line_of(example / "scope.yaml", "- id: pinterest-brand"),
            "GK603",
            "pinterest-brand",
            "external channel 'pinterest-brand' has no response SLA",
        )
    ]


def test_internal_channels_need_no_sla(example: Path) -> None:
    edit_yaml(
        example / "scope.yaml",
        lambda data: item(data, "channels", "pinterest-brand").update(visibility="internal"),
    )
    edit_yaml(
        example / "moderation.yaml",
        lambda data: data["spec"].update(
            slas=[s for s in data["spec"]["slas"] if s["channel"] != "pinterest-brand"]
        ),
    )
    assert check(example, "GK603") == []


def test_channels_without_escalation(example: Path) -> None:
    def change(data: dict) -> None:
        for path in data["spec"]["escalation"]:
            path["channels"] = ["x-support", "engage-ambassadors"]

    edit_yaml(example / "moderation.yaml", change)
    scope = example / "scope.yaml"
    channels = [
        "instagram-brand",
        "facebook-pages",
        "linkedin-corporate",
        "tiktok-brand",
        "youtube-brand",
        "forum-turprat",
        "pinterest-brand",
    ]
    assert brief(check(example, "GK604")) == [
        (
            "scope.yaml",
            line_of(scope, f"- id: {channel}"),
            "GK604",
            channel,
            f"no escalation path covers external channel '{channel}'",
        )
        for channel in channels
    ]


def _reference_weekly(days: list[str], start: str, end: str) -> set[int]:
    """Minutes of the week, one by one: the plain model the bit arithmetic must agree with."""
    first = int(start[:2]) * 60 + int(start[3:])
    last = int(end[:2]) * 60 + int(end[3:])
    length = last - first if last > first else last + 24 * 60 - first
    order = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    return {
        (order.index(day) * 24 * 60 + first + step) % WEEK for day in days for step in range(length)
    }


def _reference_stretches(minutes: set[int]) -> list[tuple[int, int]]:
    if len(minutes) == WEEK:
        return [(0, WEEK)]
    starts = [m for m in sorted(minutes) if (m - 1) % WEEK not in minutes]
    runs = []
    for begin in starts:
        end = begin
        while end % WEEK in minutes:
            end += 1
        runs.append((begin, end))
    return runs


_DAYS = st.lists(st.sampled_from(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]), max_size=7)
_CLOCK = st.builds("{:02d}:{:02d}".format, st.integers(0, 23), st.sampled_from([0, 1, 30, 59]))


@settings(max_examples=examples(200))
@given(
    promised=st.tuples(_DAYS, _CLOCK, _CLOCK),
    shifts=st.lists(st.tuples(_DAYS, _CLOCK, _CLOCK), max_size=4),
)
def test_uncovered_stretches_agree_with_minute_by_minute_sets(promised, shifts) -> None:
    covered = Minutes()
    expected_covered: set[int] = set()
    for shift in shifts:
        covered |= weekly(*shift)
        expected_covered |= _reference_weekly(*shift)
    gaps = weekly(*promised) - covered
    expected = _reference_weekly(*promised) - expected_covered
    assert len(gaps) == len(expected)
    assert all((minute in gaps) == (minute in expected) for minute in range(0, WEEK, 7))
    assert stretches(gaps) == _reference_stretches(expected)
