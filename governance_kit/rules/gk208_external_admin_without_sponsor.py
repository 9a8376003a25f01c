"""GK208 external-admin-without-sponsor."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.accounts import AccountRegistry
from ..model.people import People
from ._accounts import in_use
from ._admins import is_employee
from ._people import is_gone, is_present
from .base import Context, Rule


class ExternalAdminWithoutSponsor(Rule):
    """A non-employee admin has no sponsor who is an employee still here.

    ### What it checks
    An admin of an account is a contractor, agency worker or student (`employment` other than
    `employee`) without a `sponsor` who is an employee still here.

    ### Why it matters
    Admins of an account can add and remove everyone else. When such a person is not an
    employee, an employee sponsor (`sponsor` on the roster) answers for their access: asks for
    it, reviews it and has it removed when the contract ends. Without a sponsor, or with one who
    has left or is not an employee, nobody inside the company is accountable for the external
    admin's rights.

    ### Example
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          access:
            - {person: carl, level: admin, granted: 2021-04-20}
            - {person: ana, level: admin, granted: 2021-04-20}
            - {person: ola, level: admin, granted: 2025-01-06}
    ```

    ```yaml
    kind: People
    spec:
      people:
        - id: ola
          sponsor: null
    ```

    ### Fix
    Set `sponsor` of the person to an employee who is still here, or lower their access level.
    ```yaml
    kind: People
    spec:
      people:
        - id: ola
          sponsor: erik
    ```
    """

    code = "GK208"
    name = "external-admin-without-sponsor"
    severity = "error"
    needs = (AccountRegistry, People)
    controls = ("SOC2:CC6.2", "SOC2:CC6.3", "ISO27001:A.5.16", "ISO27001:A.5.18", "NIST:PS-7")

    def check(self, context: Context) -> Iterator[Finding]:
        people = context.governance.people
        for account, where in in_use(context.governance):
            for index, entry in enumerate(account.access):
                person = people.get(entry.person)
                if entry.level != "admin" or person is None or is_employee(person):
                    continue
                if is_gone(person, context.today):
                    continue
                sponsor = people.get(person.sponsor) if person.sponsor else None
                if is_employee(sponsor) and is_present(sponsor, context.today):
                    continue
                if person.sponsor is None:
                    why = "has no sponsor"
                elif sponsor is None or not is_present(sponsor, context.today):
                    why = f"has sponsor '{person.sponsor}', who is no longer here"
                else:
                    why = f"has sponsor '{person.sponsor}', who is not an employee"
                yield self.finding(
                    where.child("access", index),
                    f"account '{account.id}': admin '{person.id}' ({person.employment}) {why}",
                    target=account.id,
                    hint="set the person's 'sponsor' to an employee who is still here, "
                    "or lower their access level",
                )
