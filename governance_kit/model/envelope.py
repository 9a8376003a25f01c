"""The envelope every policy file shares: apiVersion, kind, metadata and spec."""

from datetime import date
from typing import ClassVar, Literal

from pydantic import Field

from .common import Classification, Date, Id, Interval, Period, SemVer, Strict, ref

API_VERSION = "governance-kit.dev/v1"


class Review(Strict):
    """The review cadence of a policy document."""

    interval: Interval = Field(
        description="How often the document must be reviewed, e.g. P1Y, P6M or quarterly."
    )
    last_reviewed: Date | None = Field(
        default=None,
        description="When the last completed review took place; empty if never reviewed.",
    )
    reviewed_by: Id | None = Field(
        default=None,
        description="Person id of whoever completed the last review.",
        json_schema_extra=ref("person"),
    )
    note: str | None = Field(default=None, description="What the last review concluded.")


class ChangeLogEntry(Strict):
    """One released version of a policy document."""

    version: SemVer = Field(description="The version this entry describes.")
    date: Date = Field(description="When this version took effect.")
    summary: str = Field(description="What changed, in words a reader understands.")


class Metadata(Strict):
    """What identifies a document."""

    id: Id = Field(description="The document id, unique across the policy repository.")
    title: str = Field(min_length=1, max_length=200, description="The document's title.")
    description: str | None = Field(default=None, description="What the document is for.")


class PolicyMetadata(Metadata):
    """What identifies a policy document, and who keeps it current."""

    owner: Id = Field(
        description="Person id of the document's owner, who answers for it.",
        json_schema_extra=ref("person"),
    )
    version: SemVer = Field(description="The document's version (semantic versioning).")
    status: Literal["draft", "in-force", "retired"] = Field(
        default="in-force", description="Whether the document applies today."
    )
    effective_date: Date = Field(description="The date from which this version applies.")
    review: Review = Field(description="How often the document is reviewed, and the last review.")
    approved_by: Id | None = Field(
        default=None,
        description="Person id of whoever approved the current version.",
        json_schema_extra=ref("person"),
    )
    approved_on: Date | None = Field(
        default=None, description="When the current version was approved."
    )
    change_summary: str | None = Field(
        default=None, description="What changed in the current version (required for a major bump)."
    )
    changelog: list[ChangeLogEntry] = Field(
        default_factory=list, description="Earlier versions, newest first."
    )
    classification: Classification = Field(
        default="internal",
        description="Who may read the document: public, internal (all staff) or confidential.",
    )
    applies_to_roles: list[Id] = Field(
        default_factory=list,
        description=(
            "Role ids the document applies to, for acknowledgements (GK503); empty: every role."
        ),
        json_schema_extra=ref("role"),
    )

    def next_review(self) -> date:
        """Last review (or, if never reviewed, the effective date) plus the review interval."""
        start = self.review.last_reviewed or self.effective_date
        return Period.parse(self.review.interval).after(start)


class Kind(Strict):
    """Base of every document kind: what the kind is to a repository, declared on the class.

    Every list of kinds (required, single, records, policies, where entities are defined) is
    derived from these in `model.kinds`; nothing else lists kinds by name.
    """

    required: ClassVar[bool] = False
    """A complete governance model has at least one document of this kind."""
    single: ClassVar[bool] = False
    """A repository holds at most one document of this kind; the others may be split."""
    record: ClassVar[bool] = False
    """It records or configures rather than sets policy: no owner, version or review."""
    entity_lists: ClassVar[dict[str, str]] = {}
    """Entity kind -> the list in `spec` that defines entities of that kind."""
