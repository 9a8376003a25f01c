"""Banned and discouraged words, found in the post (shared by GKP02 and GKP03)."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding
from ..text import find_phrase
from .base import DraftContext, DraftRule


def phrase_findings(rule: DraftRule, context: DraftContext, level: str) -> Iterator[Finding]:
    brand = context.brand
    if brand is None:
        return
    body = context.draft.body
    for word in brand.words:
        if word.level != level:
            continue
        for span in find_phrase(body, word.phrase):
            message = f"'{span.value}' is {level}"
            if word.reason:
                message += f": {word.reason}"
            hint = f"write '{word.prefer}' instead" if word.prefer else "rephrase without it"
            yield rule.finding(context, context.draft.body_position(span.start), message, hint=hint)
