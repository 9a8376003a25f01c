"""GK311 connection-review-overdue."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.connections import Connections
from .base import Context, Rule


class ConnectionReviewOverdue(Rule):
    """A connected tool or agency has not been reviewed within its interval.

    ### What it checks
    Every connection must have been reviewed (`last_reviewed`; if never, counted from
    `connected`) within its `review_interval`, or Settings' `connection_review` when it has none.
    A connection with neither date has never been reviewed.

    ### Why it matters
    Tools and agencies collect accounts and permissions over time: a trial that was never
    disconnected, a scope granted for one campaign. A periodic review of which accounts each one
    reaches, who holds it and what it may do is the only moment these are taken back.

    ### Example
    ```yaml
    kind: Connections
    spec:
      connections:
        - id: brandwatch
          last_reviewed: 2024-05-02
    ```

    ### Fix
    Review the connection in each platform's settings (connected apps, business partners), take
    back what is not needed, and set `last_reviewed` to the date.
    ```yaml
    kind: Connections
    spec:
      connections:
        - id: brandwatch
          last_reviewed: 2026-10-06
    ```
    """

    code = "GK311"
    name = "connection-review-overdue"
    severity = "warning"
    needs = (Connections,)
    controls = ("SOC2:CC6.2", "SOC2:CC6.3", "ISO27001:A.5.18", "NIST:AC-2")
    reads_settings = ("connection_review",)

    def check(self, context: Context) -> Iterator[Finding]:
        default = context.settings.connection_review
        for connection, where in context.governance.located("connection"):
            interval = connection.review_interval or default
            due = connection.review_due(default)
            here = where.child("last_reviewed")
            name = f"connection '{connection.id}' ({connection.name})"
            if due is None:
                yield self.finding(
                    here,
                    f"{name} has never been reviewed",
                    target=connection.id,
                    hint=f"review it and set 'last_reviewed' (every {interval})",
                )
            elif due < context.today:
                start = connection.last_reviewed or connection.connected
                since = "last reviewed" if connection.last_reviewed else "connected"
                yield self.finding(
                    here,
                    f"{name}: review overdue since {due.isoformat()} ({since} "
                    f"{start.isoformat() if start else ''}, interval {interval})",
                    target=connection.id,
                    hint="review the accounts, holder and scopes and set 'last_reviewed' to "
                    "the date",
                )
