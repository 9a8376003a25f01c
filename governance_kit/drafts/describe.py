"""Pieces of the post rules shared by the draft rules: UTM parameters, disclosure labels, lists.

The handbook states the same rules in words, translated (handbook/pages/brand.py)."""

from __future__ import annotations

from ..model.brand import BrandSpec

UTM = ("utm_source", "utm_medium", "utm_campaign")


def either(items: list[str], word: str = "or") -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def labels(brand: BrandSpec) -> list[str]:
    disclosure = brand.disclosure
    return [disclosure.ads_label, disclosure.partnership_label, *disclosure.also_accepted]
