"""Brand rules: voice and tone, assets, per-platform do's and don'ts, disclosure, accessibility."""

from typing import Literal

from pydantic import Field

from .common import Id, Strict, ref
from .envelope import Kind, PolicyMetadata
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


Counting = Literal["graphemes", "weighted"]
CallToAction = Literal["question", "poll", "link"]


class PostRules(Strict):
    """Rules `govkit post check` applies to a draft; an empty field inherits the wider rule.

    Rules for all posts apply unless a platform's rules say otherwise, and an account's rules
    override its platform's.
    """

    max_length: int | None = Field(
        default=None, ge=1, description="Most characters a post may have, counted as `counting`."
    )
    counting: Counting | None = Field(
        default=None,
        description=(
            "How characters are counted: graphemes (what a reader sees as one character) or "
            "weighted (as X counts: CJK characters and emoji count 2, every link 23)."
        ),
    )
    max_hashtags: int | None = Field(
        default=None, ge=0, description="Most hashtags a post may have."
    )
    utm_required: bool | None = Field(
        default=None,
        description="Whether every link must carry utm_source, utm_medium and utm_campaign.",
    )
    call_to_action: list[CallToAction] | None = Field(
        default=None,
        description=(
            "A post needs at least one of these: a question, a poll or a link; empty: "
            "no call to action required."
        ),
    )


class AccountPostRules(PostRules):
    """Post rules of one account, overriding those of its platform."""

    account: Id = Field(description="Account id.", json_schema_extra=ref("account"))


class WordRule(Strict):
    """A word or phrase posts must not use, or should avoid, and what to say instead."""

    phrase: str = Field(min_length=1, description="The word or phrase, in any language.")
    level: Literal["banned", "discouraged"] = Field(
        description="banned: a post may not go out with it; discouraged: think twice."
    )
    prefer: str | None = Field(default=None, description="What to write instead.")
    reason: str | None = Field(default=None, description="Why.")


class PlatformRules(Strict):
    """Do's and don'ts for one platform."""

    platform: Platform = Field(description="The platform.")
    dos: list[str] = Field(default_factory=list, description="What to do.")
    donts: list[str] = Field(default_factory=list, description="What never to do.")
    post: PostRules | None = Field(
        default=None, description="Rules checked on every draft for the platform."
    )


class Disclosure(Strict):
    """How advertising and partnerships are labelled."""

    ads_label: str = Field(description="Label on paid posts, e.g. #ad.")
    partnership_label: str = Field(description="Label on partnership posts.")
    also_accepted: list[str] = Field(
        default_factory=list,
        description="Other labels a sponsored post may carry instead, e.g. Annonse or Werbung.",
    )
    visible_within: int | None = Field(
        default=None,
        ge=1,
        description="The label must start within this many characters of the post's beginning.",
    )
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
    post_rules: PostRules = Field(
        default_factory=PostRules, description="Rules checked on every draft, on any platform."
    )
    account_rules: list[AccountPostRules] = Field(
        default_factory=list, description="Post rules of single accounts."
    )
    words: list[WordRule] = Field(
        default_factory=list, description="Banned and discouraged words and phrases."
    )


class BrandGuide(Kind):
    """Kind BrandGuide: voice, assets, platform rules, disclosure, accessibility, checklist."""

    required = True
    single = True
    record = False

    api_version: Literal["governance-kit.dev/v1"] = Field(
        alias="apiVersion", description="Format of the file; always governance-kit.dev/v1."
    )
    kind: Literal["BrandGuide"] = Field(description="The kind of document: BrandGuide.")
    metadata: PolicyMetadata = Field(description="Identity, owner, version and review cadence.")
    spec: BrandSpec = Field(description="The content of the document.")
