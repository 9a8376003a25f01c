"""GK306 not-rotated-after-departure."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from ..findings import Finding
from ..model.accounts import AccountRegistry
from ..model.continuity import ContinuityPlan
from ..model.governance import Governance
from ..model.people import People
from ._accounts import in_use
from ._people import is_gone
from .base import Context, Rule


class NotRotatedAfterDeparture(Rule):
    """Credentials were last rotated before someone who had access left.

    ### What it checks
    An account's `credentials.last_rotated` is before the last working day of someone who had
    access (in `access`, or through a handover) and left more than `rotate_after_departure_days`
    ago.

    ### Why it matters
    Whoever had access to an account may know its password, its recovery codes or a session that
    still works. When they leave, the shared credentials must change (NIST SP 800-53 AC-2(10)):
    `credentials.last_rotated` must be on or after the last working day of every person who had
    access and is gone. People count as having had access when they are still in the account's
    `access` list, or when a handover (ContinuityPlan `handovers`) lists the account among those
    they handed over — access entries of leavers are removed after the handover, the handover
    record keeps the history. Findings start `rotate_after_departure_days` (7 unless set in
    Settings) after the last working day.

    ### Example
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: tiktok-nordlysoutdoor
          credentials:
            last_rotated: 2026-05-04
    ```

    ### Fix
    Rotate the password (and recovery codes, app passwords) in the secret manager and on the
    platform, then set `credentials.last_rotated` to the date.
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: tiktok-nordlysoutdoor
          credentials:
            last_rotated: 2026-10-05
    ```
    """

    code = "GK306"
    name = "not-rotated-after-departure"
    severity = "error"
    needs = (AccountRegistry, People, ContinuityPlan)
    controls = ("NIST:AC-2(10)", "SOC2:CC6.2", "SOC2:CC6.3", "ISO27001:A.5.17", "ISO27001:A.6.5")
    reads_settings = ("rotate_after_departure_days",)

    def check(self, context: Context) -> Iterator[Finding]:
        governance = context.governance
        grace = timedelta(days=context.settings.rotate_after_departure_days)
        history = had_access(governance)
        for account, where in in_use(governance):
            rotated = account.credentials.last_rotated
            leavers = [
                (end, ident)
                for ident in sorted(history.get(account.id, ()))
                if (end := _left_on(governance, ident, context.today)) is not None
                and end + grace < context.today
                and (rotated is None or rotated < end)
            ]
            if not leavers:
                continue
            end, ident = max(leavers)
            if rotated is None:
                message = (
                    f"account '{account.id}': credentials never rotated, and '{ident}' who had "
                    f"access left on {end.isoformat()}"
                )
                here, key = where.child("credentials"), True
            else:
                message = (
                    f"account '{account.id}': credentials last rotated on {rotated.isoformat()}, "
                    f"before '{ident}' who had access left on {end.isoformat()}"
                )
                here, key = where.child("credentials", "last_rotated"), False
            yield self.finding(
                here,
                message,
                target=account.id,
                hint="rotate the credentials and set 'credentials.last_rotated'",
                key=key,
            )


def had_access(governance: Governance) -> dict[str, set[str]]:
    """Account id -> people who have or had access: access entries and handovers."""
    found: dict[str, set[str]] = {}
    for account in governance.accounts.values():
        found.setdefault(account.id, set()).update(entry.person for entry in account.access)
    for handover in governance.handovers.values():
        for account_id in handover.accounts:
            found.setdefault(account_id, set()).add(handover.person)
    return found


def _left_on(governance: Governance, ident: str, today: date) -> date | None:
    person = governance.people.get(ident)
    if person is None or person.end_date is None or not is_gone(person, today):
        return None
    return person.end_date
