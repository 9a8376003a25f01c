"""GK702 dormant-unjustified."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from ..findings import Finding
from ..model.accounts import AccountRegistry
from ._accounts import in_use
from .base import Context, Rule


class DormantUnjustified(Rule):
    """A dormant or inactive account is kept without a dormancy justification.

    ### What it checks
    An account with `status: dormant`, or an active account without activity for
    `dormant_after_days` (180 unless set in Settings; a missing `last_activity` counts as no
    activity), is kept without a `dormancy_justification`.

    ### Why it matters
    Unused accounts are rarely watched: they are taken over, post stale information, and still carry
    access and a login.

    Earlier, once an active account has had no activity for `inactive_after_days` (90 unless set)
    but not yet `dormant_after_days`, the same finding is reported at severity info, so the owner
    can decide before the account counts as dormant.

    ### Example
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: pinterest-nordlysoutdoor
          dormancy_justification: null
    ```

    ### Fix
    Either use the account again (and record `last_activity`), write why it is kept in
    `dormancy_justification` (e.g. to hold the name), or archive it.
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: pinterest-nordlysoutdoor
          dormancy_justification: Kept so that nobody can pose as Nordlys on Pinterest.
    ```
    """

    code = "GK702"
    name = "dormant-unjustified"
    severity = "warning"
    needs = (AccountRegistry,)
    controls = ("ISO27001:A.5.9", "CIS:5")
    reads_settings = ("dormant_after_days", "inactive_after_days")

    def check(self, context: Context) -> Iterator[Finding]:
        settings = context.settings
        limit = context.today - timedelta(days=settings.dormant_after_days)
        early = context.today - timedelta(days=settings.inactive_after_days)
        for account, where in in_use(context.governance):
            if account.dormancy_justification:
                continue
            last = account.last_activity
            severity = None
            if account.status == "dormant":
                here = where.child("status")
                message = f"account '{account.id}' is dormant without a justification"
            elif last is None:
                here = where.child("last_activity")
                message = f"account '{account.id}' has no recorded activity"
            elif last < limit:
                here = where.child("last_activity")
                message = (
                    f"account '{account.id}' has had no activity since {last.isoformat()} "
                    f"({(context.today - last).days} days)"
                )
            elif last < early:
                here = where.child("last_activity")
                severity = "info"
                message = (
                    f"account '{account.id}' has had no activity since {last.isoformat()} "
                    f"({(context.today - last).days} days); it counts as dormant after "
                    f"{settings.dormant_after_days} days"
                )
            else:
                continue
            yield self.finding(
                here,
                message,
                target=account.id,
                hint="use it again, write a 'dormancy_justification', or archive it",
                severity=severity,
            )
