"""GK606 crisis-contacts-unverified."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from ..findings import Finding
from ..model.moderation import ModerationPolicy
from .base import Context, Rule


class CrisisContactsUnverified(Rule):
    """A crisis protocol's contacts were not verified within the set number of days.

    ### What it checks
    A crisis protocol's `contacts_verified` is missing, or older than
    `crisis_contacts_verify_days` (Settings).

    ### Why it matters
    In a crisis the first minutes go to calling people. Numbers change, people move to other
    roles, deputies are appointed; a contact list nobody has tried since last year sends the
    first calls to the wrong person. `contacts_verified` must be within
    `crisis_contacts_verify_days` (90 unless set in Settings); a protocol that was never
    verified is reported too.

    ### Example
    ```yaml
    kind: ModerationPolicy
    spec:
      crisis:
        - id: reputation-crisis
          contacts_verified: 2025-01-06
    ```

    ### Fix
    Call or message every contact, correct the list, and set `contacts_verified` to the date.
    ```yaml
    kind: ModerationPolicy
    spec:
      crisis:
        - id: reputation-crisis
          contacts_verified: 2026-11-10
    ```
    """

    code = "GK606"
    name = "crisis-contacts-unverified"
    severity = "warning"
    needs = (ModerationPolicy,)
    controls = ("ISO27001:A.5.24", "ISO27001:A.5.26", "SOC2:CC7.4", "NIST:IR-8")
    reads_settings = ("crisis_contacts_verify_days",)

    def check(self, context: Context) -> Iterator[Finding]:
        governance = context.governance
        days = context.settings.crisis_contacts_verify_days
        limit = context.today - timedelta(days=days)
        for ident, crisis in governance.entities.get("crisis", {}).items():
            where = governance.locate("crisis", ident)
            verified = crisis.contacts_verified
            if verified is None:
                message = f"crisis protocol '{ident}': contacts have never been verified"
                here = where.child("contacts")
            elif verified < limit:
                message = (
                    f"crisis protocol '{ident}': contacts last verified on "
                    f"{verified.isoformat()}, more than {days} days ago"
                )
                here = where.child("contacts_verified")
            else:
                continue
            yield self.finding(
                here,
                message,
                target=ident,
                hint="call every contact, correct the list and set 'contacts_verified'",
            )
