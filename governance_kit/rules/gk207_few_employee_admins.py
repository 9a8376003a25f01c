"""GK207 few-employee-admins."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.accounts import AccountRegistry
from ..model.people import People
from ._accounts import accounts
from ._admins import is_employee, present_admins
from .base import Context, Rule


class FewEmployeeAdmins(Rule):
    """An active account has two or more admins but fewer than two employee admins.

    ### What it checks
    An active account has admins, but fewer than two of them are employees (`employment:
    employee`) who are still here.

    ### Why it matters
    Contractors, agencies and students come and go with contracts, campaigns and terms; when
    most admin rights sit with them, the company depends on people it cannot direct, and loses
    control of the account when a contract ends. Two employee admins keep the account in the
    company's hands. Accounts with fewer than two admins at all are reported by GK206 and GK209
    instead, so each account is reported once.

    ### Example
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          access:
            - {person: carl, level: admin, granted: 2021-04-20}
            - {person: ola, level: admin, granted: 2025-01-06}
    ```

    ### Fix
    Give admin access to a second employee (usually the business or backup owner), and lower
    external admins to the level their work needs (editor, moderator, advertiser).
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          access:
            - {person: carl, level: admin, granted: 2021-04-20}
            - {person: ana, level: admin, granted: 2021-04-20}
            - {person: ola, level: editor, granted: 2025-01-06}
    ```
    """

    code = "GK207"
    name = "few-employee-admins"
    severity = "warning"
    needs = (AccountRegistry, People)
    controls = ("SOC2:CC6.2", "ISO27001:A.5.18", "ISO27001:A.5.30", "CIS:5", "NIST:AC-2")

    def check(self, context: Context) -> Iterator[Finding]:
        people = context.governance.people
        for account, where in accounts(context.governance, "active"):
            admins = present_admins(account, people, context.today)
            if len(admins) < 2:
                continue
            employees = [a for a in admins if is_employee(people.get(a))]
            if len(employees) >= 2:
                continue
            others = ", ".join(
                f"'{a}' ({people[a].employment})" for a in admins if a not in employees
            )
            yield self.finding(
                where.child("access"),
                f"account '{account.id}' has {len(employees)} employee admin"
                f"{'' if len(employees) == 1 else 's'}; the other admins are {others}",
                target=account.id,
                hint="give a second employee admin access; lower external admins' level",
            )
