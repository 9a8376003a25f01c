"""GK402 handover-overdue."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.continuity import ContinuityPlan
from .base import Context, Rule


class HandoverOverdue(Rule):
    """A handover is still in progress after its deadline.

    ### What it checks
    A handover with `status: in-progress` is past its `deadline`.

    ### Why it matters
    Until a handover is done, the leaver may still hold admin roles, recovery contacts or
    logins, and the successor cannot fully act for the accounts. Every day past the deadline is
    a day the accounts depend on someone who is leaving or has left.

    ### Example
    ```yaml
    kind: ContinuityPlan
    spec:
      handovers:
        - id: handover-lars-moen
          status: in-progress
          completed: null
    ```

    ### Fix
    Finish the checklist of the continuity plan, then set `status: done` and `completed`. If the
    deadline was unrealistic, agree a new one with the plan's owner and change `deadline`.
    ```yaml
    kind: ContinuityPlan
    spec:
      handovers:
        - id: handover-lars-moen
          status: done
          completed: 2026-06-28
    ```
    """

    code = "GK402"
    name = "handover-overdue"
    severity = "error"
    needs = (ContinuityPlan,)
    controls = ("ISO27001:A.5.11", "SOC2:CC6.2", "NIST:PS-4")

    def check(self, context: Context) -> Iterator[Finding]:
        governance = context.governance
        for ident, handover in governance.handovers.items():
            if handover.status != "in-progress" or handover.deadline >= context.today:
                continue
            days = (context.today - handover.deadline).days
            yield self.finding(
                governance.locate("handover", ident).child("deadline"),
                f"handover '{ident}' from '{handover.person}' to '{handover.successor}' is "
                f"overdue since {handover.deadline.isoformat()} ({days} days)",
                target=ident,
                hint="finish the checklist and set 'status: done' and 'completed'",
            )
