"""Who is still here: shared by the rules that ask whether a person has left or is leaving."""

from __future__ import annotations

from datetime import date, timedelta

from ..model.people import Person


def is_gone(person: Person, today: date) -> bool:
    """The person has left, or their last working day has passed."""
    return person.status == "left" or (person.end_date is not None and person.end_date < today)


def departure(person: Person, today: date, horizon_days: int) -> str | None:
    """'left on D' or 'leaves on D' when the person is gone or leaves within the horizon."""
    end = person.end_date
    if person.status == "left" or (end is not None and end < today):
        return f"left on {end.isoformat()}" if end else "has left"
    if end is not None and end < today + timedelta(days=horizon_days):
        return f"leaves on {end.isoformat()}"
    if person.status == "leaving" and end is None:
        return "is leaving"
    return None


def is_present(person: Person | None, today: date) -> bool:
    """The person is on the roster and has not left."""
    return person is not None and not is_gone(person, today)
