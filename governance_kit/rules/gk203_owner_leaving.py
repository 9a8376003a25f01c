"""GK203 owner-leaving."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.accounts import Account, AccountRegistry
from ..model.people import People
from ._accounts import in_use
from ._admins import present_admins
from ._people import departure, is_gone
from .base import Context, Rule


class OwnerLeaving(Rule):
    """An account's business owner has left or leaves within the leaving horizon.

    ### What it checks
    The person who answers for the account has left, their last working day has passed, or it falls
    within the leaving horizon (`leaving_horizon_days` in Settings, 30 days unless set).

    ### Why it matters
    When the owner goes, the account goes with them unless someone takes over before they leave:
    logins, recovery contacts and admin roles tend to stay tied to the departed person. Once the
    owner is gone, the message grades the risk: "high" while another admin who is still here can act
    for the account, "critical" when no admin is left (also reported, once per account, by GK209).

    ### Example
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          business_owner: lars
    ```

    ### Fix
    Start a handover (see the continuity plan): make the successor the `business_owner`, move the
    admin role and the recovery contact, rotate the credentials and remove the leaver's access.
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          business_owner: carl
    ```
    """

    code = "GK203"
    name = "owner-leaving"
    severity = "error"
    needs = (AccountRegistry, People)
    controls = ("SOC2:CC6.2", "SOC2:CC6.3", "ISO27001:A.5.11", "NIST:AC-2")
    reads_settings = ("leaving_horizon_days",)

    def check(self, context: Context) -> Iterator[Finding]:
        yield from owners_leaving(self, context, "business_owner", grade=True)


def owners_leaving(
    rule: Rule, context: Context, field: str, *, grade: bool = False
) -> Iterator[Finding]:
    """Findings for accounts whose owner in `field` has left or leaves within the horizon."""
    horizon = context.settings.leaving_horizon_days
    for account, where in in_use(context.governance):
        owner = getattr(account, field)
        person = context.governance.people.get(owner) if owner else None
        if person is None:
            continue
        gone = departure(person, context.today, horizon)
        if gone:
            role = field.replace("_", " ")
            risk = _risk(account, context) if grade and is_gone(person, context.today) else ""
            yield rule.finding(
                where.child(field),
                f"account '{account.id}': {role} '{owner}' {gone}{risk}",
                target=account.id,
                hint="hand the account over to a successor (see the continuity plan)",
            )


def _risk(account: Account, context: Context) -> str:
    """How bad a gone owner is: another admin remains (high), or none does (critical)."""
    admins = present_admins(account, context.governance.people, context.today)
    if admins:
        names = ", ".join(f"'{admin}'" for admin in admins)
        return f"; high: {names} {'remains admin' if len(admins) == 1 else 'remain admins'}"
    return "; critical: no admin is still here (GK209)"
