"""GKR09 admin-without-two-step."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding
from ...output import counted
from .base import ReconcileContext, ReconcileRule, label, owners


class AdminWithoutTwoStep(ReconcileRule):
    """An admin of an official account has not enrolled in two-step verification.

    ### What it checks
    A person with admin access to (or ownership of) an account in use whose user in an
    identity-provider export says two-step verification is not enrolled (Google Workspace
    `2sv Enrolled [READ ONLY]` False).

    ### Why it matters
    An admin's work identity is the key to the accounts they administer: single sign-on, the
    password vault and password resets all go through it. Without a second factor, one phished
    password takes every account they hold.

    ### Example
    ```text
    # export: google-users-2026-11-20.csv
    First Name [Required],Last Name [Required],Email Address [Required],Password [Required],Org Unit Path [Required],Status [READ ONLY],Last Sign In [READ ONLY],2sv Enrolled [READ ONLY]
    Ana,Berg Haugen,ana.haugen@nordlys.example,****,/Marketing,Active,2026/11/19 08:12:44,False
    ```

    ### Fix
    Have the person enrol in two-step verification (and enforce it for admins), then export
    again.
    ```text
    # export: google-users-2026-11-20.csv
    First Name [Required],Last Name [Required],Email Address [Required],Password [Required],Org Unit Path [Required],Status [READ ONLY],Last Sign In [READ ONLY],2sv Enrolled [READ ONLY]
    Ana,Berg Haugen,ana.haugen@nordlys.example,****,/Marketing,Active,2026/11/19 08:12:44,True
    ```
    """  # noqa: E501

    code = "GKR09"
    name = "admin-without-two-step"
    severity = "error"

    def check(self, context: ReconcileContext) -> Iterator[Finding]:
        admins = self._admins(context)
        for person_id, accounts in admins.items():
            person = context.governance.people.get(person_id)
            if person is None or person.gone(context.today):
                continue
            for export, user in context.idp_users_of(person):
                if user.two_step is not False:
                    continue
                yield self.at_row(
                    export,
                    user.line,
                    user.column,
                    f"{person.id} is admin of {_named(accounts)} but has not enrolled in "
                    f"two-step verification in {label(export)}",
                    hint="enrol in two-step verification and enforce it for admins",
                    target=person.id,
                )

    @staticmethod
    def _admins(context: ReconcileContext) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for account in context.accounts_in_use():
            people = {e.person for e in account.access if e.level == "admin"}
            people |= owners(account)
            for person in sorted(people):
                found.setdefault(person, []).append(account.id)
        return found


def _named(accounts: list[str]) -> str:
    more = len(accounts) - 1
    return accounts[0] + (f" and {counted(more, 'more account')}" if more else "")
