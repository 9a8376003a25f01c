"""Helpers for the account rules: which accounts are in use, and where they stand."""

from __future__ import annotations

from collections.abc import Iterator

from ..model.accounts import Account
from ..model.governance import Governance, Location


def accounts(governance: Governance, *statuses: str) -> Iterator[tuple[Account, Location]]:
    """Accounts (of the given statuses; all when none given) with their location."""
    for ident, account in governance.accounts.items():
        if not statuses or account.status in statuses:
            yield account, governance.locate("account", ident)


def in_use(governance: Governance) -> Iterator[tuple[Account, Location]]:
    """Active and dormant accounts: those that still exist on their platform."""
    return accounts(governance, "active", "dormant")
