"""GK209 no-active-admin."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.accounts import AccountRegistry
from ..model.people import People
from ._accounts import in_use
from ._admins import present_admins
from .base import Context, Rule


class NoActiveAdmin(Rule):
    """An active or dormant account has no admin who is still here (critical).

    ### What it checks
    Every admin listed in `access` has left (or none is listed).

    ### Why it matters
    Nobody in the company can manage roles, answer the platform's security prompts, change the login
    or recover the account; if the platform asks for re-verification, or a former admin's mailbox is
    taken over, the account is lost. This is the critical case; an account whose owner left while
    another admin remains is graded "high" by GK203, and one with a single admin is GK206.

    ### Example
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          access:
            - {person: lars, level: admin, granted: 2021-04-20}
            - {person: greta, level: editor, granted: 2022-09-15}
    ```

    ### Fix
    Recover admin rights through the platform's business support (with proof of ownership), give
    them to the business and backup owners, record them in `access` and rotate the credentials.
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

    code = "GK209"
    name = "no-active-admin"
    severity = "error"
    needs = (AccountRegistry, People)
    controls = ("SOC2:CC6.2", "ISO27001:A.5.18", "ISO27001:A.5.30", "CIS:5", "NIST:AC-2")

    def check(self, context: Context) -> Iterator[Finding]:
        people = context.governance.people
        for account, where in in_use(context.governance):
            if present_admins(account, people, context.today):
                continue
            yield self.finding(
                where.child("access"),
                f"critical: account '{account.id}' ({account.status}) has no admin who is "
                "still here; nobody can manage or recover it",
                target=account.id,
                hint="recover admin rights through the platform, give them to the business "
                "and backup owners, and rotate the credentials",
            )
