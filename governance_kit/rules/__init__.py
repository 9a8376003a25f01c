"""The rules, one module each, discovered from this package: nothing lists them by hand.

A rule module is named after its code and name (`gk101_review_overdue.py`) and defines one
subclass of `Rule`. Its tests live in `tests/rules/`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any, TypeVar

from ..discovery import discover
from .base import BaseRule, Context, Rule

R = TypeVar("R", bound=BaseRule)

__all__ = ["BaseRule", "Context", "Rule", "all_rules", "rule_by_code"]


@cache
def all_rules() -> tuple[Rule, ...]:
    """One instance of every rule, sorted by code."""
    return discover(__name__, __path__, "gk", Rule)


def rule_by_code(code: str, rules: Iterable[R] | None = None) -> R | None:
    """The rule among `rules` (those of `govkit check` by default) with this code (GK101) or
    name (review-overdue); None when there is none."""
    wanted = code.strip()
    chosen: Iterable[Any] = all_rules() if rules is None else rules
    for rule in chosen:
        if rule.code == wanted.upper() or rule.name == wanted.lower():
            return rule
    return None
