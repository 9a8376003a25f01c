"""Moderation and response: community rules, the on-call rota, SLAs, escalation, RACI, crises."""

from typing import Literal

from pydantic import Field

from .common import ClockTime, Date, Duration, Id, Strict, Weekday, ref
from .envelope import Kind, PolicyMetadata


class Removal(Strict):
    """A kind of content that is removed, and what else happens."""

    what: str = Field(description="The kind of content.")
    action: str = Field(description="What the moderator does, e.g. hide, ban, report.")


class CommunityRules(Strict):
    """What the community may expect, and what is removed."""

    expected: list[str] = Field(min_length=1, description="Behaviour we expect from everyone.")
    removed: list[Removal] = Field(default_factory=list, description="What moderators remove.")


class Hours(Strict):
    """Hours of the week, in the rota's time zone."""

    days: list[Weekday] = Field(min_length=1, description="Days of the week.")
    start: ClockTime = Field(description="Start time, HH:MM.")
    end: ClockTime = Field(description="End time, HH:MM; before start means past midnight.")


class Shift(Strict):
    """A recurring on-call shift."""

    person: Id = Field(description="Person id on call.", json_schema_extra=ref("person"))
    days: list[Weekday] = Field(min_length=1, description="Days of the week.")
    start: ClockTime = Field(description="Start time, HH:MM.")
    end: ClockTime = Field(description="End time, HH:MM; before start means past midnight.")
    channels: list[Id] = Field(
        default_factory=list,
        description="Channel ids covered; empty covers every channel.",
        json_schema_extra=ref("channel"),
    )


class Rota(Strict):
    """The on-call moderation rota."""

    timezone: str = Field(description="IANA time zone of the shifts, e.g. Europe/Oslo.")
    shifts: list[Shift] = Field(min_length=1, description="The shifts.")


class Sla(Strict):
    """The response promise on one channel."""

    channel: Id = Field(description="Channel id.", json_schema_extra=ref("channel"))
    first_response: Duration = Field(description="First reply within, e.g. PT2H.")
    hours: Literal["always"] | Hours = Field(
        description="When the promise holds: always, or the hours given."
    )
    target_share: float = Field(
        default=0.9, gt=0, le=1, description="Share of messages answered within the SLA."
    )


class Tier(Strict):
    """One step of an escalation path."""

    level: int = Field(ge=1, le=9, description="1 is the first step.")
    role: Id = Field(description="Role id that handles this tier.", json_schema_extra=ref("role"))
    backup: Id | None = Field(
        default=None,
        description="Role id if the first is unavailable.",
        json_schema_extra=ref("role"),
    )
    within: Duration | None = Field(default=None, description="Escalate within, e.g. PT1H.")
    approver: Id | None = Field(
        default=None,
        description="Role id that signs off at this tier.",
        json_schema_extra=ref("role"),
    )
    escalates_to: Id | None = Field(
        default=None,
        description="Another escalation path id this tier hands over to.",
        json_schema_extra=ref("escalation"),
    )


class EscalationPath(Strict):
    """Who handles an issue, step by step."""

    id: Id = Field(description="Path id.")
    name: str = Field(description="Name of the path.")
    trigger: str = Field(description="When to use this path.")
    channels: list[Id] = Field(
        default_factory=list,
        description="Channel ids; empty for all.",
        json_schema_extra=ref("channel"),
    )
    tiers: list[Tier] = Field(min_length=1, description="The tiers in order.")


class RaciEntry(Strict):
    """Responsible, accountable, consulted and informed for one activity."""

    activity: str = Field(description="The activity.")
    responsible: list[Id] = Field(
        min_length=1, description="Role ids who do it.", json_schema_extra=ref("role")
    )
    accountable: Id = Field(
        description="Role id who answers for it.", json_schema_extra=ref("role")
    )
    consulted: list[Id] = Field(
        default_factory=list, description="Role ids consulted.", json_schema_extra=ref("role")
    )
    informed: list[Id] = Field(
        default_factory=list, description="Role ids informed.", json_schema_extra=ref("role")
    )


class SeverityLevel(Strict):
    """A crisis severity level."""

    level: Literal["low", "medium", "high", "critical"] = Field(description="The level.")
    description: str = Field(description="What makes a crisis this severe.")
    holding_statement: str | None = Field(
        default=None, description="Pre-approved first public statement."
    )


class Crisis(Strict):
    """A crisis protocol, e.g. reputation damage or account takeover."""

    id: Id = Field(description="Protocol id.")
    name: str = Field(description="Name of the protocol.")
    kind: Literal["reputation", "account-takeover", "data-leak", "safety", "other"] = Field(
        description="What kind of crisis."
    )
    triggers: list[str] = Field(min_length=1, description="Signs that this crisis is happening.")
    steps: list[str] = Field(min_length=1, description="What to do, in order.")
    contacts: list[Id] = Field(
        min_length=1, description="Person ids to call.", json_schema_extra=ref("person")
    )
    contacts_verified: Date | None = Field(
        default=None, description="When the contacts were last checked."
    )
    accounts: list[Id] = Field(
        default_factory=list,
        description=(
            "Accounts the holding statements are published on; placeholders {handle}, "
            "{platform} and {url} in a statement are filled from each."
        ),
        json_schema_extra=ref("account"),
    )
    severity_levels: list[SeverityLevel] = Field(
        default_factory=list, description="Severity levels and holding statements."
    )


class ModerationSpec(Strict):
    """Community rules, rota, SLAs, escalation, RACI and crisis protocols."""

    community_rules: CommunityRules = Field(description="Community rules.")
    rota: Rota = Field(description="The on-call moderation rota.")
    slas: list[Sla] = Field(default_factory=list, description="Response SLAs per channel.")
    escalation: list[EscalationPath] = Field(min_length=1, description="Escalation paths.")
    raci: list[RaciEntry] = Field(default_factory=list, description="The RACI matrix.")
    crisis: list[Crisis] = Field(default_factory=list, description="Crisis protocols.")
    crisis_numbers: str | None = Field(
        default=None,
        description=(
            "Where the personal phone numbers of crisis contacts are kept for those who may "
            "call them, e.g. 'the crisis card in the on-call app'; never the numbers themselves."
        ),
    )


class ModerationPolicy(Kind):
    """Kind ModerationPolicy: how the company moderates and responds."""

    required = True
    single = True
    record = False
    entity_lists = {"escalation": "escalation", "crisis": "crisis"}

    api_version: Literal["governance-kit.dev/v1"] = Field(
        alias="apiVersion", description="Format of the file; always governance-kit.dev/v1."
    )
    kind: Literal["ModerationPolicy"] = Field(description="The kind of document: ModerationPolicy.")
    metadata: PolicyMetadata = Field(description="Identity, owner, version and review cadence.")
    spec: ModerationSpec = Field(description="The content of the document.")
