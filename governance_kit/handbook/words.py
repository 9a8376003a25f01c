"""Model values in words an employee reads: intervals, durations, platforms, weekdays."""

from __future__ import annotations

from ..model.common import Period, duration_minutes

PLATFORMS = {
    "x": "X",
    "linkedin": "LinkedIn",
    "tiktok": "TikTok",
    "youtube": "YouTube",
    "viva-engage": "Viva Engage",
    "whatsapp": "WhatsApp",
    "teams": "Microsoft Teams",
}
WEEKDAY_NAMES = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}
DASH = "\u2013"
_NAMED_INTERVALS = ("weekly", "monthly", "quarterly", "semiannually", "annually", "yearly")


def platform(name: str) -> str:
    return PLATFORMS.get(name, name.replace("-", " ").capitalize())


def _count(number: int, unit: str) -> str:
    return f"{number} {unit}{'' if number == 1 else 's'}"


def interval(text: str) -> str:
    """'P2Y' -> 'every 2 years', 'quarterly' -> 'quarterly'."""
    if text in _NAMED_INTERVALS:
        return "every six months" if text == "semiannually" else text
    period = Period.parse(text)
    parts = [
        _count(value, unit)
        for value, unit in ((period.years, "year"), (period.months, "month"), (period.days, "day"))
        if value
    ]
    return "every " + " and ".join(parts)


def duration(text: str) -> str:
    """'PT2H30M' -> '2 hours 30 minutes', 'P1D' -> '24 hours'."""
    hours, minutes = divmod(duration_minutes(text), 60)
    parts = [_count(hours, "hour")] if hours else []
    if minutes or not parts:
        parts.append(_count(minutes, "minute"))
    return " ".join(parts)


def days(names: list[str]) -> str:
    """['mon', 'tue', 'wed'] -> 'Mon-Wed' (with an en dash); other lists joined with commas."""
    order = list(WEEKDAY_NAMES)
    indexes = [order.index(name) for name in names]
    short = [name.capitalize() for name in names]
    if len(names) > 2 and indexes == list(range(indexes[0], indexes[0] + len(names))):
        return f"{short[0]}{DASH}{short[-1]}"
    return ", ".join(short)
