"""Who must have which course, and who completed what (shared by the training rules)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..model.governance import Governance, Location
from ..model.people import Person
from ._people import is_gone


@dataclass(frozen=True)
class Completed:
    """The latest completion of a course by a person, and where it is recorded."""

    completed: date
    where: Location


def required_courses(governance: Governance, person: Person) -> dict[str, str]:
    """Course id -> why the person needs it (a role, account access, or the rota)."""
    spec = governance.single("TrainingPlan")
    if spec is None:
        return {}
    required: dict[str, str] = {}
    for requirement in spec.requirements:
        if requirement.role in person.roles:
            for course in requirement.courses:
                required.setdefault(course, f"role '{requirement.role}'")
    if has_account_access(governance, person.id):
        for course in spec.account_access_courses:
            required.setdefault(course, "account access")
    if on_rota(governance, person.id):
        for course in spec.moderation_courses:
            required.setdefault(course, "moderation rota")
    return required


def trainees(governance: Governance, today: date) -> list[Person]:
    """People training applies to: active or leaving, and not past their last day."""
    return [
        person
        for person in governance.people.values()
        if person.status in ("active", "leaving") and not is_gone(person, today)
    ]


def has_account_access(governance: Governance, person: str) -> bool:
    return any(
        entry.person == person
        for account in governance.accounts.values()
        if account.status != "archived"
        for entry in account.access
    )


def on_rota(governance: Governance, person: str) -> bool:
    spec = governance.single("ModerationPolicy")
    return spec is not None and any(shift.person == person for shift in spec.rota.shifts)


def latest_completions(governance: Governance) -> dict[tuple[str, str], Completed]:
    """(person, course) -> the latest completion."""
    latest: dict[tuple[str, str], Completed] = {}
    for document in governance.of_kind("TrainingPlan"):
        for index, item in enumerate(document.model.spec.completions):
            key = (item.person, item.course)
            if key not in latest or latest[key].completed < item.completed:
                where = Location(document, ("spec", "completions", index, "completed"))
                latest[key] = Completed(item.completed, where)
    return latest
