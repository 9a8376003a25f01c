"""Did-you-mean: the closest of the known names to a mistyped one, for every hint."""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher

CUTOFF = 0.6
"""How alike two names must be (difflib's ratio, 0 to 1) for one to be suggested for the other:
difflib's own default, which every hint of the toolkit uses."""


def closest(word: str, options: Iterable[str], *, ignore_case: bool = False) -> str | None:
    """The option most like `word`, at least CUTOFF alike; the earlier option wins a tie."""
    typed = word.lower() if ignore_case else word
    best, best_score = None, CUTOFF
    for option in options:
        known = option.lower() if ignore_case else option
        score = SequenceMatcher(None, typed, known).ratio()
        if score > best_score or (best is None and score == best_score):
            best, best_score = option, score
    return best


def did_you_mean(word: str, options: Iterable[str]) -> str | None:
    """The hint `did you mean 'name'?`, or None when no option is close enough."""
    match = closest(word, options)
    return f"did you mean '{match}'?" if match else None
