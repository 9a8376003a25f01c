"""GK309 sms-only-mfa."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.accounts import AccountRegistry
from ._accounts import in_use
from .base import Context, Rule


class SmsOnlyMfa(Rule):
    """An account's second factor is SMS.

    ### What it checks
    An account's second factor, `credentials.mfa_method`, is `sms`.

    ### Why it matters
    SMS codes are intercepted through SIM swaps and number porting, and phished in real time;
    takeovers of brand accounts routinely go through the recovery or second-factor phone number.
    NIST SP 800-63B restricts SMS as an authenticator. Multi-factor authentication that is off
    altogether is GK303.

    ### Example
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          credentials:
            mfa_method: sms
    ```

    ### Fix
    Switch the second factor to an authenticator app, a hardware security key or a passkey held by
    the owner and the backup owner, then set `credentials.mfa_method`.
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          credentials:
            mfa_method: app
    ```
    """

    code = "GK309"
    name = "sms-only-mfa"
    severity = "warning"
    needs = (AccountRegistry,)
    controls = ("SOC2:CC6.1", "ISO27001:A.8.5", "CIS:6", "NIST:IA-2", "NIST:IA-5")

    def check(self, context: Context) -> Iterator[Finding]:
        for account, where in in_use(context.governance):
            credentials = account.credentials
            if credentials.mfa and credentials.mfa_method == "sms":
                yield self.finding(
                    where.child("credentials", "mfa_method"),
                    f"account '{account.id}' uses SMS as its only second factor",
                    target=account.id,
                    hint="switch to an authenticator app, a hardware key or a passkey",
                )
