"""Calendar arithmetic of intervals and durations used by the rules."""

from __future__ import annotations

from datetime import date

import pytest

from governance_kit.model.common import Period, duration_minutes


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("P1Y", date(2026, 2, 28), date(2027, 2, 28)),
        ("P1M", date(2026, 1, 31), date(2026, 2, 28)),
        ("quarterly", date(2026, 11, 30), date(2027, 2, 28)),
        ("P6M", date(2026, 8, 31), date(2027, 2, 28)),
        ("P2W", date(2026, 12, 25), date(2027, 1, 8)),
        ("P90D", date(2026, 1, 1), date(2026, 4, 1)),
        ("annually", date(2028, 2, 29), date(2029, 2, 28)),
        ("P1Y6M", date(2026, 1, 15), date(2027, 7, 15)),
    ],
)
def test_period_after(text: str, start: date, expected: date) -> None:
    assert Period.parse(text).after(start) == expected


def test_period_before_is_the_inverse_for_plain_dates() -> None:
    assert Period.parse("P3M").before(date(2026, 5, 31)) == date(2026, 2, 28)


@pytest.mark.parametrize(
    ("text", "minutes"), [("PT2H", 120), ("PT30M", 30), ("P1D", 1440), ("P1DT1H1M", 1501)]
)
def test_duration_minutes(text: str, minutes: int) -> None:
    assert duration_minutes(text) == minutes


def test_bad_period() -> None:
    with pytest.raises(ValueError, match="not an interval"):
        Period.parse("every now and then")
