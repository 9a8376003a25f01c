"""GK301 leaver-has-access."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.accounts import AccountRegistry
from ..model.people import People
from ._accounts import accounts
from ._people import is_gone
from .base import Context, Rule


class LeaverHasAccess(Rule):
    """A person who has left is still in an account's access list.

    ### What it checks
    A person whose status is `left`, or whose last working day has passed, is still listed in an
    account's `access`.

    ### Why it matters
    Access that outlives employment is how former staff, or whoever takes over their phone and
    mailbox, post on behalf of the company; auditors look for this first.

    ### Example
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          access:
            - {person: carl, level: admin, granted: 2021-04-20}
            - {person: ana, level: admin, granted: 2021-04-20}
            - {person: lars, level: editor, granted: 2022-09-15}
    ```

    ### Fix
    Remove the person's role on the platform, rotate the credentials they knew, then delete the
    access entry (one pull request, with the date in the change summary).
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

    code = "GK301"
    name = "leaver-has-access"
    severity = "error"
    needs = (AccountRegistry, People)
    controls = ("SOC2:CC6.2", "SOC2:CC6.3", "ISO27001:A.5.18", "CIS:5", "NIST:AC-2")

    def check(self, context: Context) -> Iterator[Finding]:
        people = context.governance.people
        for account, where in accounts(context.governance):
            for index, entry in enumerate(account.access):
                person = people.get(entry.person)
                if person is None or not is_gone(person, context.today):
                    continue
                when = f" on {person.end_date.isoformat()}" if person.end_date else ""
                yield self.finding(
                    where.child("access", index),
                    f"account '{account.id}': '{entry.person}' left{when} "
                    f"but still has {entry.level} access",
                    target=account.id,
                    hint="remove the access on the platform, rotate the credentials, "
                    "then delete this entry",
                )
