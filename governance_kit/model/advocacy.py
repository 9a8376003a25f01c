"""Employee advocacy (ambassador) programmes: who takes part, on which platforms, the training
they need, and each member's acknowledged duty to disclose their affiliation."""

from typing import Literal

from pydantic import Field, field_validator

from .common import Date, Id, SemVer, Strict, ref
from .envelope import Kind, PolicyMetadata
from .scope import Platform


class Disclosure(Strict):
    """A member's acknowledgement of the duty to disclose their affiliation."""

    acknowledged: Date = Field(description="When the member acknowledged it.")
    version: SemVer = Field(
        description="The programme's version (metadata.version) whose guidelines they read."
    )


class Member(Strict):
    """One employee taking part in the programme."""

    person: Id = Field(description="Person id of the member.", json_schema_extra=ref("person"))
    joined: Date = Field(description="When they joined the programme.")
    platforms: list[Platform] = Field(
        min_length=1,
        description="Platforms on which they post about the company from their own accounts.",
    )
    disclosure: Disclosure | None = Field(
        default=None,
        description="Their acknowledgement of the duty to disclose their affiliation (GK210).",
    )


class AdvocacySpec(Strict):
    """What the programme is, what its members must do, and who they are."""

    summary: str = Field(min_length=1, description="What the programme is, for employees.")
    disclosure_rule: str = Field(
        min_length=1,
        description="How members disclose their affiliation when they post about the company.",
    )
    guidelines: list[str] = Field(
        default_factory=list, description="What else members must keep in mind."
    )
    courses: list[Id] = Field(
        default_factory=list,
        description="Course ids (TrainingPlan) every member must have (GK501, GK502).",
        json_schema_extra=ref("course"),
    )
    contact: Id | None = Field(
        default=None,
        description="Person id members ask about the programme; the owner when empty.",
        json_schema_extra=ref("person"),
    )
    members: list[Member] = Field(default_factory=list, description="The members.")

    @field_validator("members")
    @classmethod
    def _each_person_once(cls, members: list[Member]) -> list[Member]:
        seen: dict[str, int] = {}
        for number, member in enumerate(members, 1):
            if member.person in seen:
                raise ValueError(
                    f"person '{member.person}' is listed twice (members {seen[member.person]} "
                    f"and {number}); keep one entry"
                )
            seen[member.person] = number
        return members


class AdvocacyProgramme(Kind):
    """Kind AdvocacyProgramme: an employee advocacy (ambassador) programme."""

    required = False
    single = False
    record = False

    api_version: Literal["governance-kit.dev/v1"] = Field(
        alias="apiVersion", description="Format of the file; always governance-kit.dev/v1."
    )
    kind: Literal["AdvocacyProgramme"] = Field(
        description="The kind of document: AdvocacyProgramme."
    )
    metadata: PolicyMetadata = Field(description="Identity, owner, version and review cadence.")
    spec: AdvocacySpec = Field(description="The content of the document.")
