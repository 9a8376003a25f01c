"""GK314 access-past-until."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.accounts import AccountRegistry
from ..model.people import People
from ._accounts import in_use
from ._people import is_gone
from .base import Context, Rule


class AccessPastUntil(Rule):
    """An access entry is still listed after its `until` date.

    ### What it checks
    An access entry of an account in use has an `until` date (its last day, recorded ahead, for
    example by `govkit handover --last-day`) that has passed, and the entry is still there.

    ### Why it matters
    A removal decided ahead is only a plan until someone carries it out: the person keeps posting
    rights, sees the inbox and can change settings after the day the company said they would
    stop. When the person has left, GK301 reports the entry instead.

    ### Example
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          access:
            - {person: carl, level: admin, granted: 2021-04-20}
            - {person: ana, level: admin, granted: 2021-04-20}
            - {person: greta, level: editor, granted: 2022-09-15, until: 2026-11-01}
    ```

    ### Fix
    Remove the role on the platform, rotate the credentials the person knew, then delete the
    access entry.
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

    code = "GK314"
    name = "access-past-until"
    severity = "error"
    needs = (AccountRegistry, People)
    controls = ("SOC2:CC6.2", "SOC2:CC6.3", "ISO27001:A.5.18", "NIST:AC-2")

    def check(self, context: Context) -> Iterator[Finding]:
        people = context.governance.people
        for account, where in in_use(context.governance):
            for index, entry in enumerate(account.access):
                if entry.until is None or entry.until >= context.today:
                    continue
                person = people.get(entry.person)
                if person is not None and is_gone(person, context.today):
                    continue  # GK301 reports the access of someone who has left
                yield self.finding(
                    where.child("access", index, "until"),
                    f"account '{account.id}': {entry.level} access of '{entry.person}' ended on "
                    f"{entry.until.isoformat()} but is still listed",
                    target=account.id,
                    hint="remove the access on the platform, rotate the credentials, "
                    "then delete this entry",
                )
