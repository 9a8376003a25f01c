"""Who must have which course, and who completed what: facts of the model shared by the
training rules, the draft rules and the outputs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from .advocacy import AdvocacyProgramme
from .governance import Governance, Location
from .moderation import ModerationPolicy
from .people import Person
from .training import TrainingPlan


@dataclass(frozen=True)
class Completed:
    """The latest completion of a course by a person, and where it is recorded."""

    completed: date
    where: Location


@dataclass
class Requirements:
    """The training plan's requirements, with who has account access and who is on the rota.

    Owning an account in use (its business or backup owner) counts as access: an owner answers
    for the account and can have access granted at any time, listed or not."""

    by_role: dict[str, list[str]] = field(default_factory=dict)
    access_courses: list[str] = field(default_factory=list)
    moderation_courses: list[str] = field(default_factory=list)
    listed: set[str] = field(default_factory=set)
    owners: set[str] = field(default_factory=set)
    on_rota: set[str] = field(default_factory=set)
    advocates: dict[str, dict[str, str]] = field(default_factory=dict)
    """Person -> course -> the advocacy programme that requires it."""

    @cached_property
    def with_access(self) -> set[str]:
        """People listed with access to an account in use, or owning one."""
        return self.listed | self.owners

    @classmethod
    def of(cls, governance: Governance) -> Requirements:
        spec = governance.spec(TrainingPlan)
        if spec is None:
            return cls()
        by_role: dict[str, list[str]] = {}
        for requirement in spec.requirements:
            by_role.setdefault(requirement.role, []).extend(requirement.courses)
        moderation = governance.spec(ModerationPolicy)
        in_use = [a for a in governance.accounts.values() if a.status != "archived"]
        return cls(
            by_role,
            list(spec.account_access_courses),
            list(spec.moderation_courses),
            {entry.person for account in in_use for entry in account.access},
            {
                owner
                for account in in_use
                for owner in (account.business_owner, account.backup_owner)
                if owner
            },
            {shift.person for shift in moderation.rota.shifts} if moderation else set(),
            advocates(governance),
        )

    def courses(self, person: Person) -> dict[str, str]:
        """Course id -> why the person needs it: a role, account access or ownership, the rota."""
        required: dict[str, str] = {}
        for role in person.roles:
            for course in self.by_role.get(role, ()):
                required.setdefault(course, f"role '{role}'")
        access = _access_reason(person.id in self.listed, person.id in self.owners)
        if access:
            for course in self.access_courses:
                required.setdefault(course, access)
        if person.id in self.on_rota:
            for course in self.moderation_courses:
                required.setdefault(course, "moderation rota")
        for course, reason in self.advocates.get(person.id, {}).items():
            required.setdefault(course, reason)
        return required


def advocates(governance: Governance) -> dict[str, dict[str, str]]:
    """Person -> course -> why: the courses of the advocacy programmes they are members of."""
    found: dict[str, dict[str, str]] = {}
    for document in governance.of_kind(AdvocacyProgramme):
        spec = document.model.spec
        if document.model.metadata.status != "in-force":
            continue
        for member in spec.members:
            for course in spec.courses:
                found.setdefault(member.person, {}).setdefault(
                    course, f"advocacy programme '{document.id}'"
                )
    return found


def _access_reason(listed: bool, owner: bool) -> str | None:
    if listed:
        return "account access"
    return "account ownership" if owner else None


def trainees(governance: Governance, today: date) -> list[Person]:
    """People training applies to: active or leaving, and not past their last day."""
    return [
        person
        for person in governance.people.values()
        if person.status in ("active", "leaving") and not person.gone(today)
    ]


def latest_completions(governance: Governance) -> dict[tuple[str, str], Completed]:
    """(person, course) -> the latest completion."""
    latest: dict[tuple[str, str], Completed] = {}
    for document in governance.of_kind(TrainingPlan):
        for index, item in enumerate(document.model.spec.completions):
            key = (item.person, item.course)
            if key not in latest or latest[key].completed < item.completed:
                where = Location(document, ("spec", "completions", index, "completed"))
                latest[key] = Completed(item.completed, where)
    return latest
