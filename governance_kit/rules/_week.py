"""Hours of the week at minute resolution: what an SLA promises and what the rota covers."""

from __future__ import annotations

from collections.abc import Iterable

from ..model.common import WEEKDAYS

DAY = 24 * 60
WEEK = 7 * DAY


def minute_of_day(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


class Minutes:
    """A set of minutes of the week, kept as the bits of one int: a union or a difference of
    whole weeks is one operation instead of ten thousand."""

    __slots__ = ("bits",)

    def __init__(self, bits: int = 0) -> None:
        self.bits = bits

    @classmethod
    def all_week(cls) -> Minutes:
        return cls(_FULL)

    def __or__(self, other: Minutes) -> Minutes:
        return Minutes(self.bits | other.bits)

    def __sub__(self, other: Minutes) -> Minutes:
        return Minutes(self.bits & ~other.bits)

    def __len__(self) -> int:
        return self.bits.bit_count()

    def __contains__(self, minute: int) -> bool:
        return bool(self.bits >> minute & 1)


_FULL = (1 << WEEK) - 1


def _run(begin: int, end: int) -> int:
    """The bits of minutes begin..end-1."""
    return ((1 << (end - begin)) - 1) << begin


def weekly(days: Iterable[str], start: str, end: str) -> Minutes:
    """Minutes of the week (0 = Monday 00:00) from start to end on each day.

    An end at or before the start runs past midnight into the next day.
    """
    first, last = minute_of_day(start), minute_of_day(end)
    length = last - first if last > first else last + DAY - first
    bits = 0
    for day in days:
        begin = WEEKDAYS.index(day) * DAY + first  # type: ignore[arg-type]
        end_of_run = begin + length
        bits |= _run(begin, min(end_of_run, WEEK))
        bits |= _run(0, max(end_of_run - WEEK, 0))  # Sunday night into Monday
    return Minutes(bits)


def stretches(minutes: Minutes) -> list[tuple[int, int]]:
    """Contiguous (start, end) runs of minutes, wrapping from Sunday night into Monday (such a
    run ends after WEEK)."""
    bits = minutes.bits
    if bits == _FULL:
        return [(0, WEEK)]
    runs: list[tuple[int, int]] = []
    while bits:
        begin = (bits & -bits).bit_length() - 1
        rest = bits >> begin
        length = (rest ^ (rest + 1)).bit_length() - 1
        runs.append((begin, begin + length))
        bits &= ~_run(begin, begin + length)
    if len(runs) > 1 and runs[0][0] == 0 and runs[-1][1] == WEEK:
        first, last = runs.pop(0), runs.pop()
        runs.append((last[0], WEEK + first[1]))
    return runs


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
