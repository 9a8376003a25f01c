"""The post rules in words, for the handbook: one plain sentence per rule that applies."""

from __future__ import annotations

from ..model.brand import BrandSpec
from .effective import Effective

UTM = ("utm_source", "utm_medium", "utm_campaign")

_CTA_WORDS = {"question": "a question", "poll": "a poll", "link": "a link"}


def either(items: list[str], word: str = "or") -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def length_rule(rules: Effective) -> str | None:
    if rules.max_length is None:
        return None
    if rules.counting == "weighted":
        return (
            f"At most {rules.max_length:,} characters, counted as X counts them: Chinese, "
            "Japanese and Korean characters and emoji count as two, every link as 23."
        )
    return (
        f"At most {rules.max_length:,} characters, counting each character as a reader sees it "
        "(an emoji or a letter with an accent counts once)."
    )


def sentences(rules: Effective) -> list[str]:
    """What the rules of one platform or account require, in words."""
    found = [length_rule(rules)]
    if rules.max_hashtags is not None:
        found.append(
            "No hashtags." if rules.max_hashtags == 0 else f"At most {rules.max_hashtags} hashtags."
        )
    if rules.utm_required:
        found.append(f"Every link carries the UTM parameters {either(list(UTM), 'and')}.")
    if rules.call_to_action:
        options = [_CTA_WORDS[option] for option in rules.call_to_action]
        found.append(f"Every post has a call to action: {either(options)}.")
    return [sentence for sentence in found if sentence]


def general(brand: BrandSpec) -> list[str]:
    """Rules every draft is checked against whatever the platform."""
    found = []
    if brand.accessibility.alt_text_required:
        found.append("Every image has alt text.")
    if brand.accessibility.subtitles_required:
        found.append("Every video has subtitles.")
    found.append(f"A sponsored post carries one of the labels {labels_text(brand)}.")
    if brand.disclosure.visible_within is not None:
        found.append(
            f"The label starts within the first {brand.disclosure.visible_within} characters."
        )
    found.append("The account is active and serves a channel in scope.")
    found.append(
        "Whoever publishes holds a role that may post, has editor or admin access to the "
        "account, and has every required course, current."
    )
    return found


def labels(brand: BrandSpec) -> list[str]:
    disclosure = brand.disclosure
    return [disclosure.ads_label, disclosure.partnership_label, *disclosure.also_accepted]


def labels_text(brand: BrandSpec) -> str:
    return either([f"“{label}”" for label in labels(brand)])
