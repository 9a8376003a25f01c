"""The draft rules, one module each (`gkp01_post_too_long.py`), discovered from this package."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from .base import DraftContext, DraftRule

__all__ = ["DraftContext", "DraftRule", "all_draft_rules"]


@cache
def all_draft_rules() -> tuple[DraftRule, ...]:
    """One instance of every draft rule, sorted by code."""
    found: dict[str, DraftRule] = {}
    for module_info in pkgutil.iter_modules(__path__):
        if not module_info.name.startswith("gkp"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, DraftRule)
                and value is not DraftRule
                and value.__module__ == module.__name__
            ):
                if value.code in found:
                    raise RuntimeError(f"two draft rules share the code {value.code}")
                found[value.code] = value()
    return tuple(found[code] for code in sorted(found))
