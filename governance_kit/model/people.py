"""People and roles: the roster, the roles, and who may engage on behalf of the company."""

from datetime import date, timedelta
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from .common import Date, Email, Id, Strict, classified, ref
from .envelope import Kind, PolicyMetadata


class WorkContact(Strict):
    """How to reach a role or a person at work: published in the handbook for everyone.

    Team lines, duty phones, chat channels and shared mailboxes only; a personal number
    belongs in the person's confidential `phone`, never here (the build refuses a site that
    would publish one)."""

    phone: str | None = Field(
        default=None,
        description="A team or duty phone anyone at work may call, e.g. +47 22 00 00 00.",
    )
    chat: str | None = Field(
        default=None,
        description="A chat channel or group, e.g. Teams: Social Media Desk > Krise.",
    )
    email: Email | None = Field(default=None, description="A shared mailbox.")
    hours: str | None = Field(
        default=None,
        description="When the contact answers, e.g. 'weekdays 08-16' or 'around the clock'.",
    )


class Role(Strict):
    """A role in social-media work, e.g. editor or moderator."""

    id: Id = Field(description="Role id, referred to by people, approvals and training.")
    name: str = Field(description="Human name of the role.")
    description: str = Field(description="What someone in this role does.")
    work_contact: WorkContact | None = Field(
        default=None,
        description="How to reach whoever holds the role (published), e.g. the team's chat.",
    )
    may_post: bool = Field(
        default=False, description="Whether holders may publish on official accounts."
    )


class Identities(Strict):
    """How a person is named in other systems, so that exports can be matched to the roster
    (`govkit reconcile`). Each is optional; the work e-mail always counts as well."""

    upn: Email | None = Field(
        default=None,
        description="Microsoft Entra ID user principal name, when not the work e-mail.",
    )
    google: Email | None = Field(
        default=None, description="Google Workspace primary address, when not the work e-mail."
    )
    vault: Email | None = Field(
        default=None,
        description="Login of the password manager (1Password, Bitwarden), when not the work "
        "e-mail.",
    )
    meta_user_id: Annotated[str, StringConstraints(pattern=r"^\d{1,30}$")] | None = Field(
        default=None, description="Meta business-scoped user id (Graph API assigned_users)."
    )
    linkedin_urn: Annotated[str, StringConstraints(pattern=r"^urn:li:person:\S{1,100}$")] | (
        None
    ) = Field(default=None, description="LinkedIn member URN, e.g. urn:li:person:AbC123.")
    other: dict[Id, Annotated[str, StringConstraints(min_length=1, max_length=200)]] = Field(
        default_factory=dict,
        description="Identifiers on other platforms by platform, e.g. tiktok: nordlys.ben "
        "(matched in a platform-admins CSV).",
    )

    def values(self) -> list[str]:
        """Every identifier given, as written."""
        named = [self.upn, self.google, self.vault, self.meta_user_id, self.linkedin_urn]
        return [value for value in [*named, *self.other.values()] if value]


class Person(Strict):
    """Someone on the roster."""

    id: Id = Field(description="Person id, referred to everywhere else.")
    name: str = Field(description="Full name.")
    email: Email = Field(description="Work e-mail address.")
    team: str = Field(description="Team or department.")
    roles: list[Id] = Field(
        default_factory=list,
        description="Role ids this person holds.",
        json_schema_extra=ref("role"),
    )
    employment: Literal["employee", "contractor", "agency", "student"] = Field(
        default="employee", description="How the person works for the company."
    )
    sponsor: Id | None = Field(
        default=None,
        description="Employee who answers for a contractor, agency or student.",
        json_schema_extra=ref("person"),
    )
    status: Literal["active", "leaving", "left"] = Field(
        default="active", description="active, leaving (end date set) or left."
    )
    start_date: Date | None = Field(default=None, description="First working day.")
    end_date: Date | None = Field(
        default=None, description="Last working day; required when leaving or left."
    )
    github: str | None = Field(
        default=None, description="GitHub or GitLab user name, used for CODEOWNERS."
    )
    work_contact: WorkContact | None = Field(
        default=None,
        description="A published way to reach this person at work besides the work e-mail.",
    )
    phone: str | None = Field(
        default=None,
        description="Personal phone number, for crisis call-outs only; never published.",
        json_schema_extra=classified("confidential"),
    )
    identities: Identities | None = Field(
        default=None,
        description="Identifiers in the identity provider, the password manager and the "
        "platforms, matched by govkit reconcile; never guessed from names.",
    )

    def gone(self, today: date) -> bool:
        """Has this person left? Yes when the roster says so (status `left`) or when their last
        working day (`end_date`) is before `today`: a roster not updated yet does not keep
        someone who has left in charge of anything."""
        return self.status == "left" or (self.end_date is not None and self.end_date < today)

    def departure(self, today: date, horizon_days: int) -> str | None:
        """'left on D' or 'leaves on D' when the person is gone or leaves within the horizon."""
        end = self.end_date
        if self.gone(today):
            return f"left on {end.isoformat()}" if end else "has left"
        if end is not None and end < today + timedelta(days=horizon_days):
            return f"leaves on {end.isoformat()}"
        if self.status == "leaving" and end is None:
            return "is leaving"
        return None


def is_present(person: Person | None, today: date) -> bool:
    """The person is on the roster and has not left."""
    return person is not None and not person.gone(today)


class Engagement(Strict):
    """Who may speak for the company on social media."""

    who: Literal["everyone", "named-roles"] = Field(
        description="everyone: any employee may engage; named-roles: only the roles listed."
    )
    roles: list[Id] = Field(
        default_factory=list, description="Role ids that may engage.", json_schema_extra=ref("role")
    )
    guidelines: list[str] = Field(
        default_factory=list, description="What everyone engaging must keep in mind."
    )


class PeopleSpec(Strict):
    """The roster and the roles."""

    roles: list[Role] = Field(default_factory=list, description="Roles defined here.")
    people: list[Person] = Field(default_factory=list, description="People on the roster.")
    engagement: Engagement | None = Field(
        default=None, description="Who may engage on behalf of the company."
    )


class People(Kind):
    """Kind People: roles and the roster (may be split over several files)."""

    required = True
    single = False
    record = False
    entity_lists = {"person": "people", "role": "roles"}

    api_version: Literal["governance-kit.dev/v1"] = Field(
        alias="apiVersion", description="Format of the file; always governance-kit.dev/v1."
    )
    kind: Literal["People"] = Field(description="The kind of document: People.")
    metadata: PolicyMetadata = Field(description="Identity, owner, version and review cadence.")
    spec: PeopleSpec = Field(description="The content of the document.")
