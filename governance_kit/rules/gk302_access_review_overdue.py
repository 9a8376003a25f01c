"""GK302 access-review-overdue."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.accounts import AccountRegistry
from ..model.common import Period
from ._accounts import in_use
from .base import Context, Rule


class AccessReviewOverdue(Rule):
    """An account's access list has not been reviewed within its interval.

    ### What it checks
    An account's `last_access_review` is older than its interval, or missing.

    ### Why it matters
    Access lists drift: people change roles, agencies finish campaigns, a colleague was added
    "just for the launch". Each account's `access` must be reviewed every `admin_access_review`
    (quarterly unless set in Settings) when someone has admin access, otherwise every
    `access_review` (semiannually). The interval counts from `last_access_review`, or from
    `created` if the account was never reviewed; an account with neither is overdue.

    ### Example
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          last_access_review: 2025-01-06
    ```

    ### Fix
    Compare the access list with the roles on the platform, remove what is no longer needed, and set
    `last_access_review` to the date of the review.
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          last_access_review: 2026-11-20
    ```
    """

    code = "GK302"
    name = "access-review-overdue"
    severity = "error"
    needs = (AccountRegistry,)
    controls = ("SOC2:CC6.2", "SOC2:CC6.3", "ISO27001:A.5.18", "CIS:5", "NIST:AC-2")
    reads_settings = ("access_review", "admin_access_review")

    def check(self, context: Context) -> Iterator[Finding]:
        settings = context.settings
        for account, where in in_use(context.governance):
            admin = any(entry.level == "admin" for entry in account.access)
            interval = settings.admin_access_review if admin else settings.access_review
            start = account.last_access_review or account.created
            here = where.child("last_access_review")
            if start is None:
                yield self.finding(
                    here,
                    f"account '{account.id}': access has never been reviewed",
                    target=account.id,
                    hint=f"review who has access and set 'last_access_review' ({interval})",
                )
                continue
            due = Period.parse(interval).after(start)
            if due < context.today:
                since = "last reviewed" if account.last_access_review else "created"
                yield self.finding(
                    here,
                    f"account '{account.id}': access review overdue since {due.isoformat()} "
                    f"({since} {start.isoformat()}, {'admin ' if admin else ''}"
                    f"interval {interval})",
                    target=account.id,
                    hint="review who has access and set 'last_access_review' to today",
                )
