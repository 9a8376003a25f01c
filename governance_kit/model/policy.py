"""Policy: a prose policy document (the social media policy, a crisis protocol, a code of
conduct), with its audience, whether it must be acknowledged, and its text."""

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from .common import Id, Strict, ref
from .envelope import Kind, PolicyMetadata
from .people import Person

MARKDOWN = {"x-format": "markdown"}
"""Schema annotation of a field holding the company's Markdown: published as written, after
the handbook's markup judge, never escaped like the other texts."""

BodyPath = Annotated[
    str,
    StringConstraints(min_length=1, max_length=500, pattern=r"^[^\x00-\x1f\\]+$"),
    Field(
        description=(
            "A Markdown file in the policy folder, by its path from that folder, e.g. "
            "texts/social-media.md; never a link out of the repository."
        )
    ),
]


class Audience(Strict):
    """Whom a policy applies to; an empty audience is everyone on the roster."""

    roles: list[Id] = Field(
        default_factory=list,
        description="Role ids the policy applies to; empty: every role.",
        json_schema_extra=ref("role"),
    )
    teams: list[str] = Field(
        default_factory=list,
        description="Teams the policy applies to, as written in each person's `team`; empty: all.",
    )
    employment: list[Literal["employee", "contractor", "agency", "student"]] = Field(
        default_factory=list,
        description="Kinds of employment the policy applies to, e.g. [employee]; empty: all.",
    )

    def includes(self, person: Person) -> bool:
        """Whether the person is in the audience: every list given must match."""
        return (
            (not self.roles or any(role in person.roles for role in self.roles))
            and (not self.teams or person.team in self.teams)
            and (not self.employment or person.employment in self.employment)
        )

    def everyone(self) -> bool:
        return not (self.roles or self.teams or self.employment)


class PolicySpec(Strict):
    """The policy text and whom it applies to."""

    audience: Audience = Field(
        default_factory=Audience, description="Whom the policy applies to; empty: everyone."
    )
    acknowledgement_required: bool = Field(
        default=False,
        description=(
            "Whether everyone in the audience must acknowledge the current version, recorded in "
            "an Acknowledgements document (GK503)."
        ),
    )
    body: str | None = Field(
        default=None,
        description=(
            "The policy text in Markdown, published as written once judged like a handbook "
            "page (GK971); or give `body_file` instead."
        ),
        json_schema_extra=MARKDOWN,
    )
    body_file: BodyPath | None = Field(
        default=None,
        description=(
            "The policy text as a Markdown file in the policy folder (checked by GK106; "
            "published like a handbook page, GK971); or give `body` instead."
        ),
    )


class Policy(Kind):
    """Kind Policy: a prose policy document, one per file (several per repository)."""

    required = False
    single = False
    record = False

    api_version: Literal["governance-kit.dev/v1"] = Field(
        alias="apiVersion", description="Format of the file; always governance-kit.dev/v1."
    )
    kind: Literal["Policy"] = Field(description="The kind of document: Policy.")
    metadata: PolicyMetadata = Field(description="Identity, owner, version and review cadence.")
    spec: PolicySpec = Field(description="The content of the document.")
