"""The on-call rota as a week grid: time blocks down, weekdays across, who is on call."""

from __future__ import annotations

from itertools import pairwise

from ...model.common import WEEKDAYS

Block = tuple[str, str]
Cell = list[tuple[str, list[str]]]


def _pieces(shift) -> list[tuple[str, str, str]]:
    """(day, start, end) pieces of a shift; a shift past midnight continues the next day."""
    pieces = []
    for day in shift.days:
        if shift.end > shift.start:
            pieces.append((day, shift.start, shift.end))
            continue
        pieces.append((day, shift.start, "24:00"))
        if shift.end != "00:00":
            following = WEEKDAYS[(WEEKDAYS.index(day) + 1) % 7]
            pieces.append((following, "00:00", shift.end))
    return pieces


def week_grid(shifts) -> dict[Block, dict[str, Cell]]:
    """For each time block between shift boundaries, who is on call on each weekday."""
    pieces = [(shift, piece) for shift in shifts for piece in _pieces(shift)]
    bounds = sorted({"00:00", "24:00"} | {t for _, (_, s, e) in pieces for t in (s, e)})
    grid: dict[Block, dict[str, Cell]] = {}
    for start, end in pairwise(bounds):
        row: dict[str, Cell] = {day: [] for day in WEEKDAYS}
        for shift, (day, piece_start, piece_end) in pieces:
            if piece_start <= start and end <= piece_end:
                row[day].append((shift.person, list(shift.channels)))
        grid[(start, end)] = row
    return grid


Stretch = tuple[str, str, list[tuple[str, list[str]]]]


def day_stretches(shifts) -> dict[str, list[Stretch]]:
    """For each weekday, the stretches of the day with the same people on call, in order;
    a stretch with nobody is kept, so that the day reads from 00:00 to 24:00."""
    grid = week_grid(shifts)
    days: dict[str, list[Stretch]] = {day: [] for day in WEEKDAYS}
    for (start, end), row in grid.items():
        for day, entries in row.items():
            pieces = days[day]
            if pieces and pieces[-1][2] == entries:
                pieces[-1] = (pieces[-1][0], end, entries)
            else:
                pieces.append((start, end, entries))
    return days
