"""Organisation and scope: which channels the governance model covers, and which it does not."""

from typing import Literal

from pydantic import Field

from .common import Email, Id, Strict
from .envelope import Kind, PolicyMetadata

Platform = Literal[
    "instagram",
    "facebook",
    "linkedin",
    "x",
    "tiktok",
    "youtube",
    "threads",
    "bluesky",
    "mastodon",
    "pinterest",
    "reddit",
    "snapchat",
    "whatsapp",
    "discord",
    "twitch",
    "telegram",
    "slack",
    "teams",
    "viva-engage",
    "workplace",
    "forum",
    "blog",
    "newsletter",
    "other",
]


class Organisation(Strict):
    """The company the model belongs to."""

    name: str = Field(description="The company's name as employees know it.")
    description: str | None = Field(default=None, description="One paragraph about the company.")
    website: str | None = Field(default=None, description="The company's public website.")
    contact: Email = Field(
        description="Shared mailbox for questions about social-media governance."
    )


class Channel(Strict):
    """A channel or community in scope: one platform used for one purpose and audience."""

    id: Id = Field(description="Channel id, referred to by accounts, SLAs and objectives.")
    name: str = Field(description="Human name of the channel.")
    platform: Platform = Field(description="The platform the channel lives on.")
    visibility: Literal["external", "internal"] = Field(
        description="external: the public or customers; internal: employees only."
    )
    purpose: str = Field(description="Why the company is on this channel (the Objective in POST).")
    audience: list[str] = Field(
        min_length=1, description="Who the channel speaks to (the People in POST)."
    )
    languages: list[str] = Field(default_factory=list, description="Languages used, e.g. en, nb.")


class OutOfScope(Strict):
    """Something explicitly not governed by this model."""

    item: str = Field(description="What is out of scope.")
    reason: str = Field(description="Why, and where it is governed instead, if anywhere.")
    platforms: list[Platform] = Field(
        default_factory=list,
        description=(
            "Platforms this item declares out of scope: an account on one of them may be "
            "registered without a channel, and GK701 flags it with this reason."
        ),
    )


class ScopeSpec(Strict):
    """What the governance model covers."""

    organisation: Organisation = Field(description="The company.")
    channels: list[Channel] = Field(min_length=1, description="Every channel in scope.")
    out_of_scope: list[OutOfScope] = Field(
        default_factory=list, description="What is explicitly not covered."
    )

    def declared_out(self, platform: str) -> OutOfScope | None:
        """The first out-of-scope item that names the platform, or None."""
        return next((item for item in self.out_of_scope if platform in item.platforms), None)


class Scope(Kind):
    """Kind Scope: the organisation, its channels in scope and what is out of scope."""

    required = True
    single = True
    record = False
    entity_lists = {"channel": "channels"}

    api_version: Literal["governance-kit.dev/v1"] = Field(
        alias="apiVersion", description="Format of the file; always governance-kit.dev/v1."
    )
    kind: Literal["Scope"] = Field(description="The kind of document: Scope.")
    metadata: PolicyMetadata = Field(description="Identity, owner, version and review cadence.")
    spec: ScopeSpec = Field(description="The content of the document.")
