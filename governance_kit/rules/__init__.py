"""The rules, one module each, discovered from this package: nothing lists them by hand.

A rule module is named after its code and name (`gk101_review_overdue.py`) and defines one
subclass of `Rule`. Its tests live in `tests/rules/`.
"""

from __future__ import annotations

from functools import cache

from ..discovery import discover
from .base import Context, Rule

__all__ = ["Context", "Rule", "all_rules", "rule_by_code"]


@cache
def all_rules() -> tuple[Rule, ...]:
    """One instance of every rule, sorted by code."""
    return discover(__name__, __path__, "gk", Rule)


def rule_by_code(code: str) -> Rule | None:
    code = code.upper()
    for rule in all_rules():
        if rule.code == code or rule.name == code.lower():
            return rule
    return None
