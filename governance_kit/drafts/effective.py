"""The post rules that apply to an account: all posts, then its platform, then the account."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.accounts import Account
from ..model.brand import BrandSpec, CallToAction, Counting, PostRules

FIELDS = ("max_length", "counting", "max_hashtags", "utm_required", "call_to_action")


@dataclass(frozen=True)
class Effective:
    """Post rules with every layer applied; None: no limit."""

    max_length: int | None = None
    counting: Counting = "graphemes"
    max_hashtags: int | None = None
    utm_required: bool = False
    call_to_action: tuple[CallToAction, ...] = ()


def default_counting(platform: str) -> Counting:
    """X weighs characters; every other platform counts what a reader sees."""
    return "weighted" if platform == "x" else "graphemes"


def layers(brand: BrandSpec | None, platform: str, account: str | None = None) -> list[PostRules]:
    """The rules that apply, widest first."""
    if brand is None:
        return []
    found = [brand.post_rules]
    found += [p.post for p in brand.platforms if p.platform == platform and p.post is not None]
    if account is not None:
        found += [rules for rules in brand.account_rules if rules.account == account]
    return found


def merge(rules: list[PostRules], platform: str) -> Effective:
    values: dict[str, object] = {"counting": default_counting(platform)}
    for layer in rules:
        for name in FIELDS:
            value = getattr(layer, name)
            if value is not None:
                values[name] = tuple(value) if isinstance(value, list) else value
    return Effective(**values)  # type: ignore[arg-type]


def for_platform(brand: BrandSpec | None, platform: str) -> Effective:
    return merge(layers(brand, platform), platform)


def for_account(brand: BrandSpec | None, account: Account) -> Effective:
    return merge(layers(brand, account.platform, account.id), account.platform)
