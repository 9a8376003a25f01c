"""GK206 single-admin."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.accounts import AccountRegistry
from ..model.people import People
from ._accounts import accounts
from ._admins import present_admins
from .base import Context, Rule


class SingleAdmin(Rule):
    """An active account has a single admin who is still here (bus factor 1).

    ### What it checks
    Counting only people who have not left, the account has one admin: a bus factor of one.

    ### Why it matters
    If that person is unavailable, loses their phone or leaves, nobody can manage roles, answer the
    platform's security prompts or recover the account. An account with no admin left at all is
    reported by GK209 instead.

    ### Example
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          access:
            - {person: carl, level: admin, granted: 2021-04-20}
            - {person: greta, level: editor, granted: 2022-09-15}
    ```

    ### Fix
    Give a second person admin access (usually the backup owner), record it in `access` with `level:
    admin`, and remove admins who have left.
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          access:
            - {person: carl, level: admin, granted: 2021-04-20}
            - {person: ana, level: admin, granted: 2021-04-20}
    ```
    """

    code = "GK206"
    name = "single-admin"
    severity = "warning"
    needs = (AccountRegistry, People)
    controls = ("SOC2:CC6.2", "ISO27001:A.5.30", "CIS:5")

    def check(self, context: Context) -> Iterator[Finding]:
        people = context.governance.people
        for account, where in accounts(context.governance, "active"):
            admins = present_admins(account, people, context.today)
            if len(admins) != 1:
                continue
            yield self.finding(
                where.child("access"),
                f"account '{account.id}' has a single admin, '{admins[0]}'",
                target=account.id,
                hint="give a second person (e.g. the backup owner) admin access",
            )
