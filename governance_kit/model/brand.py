"""Brand rules: voice and tone, assets, per-platform do's and don'ts, disclosure, accessibility."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import Id, Strict
from .envelope import PolicyMetadata
from .scope import Platform


class ToneInContext(Strict):
    """How the voice sounds in one situation."""

    context: str = Field(description="The situation, e.g. complaint, launch, crisis.")
    tone: str = Field(description="How to sound there.")


class Voice(Strict):
    """The brand's voice."""

    summary: str = Field(description="The voice in one or two sentences.")
    principles: list[str] = Field(default_factory=list, description="Principles of the voice.")
    tone_by_context: list[ToneInContext] = Field(
        default_factory=list, description="How the tone adapts."
    )


class Asset(Strict):
    """A brand asset: logo, colour, template or font."""

    id: Id = Field(description="Asset id.")
    name: str = Field(description="Asset name.")
    kind: Literal["logo", "colour", "template", "font", "image"] = Field(
        description="Kind of asset."
    )
    reference: str = Field(description="Where to find it: a URL, a path, or a colour value.")
    usage: str | None = Field(default=None, description="When and how to use it.")


class PlatformRules(Strict):
    """Do's and don'ts for one platform."""

    platform: Platform = Field(description="The platform.")
    dos: list[str] = Field(default_factory=list, description="What to do.")
    donts: list[str] = Field(default_factory=list, description="What never to do.")


class Disclosure(Strict):
    """How advertising and partnerships are labelled."""

    ads_label: str = Field(description="Label on paid posts, e.g. #ad.")
    partnership_label: str = Field(description="Label on partnership posts.")
    rules: list[str] = Field(default_factory=list, description="Further disclosure rules.")


class Accessibility(Strict):
    """Accessibility requirements for every post."""

    alt_text_required: bool = Field(default=True, description="Every image needs alt text.")
    subtitles_required: bool = Field(default=True, description="Every video needs subtitles.")
    min_contrast_ratio: float = Field(
        default=4.5, ge=1, le=21, description="Minimum text contrast (WCAG)."
    )
    rules: list[str] = Field(default_factory=list, description="Further accessibility rules.")


class CheckItem(Strict):
    """One item of the pre-publication checklist."""

    id: Id = Field(description="Item id.")
    item: str = Field(description="What to check before publishing.")
    required: bool = Field(default=True, description="Whether a post may go out without it.")


class BrandSpec(Strict):
    """The brand rules."""

    voice: Voice = Field(description="Voice and tone.")
    assets: list[Asset] = Field(default_factory=list, description="Logos, colours, templates.")
    platforms: list[PlatformRules] = Field(
        default_factory=list, description="Per-platform do's and don'ts."
    )
    disclosure: Disclosure = Field(description="Labelling of ads and partnerships.")
    accessibility: Accessibility = Field(
        default_factory=Accessibility, description="Accessibility requirements."
    )
    checklist: list[CheckItem] = Field(min_length=1, description="Pre-publication checklist.")


class BrandGuide(Strict):
    """Kind BrandGuide: voice, assets, platform rules, disclosure, accessibility, checklist."""

    api_version: Literal["governance-kit.dev/v1"] = Field(
        alias="apiVersion", description="Format of the file; always governance-kit.dev/v1."
    )
    kind: Literal["BrandGuide"] = Field(description="The kind of document: BrandGuide.")
    metadata: PolicyMetadata = Field(description="Identity, owner, version and review cadence.")
    spec: BrandSpec = Field(description="The content of the document.")
