"""The reconciliation rules, one module each (`gkr01_gone_per_idp.py`), discovered from this
package."""

from __future__ import annotations

from functools import cache

from ...discovery import discover
from .base import ReconcileContext, ReconcileRule

__all__ = ["ReconcileContext", "ReconcileRule", "all_reconcile_rules"]


@cache
def all_reconcile_rules() -> tuple[ReconcileRule, ...]:
    """One instance of every reconciliation rule, sorted by code."""
    return discover(__name__, __path__, "gkr", ReconcileRule)
