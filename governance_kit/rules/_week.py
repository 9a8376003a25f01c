"""Hours of the week at minute resolution: what an SLA promises and what the rota covers."""

from __future__ import annotations

from collections.abc import Iterable

from ..model.common import WEEKDAYS

DAY = 24 * 60
WEEK = 7 * DAY


def minute_of_day(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def weekly(days: Iterable[str], start: str, end: str) -> set[int]:
    """Minutes of the week (0 = Monday 00:00) from start to end on each day.

    An end at or before the start runs past midnight into the next day.
    """
    first, last = minute_of_day(start), minute_of_day(end)
    length = last - first if last > first else last + DAY - first
    minutes: set[int] = set()
    for day in days:
        begin = WEEKDAYS.index(day) * DAY + first  # type: ignore[arg-type]
        end_of_run = begin + length
        minutes.update(range(begin, min(end_of_run, WEEK)))
        minutes.update(range(0, max(end_of_run - WEEK, 0)))  # Sunday night into Monday
    return minutes


def stretches(minutes: set[int]) -> list[tuple[int, int]]:
    """Contiguous (start, end) runs of minutes, wrapping from Sunday night into Monday."""
    if not minutes:
        return []
    if len(minutes) == WEEK:
        return [(0, WEEK)]
    origin = next(m for m in range(WEEK) if m not in minutes)
    runs: list[tuple[int, int]] = []
    start = None
    for step in range(1, WEEK + 1):
        minute = (origin + step) % WEEK
        if minute in minutes and start is None:
            start = origin + step
        elif minute not in minutes and start is not None:
            runs.append((start, origin + step))
            start = None
    return sorted(((s % WEEK, s % WEEK + (e - s)) for s, e in runs))


def describe(start: int, end: int) -> str:
    """'sat 02:00-06:00', 'fri 22:00-sat 06:00' or 'all week'."""
    if end - start >= WEEK:
        return "all week"
    first_day = start // DAY
    last_day = (end - 1) // DAY
    begin = f"{WEEKDAYS[first_day % 7]} {_clock(start - first_day * DAY)}"
    finish = _clock(end - last_day * DAY)
    if last_day != first_day:
        finish = f"{WEEKDAYS[last_day % 7]} {finish}"
    return f"{begin}-{finish}"


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
