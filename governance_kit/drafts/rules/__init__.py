"""The draft rules, one module each (`gkp01_post_too_long.py`), discovered from this package."""

from __future__ import annotations

from functools import cache

from ...discovery import discover
from .base import DraftContext, DraftRule

__all__ = ["DraftContext", "DraftRule", "all_draft_rules"]


@cache
def all_draft_rules() -> tuple[DraftRule, ...]:
    """One instance of every draft rule, sorted by code."""
    return discover(__name__, __path__, "gkp", DraftRule)
