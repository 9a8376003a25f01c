"""GK308 recovery-holder-gone."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.accounts import AccountRegistry
from ..model.people import People
from ._accounts import in_use
from ._people import is_gone
from .base import Context, Rule


class RecoveryHolderGone(Rule):
    """An account's recovery phone is held by someone who has left.

    ### What it checks
    The recovery phone receives the codes that reset the login and the second factor.

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

    def check(self, context: Context) -> Iterator[Finding]:
        people = context.governance.people
        for account, where in in_use(context.governance):
            recovery = account.recovery
            if recovery is None or not recovery.phone or recovery.holder is None:
                continue
            person = people.get(recovery.holder)
            if person is not None and not is_gone(person, context.today):
                continue
            when = f" on {person.end_date.isoformat()}" if person and person.end_date else ""
            yield self.finding(
                where.child("recovery", "holder"),
                f"account '{account.id}': the recovery phone's holder '{recovery.holder}' "
                f"left{when}",
                target=account.id,
                hint="move the recovery number to a company phone held by someone who is here",
            )
