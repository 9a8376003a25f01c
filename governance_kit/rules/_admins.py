"""Who administers an account: the admins still here, and whether they are employees."""

from __future__ import annotations

from datetime import date

from ..model.accounts import Account
from ..model.people import Person
from ._people import is_present


def present_admins(account: Account, people: dict[str, Person], today: date) -> list[str]:
    """Ids of the admins of an account who are on the roster and have not left, sorted."""
    return sorted(
        {
            entry.person
            for entry in account.access
            if entry.level == "admin" and is_present(people.get(entry.person), today)
        }
    )


def is_employee(person: Person | None) -> bool:
    return person is not None and person.employment == "employee"
