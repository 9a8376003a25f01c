"""Helpers for the account rules: which accounts are in use, and where they stand."""

from __future__ import annotations

from ..model.accounts import Account
from ..model.governance import Governance, Location


def accounts(governance: Governance, *statuses: str) -> list[tuple[Account, Location]]:
    """Accounts (of the given statuses; all when none given) with their location."""
    pairs = governance.located("account")
    if not statuses:
        return pairs
    return [pair for pair in pairs if pair[0].status in statuses]


def in_use(governance: Governance) -> list[tuple[Account, Location]]:
    """Active and dormant accounts: those that still exist on their platform."""
    return accounts(governance, "active", "dormant")
