"""GK205 no-backup-owner."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.accounts import AccountRegistry
from ._accounts import in_use
from .base import Context, Rule


class NoBackupOwner(Rule):
    """An account has no backup owner, or the same person as business owner and backup.

    ### What it checks
    An active or dormant account has no `backup_owner`, or its backup owner is its business
    owner.

    ### Why it matters
    Without a backup owner, an account depends on one person: when they are ill, on holiday or
    leave, nobody can act for the account, answer the platform, or recover the login. A backup
    owner who is the same person as the business owner is no backup.

    ### Example
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          backup_owner: carl
    ```

    ### Fix
    Name a second person, who is not the business owner, in `backup_owner`, and give them admin
    access.
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          backup_owner: ana
    ```
    """

    code = "GK205"
    name = "no-backup-owner"
    severity = "warning"
    needs = (AccountRegistry,)
    controls = ("SOC2:CC6.2", "ISO27001:A.5.9", "ISO27001:A.5.30")

    def check(self, context: Context) -> Iterator[Finding]:
        for account, where in in_use(context.governance):
            backup = account.backup_owner
            if backup is None:
                message = f"account '{account.id}' has no backup owner"
            elif backup == account.business_owner:
                message = f"account '{account.id}': backup owner '{backup}' is the business owner"
            else:
                continue
            yield self.finding(
                where.child("backup_owner"),
                message,
                target=account.id,
                hint="name a second person, not the business owner, in 'backup_owner'",
            )
