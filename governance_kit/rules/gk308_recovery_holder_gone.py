"""GK308 recovery-holder-gone."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.accounts import AccountRegistry
from ..model.people import People
from ._accounts import in_use
from .base import Context, Rule


class RecoveryHolderGone(Rule):
    """An account's recovery phone is held by someone who has left or leaves soon.

    ### What it checks
    The recovery phone receives the codes that reset the login and the second factor. Its
    `holder` must be on the roster and not leaving: the rule applies the leaving horizon of
    GK203 and GK204 (`leaving_horizon_days` in Settings, 30 days unless set), so a holder whose
    last working day falls within it is reported while they can still hand the phone over.

    ### Why it matters
    When its `holder` has left (or is no longer on the roster), the account can be recovered by
    someone outside the company — or by nobody, once the number is given up. Either way, the company
    no longer controls its own way back into the account.

    ### Example
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          recovery:
            holder: lars
    ```

    ### Fix
    Move the recovery number to a company phone held by someone who is here, change it on the
    platform, and set `recovery.holder`.
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          recovery:
            holder: carl
    ```
    """

    code = "GK308"
    name = "recovery-holder-gone"
    severity = "error"
    needs = (AccountRegistry, People)
    controls = ("SOC2:CC6.2", "ISO27001:A.5.11", "ISO27001:A.5.17", "NIST:AC-2(10)")
    reads_settings = ("leaving_horizon_days",)

    def check(self, context: Context) -> Iterator[Finding]:
        people = context.governance.people
        horizon = context.settings.leaving_horizon_days
        for account, where in in_use(context.governance):
            recovery = account.recovery
            if recovery is None or not recovery.phone or recovery.holder is None:
                continue
            person = people.get(recovery.holder)
            gone = "has left" if person is None else person.departure(context.today, horizon)
            if gone is None:
                continue
            yield self.finding(
                where.child("recovery", "holder"),
                f"account '{account.id}': the recovery phone's holder '{recovery.holder}' {gone}",
                target=account.id,
                hint="move the recovery number to a company phone held by someone who is here",
            )
