"""GK303 mfa-off."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.accounts import AccountRegistry
from ._accounts import accounts
from .base import Context, Rule


class MfaOff(Rule):
    """An active account has multi-factor authentication turned off.

    ### What it checks
    `credentials.mfa` is false on an active account.

    ### Why it matters
    A password alone is phished, guessed or reused from another breach; taken-over brand accounts
    are used for scams in the company's name within minutes.

    ### Example
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          credentials:
            mfa: false
            mfa_method: null
    ```

    ### Fix
    Turn on multi-factor authentication on the platform, preferably with a hardware key or an
    authenticator app held by the owner and the backup owner, then set `credentials.mfa: true` and
    `mfa_method`.
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          credentials:
            mfa: true
            mfa_method: app
    ```
    """

    code = "GK303"
    name = "mfa-off"
    severity = "error"
    needs = (AccountRegistry,)
    controls = ("SOC2:CC6.1", "ISO27001:A.8.5", "CIS:6", "NIST:IA-2")

    def check(self, context: Context) -> Iterator[Finding]:
        for account, where in accounts(context.governance, "active"):
            if not account.credentials.mfa:
                yield self.finding(
                    where.child("credentials", "mfa"),
                    f"account '{account.id}' has multi-factor authentication turned off",
                    target=account.id,
                    hint="turn on MFA on the platform (app or hardware key), then set 'mfa: true'",
                )
