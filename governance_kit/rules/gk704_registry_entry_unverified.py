"""GK704 registry-entry-unverified."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.accounts import AccountRegistry
from ..model.common import Period
from ._accounts import in_use
from .base import Context, Rule


class RegistryEntryUnverified(Rule):
    """An account's registry entry was not verified against the platform in time.

    ### What it checks
    An active or dormant account's `last_verified` is older than `verify_registry_every` (P1Y
    unless set in Settings), or missing.

    ### Why it matters
    The registry is only evidence if it matches reality: handles get renamed, page roles are
    granted in the platform's business tools, recovery numbers change. Each active or dormant
    account's `last_verified` must fall within `verify_registry_every` (P1Y unless set in
    Settings); an entry never verified is reported too.

    ### Example
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          last_verified: 2024-01-08
    ```

    ### Fix
    Open the account's settings on the platform, compare handle, URL, roles, login and recovery
    contacts with the entry, correct what differs, and set `last_verified` to the date.
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          last_verified: 2026-11-20
    ```
    """

    code = "GK704"
    name = "registry-entry-unverified"
    severity = "warning"
    needs = (AccountRegistry,)
    controls = ("ISO27001:A.5.9", "SOC2:CC6.2", "SOC2:CC2.1", "CIS:5")
    reads_settings = ("verify_registry_every",)

    def check(self, context: Context) -> Iterator[Finding]:
        interval = context.settings.verify_registry_every
        for account, where in in_use(context.governance):
            verified = account.last_verified
            if verified is None:
                message = f"account '{account.id}': registry entry never verified"
                here = where
            elif Period.parse(interval).after(verified) < context.today:
                message = (
                    f"account '{account.id}': registry entry last verified on "
                    f"{verified.isoformat()} (interval {interval})"
                )
                here = where.child("last_verified")
            else:
                continue
            yield self.finding(
                here,
                message,
                target=account.id,
                hint="check the entry against the platform and set 'last_verified'",
            )
