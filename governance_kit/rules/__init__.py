"""The rules, one module each, discovered from this package: nothing lists them by hand.

Adding a rule touches one module and its test: a module named after its code and name
(`gk101_review_overdue.py`) that defines one subclass of `Rule`, with its code, name,
severity, controls, what it reads (`reads_files`, `reads_settings`) and its docstring, the
rule's only documentation (summary line; What it checks, Why it matters, Example, Fix, whose
example tests/test_rule_examples.py runs); and its test in `tests/rules/`. Then regenerate
docs/rules with `govkit rules --export-docs docs/rules`. Discovery, `--select`, the docs,
SARIF and OSCAL output, the trend report's areas (by code range) all follow from the module.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any, TypeVar

from ..discovery import discover
from .base import BaseContext, BaseRule, Context, Rule

R = TypeVar("R", bound=BaseRule)

__all__ = ["BaseContext", "BaseRule", "Context", "Rule", "all_rules", "rule_by_code"]


@cache
def all_rules() -> tuple[Rule, ...]:
    """One instance of every rule, sorted by code."""
    return discover(__name__, __path__, "gk", Rule)


def files_read() -> tuple[str, ...]:
    """The files the rules declare they read (`reads_files`), as they declare them."""
    return tuple(sorted({name for rule in all_rules() for name in rule.reads_files}))


def rule_by_code(code: str, rules: Iterable[R] | None = None) -> R | None:
    """The rule among `rules` (those of `govkit check` by default) with this code (GK101) or
    name (review-overdue); None when there is none."""
    wanted = code.strip()
    chosen: Iterable[Any] = all_rules() if rules is None else rules
    for rule in chosen:
        if rule.code == wanted.upper() or rule.name == wanted.lower():
            return rule
    return None
