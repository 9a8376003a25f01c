"""Third-party tools and agencies connected to official accounts, who holds each connection,
what it may do, and when it was last reviewed."""

from datetime import date
from typing import Literal

from pydantic import Field

from .common import Date, Id, Interval, Period, SecretRef, Strict, classified, ref
from .envelope import Kind, PolicyMetadata


class Connection(Strict):
    """One tool or agency connected to official accounts."""

    id: Id = Field(description="Connection id, unique across the policy repository.")
    name: str = Field(min_length=1, description="Name of the tool or agency, e.g. Hootsuite.")
    type: Literal["tool", "agency"] = Field(
        description="tool: software connected to the accounts; agency: a firm working on them."
    )
    vendor: str = Field(min_length=1, description="Company that provides the tool or service.")
    purpose: str | None = Field(default=None, description="What the company uses it for.")
    accounts: list[Id] = Field(
        min_length=1,
        description="Account ids the tool or agency is connected to.",
        json_schema_extra=ref("account"),
    )
    holder: Id = Field(
        description=(
            "Person id of whoever holds the connection (authorised it, or holds its login): an "
            "employee for a tool, the agency's contact on the roster for an agency."
        ),
        json_schema_extra=ref("person"),
    )
    sponsor: Id | None = Field(
        default=None,
        description="Employee who answers for an agency's connection (GK313).",
        json_schema_extra=ref("person"),
    )
    scopes: list[str] = Field(
        default_factory=list,
        description=(
            "Permissions granted, e.g. publish, read_insights, manage_comments; one naming "
            "publish lets it post on the accounts."
        ),
    )
    secret_ref: SecretRef | None = Field(
        default=None,
        description=(
            "Secret-manager reference of the connection's token or login, e.g. "
            "op://social-tools/hootsuite; never the token itself."
        ),
        json_schema_extra=classified("confidential"),
    )
    connected: Date | None = Field(default=None, description="When the connection was made.")
    last_reviewed: Date | None = Field(
        default=None,
        description="When the connection (accounts, holder, scopes) was last reviewed.",
    )
    review_interval: Interval | None = Field(
        default=None,
        description="How often it must be reviewed; empty: Settings' connection_review.",
    )
    notes: str | None = Field(default=None, description="Anything else a reader should know.")

    def review_due(self, default: str) -> date | None:
        """Last review (or, if never reviewed, the connection date) plus the interval."""
        start = self.last_reviewed or self.connected
        interval = self.review_interval or default
        return Period.parse(interval).after(start) if start else None

    def may_publish(self) -> bool:
        """Whether a scope granted lets it post on the accounts (one naming `publish`)."""
        return any("publish" in scope for scope in self.scopes)


class ConnectionsSpec(Strict):
    """The connections of one file."""

    connections: list[Connection] = Field(
        default_factory=list, description="Tools and agencies connected to accounts."
    )


class Connections(Kind):
    """Kind Connections: third-party tools and agencies connected to accounts (may be split)."""

    required = False
    single = False
    record = False
    entity_lists = {"connection": "connections"}

    api_version: Literal["governance-kit.dev/v1"] = Field(
        alias="apiVersion", description="Format of the file; always governance-kit.dev/v1."
    )
    kind: Literal["Connections"] = Field(description="The kind of document: Connections.")
    metadata: PolicyMetadata = Field(description="Identity, owner, version and review cadence.")
    spec: ConnectionsSpec = Field(description="The content of the document.")
