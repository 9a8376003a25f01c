"""GK204 backup-owner-leaving."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.accounts import AccountRegistry
from ..model.people import People
from .base import Context, Rule
from .gk203_owner_leaving import owners_leaving


class BackupOwnerLeaving(Rule):
    """An account's backup owner has left or leaves within the leaving horizon.

    ### What it checks
    The person who takes over when the business owner is away or leaves is gone, or goes within the
    leaving horizon (`leaving_horizon_days` in Settings).

    ### Why it matters
    The account still has an owner, but no longer a tested fallback: the next absence of the owner
    leaves it orphaned.

    ### Example
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          backup_owner: lars
    ```

    ### Fix
    Name another person as `backup_owner`, make sure they have admin access and know where the login
    and the recovery contact are kept.
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          backup_owner: ana
    ```
    """

    code = "GK204"
    name = "backup-owner-leaving"
    severity = "warning"
    needs = (AccountRegistry, People)
    controls = ("SOC2:CC6.2", "ISO27001:A.5.11")
    reads_settings = ("leaving_horizon_days",)

    def check(self, context: Context) -> Iterator[Finding]:
        yield from owners_leaving(self, context, "backup_owner")
