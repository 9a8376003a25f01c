"""The rules, one module each, discovered from this package: nothing lists them by hand.

A rule module is named after its code and name (`gk101_review_overdue.py`) and defines one
subclass of `Rule`. Its tests live in `tests/rules/`.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from .base import Context, Rule

__all__ = ["Context", "Rule", "all_rules", "rule_by_code"]


@cache
def all_rules() -> tuple[Rule, ...]:
    """One instance of every rule, sorted by code."""
    found: dict[str, Rule] = {}
    for module_info in pkgutil.iter_modules(__path__):
        if not module_info.name.startswith("gk"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, Rule)
                and value is not Rule
                and value.__module__ == module.__name__
            ):
                if value.code in found:
                    raise RuntimeError(f"two rules share the code {value.code}")
                found[value.code] = value()
    return tuple(found[code] for code in sorted(found))


def rule_by_code(code: str) -> Rule | None:
    code = code.upper()
    for rule in all_rules():
        if rule.code == code or rule.name == code.lower():
            return rule
    return None
