"""Who is still here, for the rules: the one definition is `Person.gone(today)` in the model."""

from __future__ import annotations

from datetime import date

from ..model.people import Person, is_present

__all__ = ["departure", "is_gone", "is_present"]


def is_gone(person: Person, today: date) -> bool:
    """The person has left, or their last working day has passed (`Person.gone`)."""
    return person.gone(today)


def departure(person: Person, today: date, horizon_days: int) -> str | None:
    """'left on D' or 'leaves on D' when the person is gone or leaves within the horizon."""
    return person.departure(today, horizon_days)
