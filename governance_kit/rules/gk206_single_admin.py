"""GK206 single-admin."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ._accounts import accounts
from ._people import is_present
from .base import Context, Rule


class SingleAdmin(Rule):
    """An active account has fewer than two admins who are still here.

    Counting only people who have not left, the account has no admin at all, or exactly one:
    a bus factor of one. If that person is unavailable, loses their phone or leaves, nobody can
    manage roles, answer the platform's security prompts or recover the account.

    Give a second person admin access (usually the backup owner), record it in `access` with
    `level: admin`, and remove admins who have left.
    """

    code = "GK206"
    name = "single-admin"
    severity = "error"
    summary = "An active account has fewer than two admins who are still here (bus factor 1)."
    controls = ("SOC2:CC6.2", "ISO27001:A.5.30", "CIS:5")

    def check(self, context: Context) -> Iterator[Finding]:
        people = context.governance.people
        for account, where in accounts(context.governance, "active"):
            admins = sorted(
                {
                    entry.person
                    for entry in account.access
                    if entry.level == "admin"
                    and is_present(people.get(entry.person), context.today)
                }
            )
            if len(admins) >= 2:
                continue
            if admins:
                message = f"account '{account.id}' has a single admin, '{admins[0]}'"
                severity = "warning"
            else:
                message = f"account '{account.id}' has no admin who is still here"
                severity = "error"
            yield self.finding(
                where.child("access"),
                message,
                target=account.id,
                hint="give a second person (e.g. the backup owner) admin access",
                severity=severity,
            )
