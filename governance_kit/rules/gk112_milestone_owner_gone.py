"""GK112 milestone-owner-gone."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.people import People
from ..model.roadmap import OPEN, Roadmap
from .base import Context, Rule


class MilestoneOwnerGone(Rule):
    """An open roadmap milestone is owned by someone who has left.

    ### What it checks
    The rule reports a milestone of an in-force Roadmap, still `planned` or `in_progress`, whose
    `owner` has left: the roster says `status: left`, or their last working day (`end_date`) is
    before today.

    ### Why it matters
    A milestone without a present owner is not being worked on, however far its due date is:
    nobody will report that it slips. Done and dropped milestones keep their owner as a record.

    ### Example
    ```yaml
    kind: Roadmap
    spec:
      milestones:
        - id: m-crisis-drill
          owner: lars
    ```

    ### Fix
    Give the milestone to someone who stays, and tell them.
    ```yaml
    kind: Roadmap
    spec:
      milestones:
        - id: m-crisis-drill
          owner: carl
    ```
    """

    code = "GK112"
    name = "milestone-owner-gone"
    severity = "error"
    needs = (Roadmap, People)
    controls = ("NIST:CA-5", "ISO27001:A.5.2", "ISO27001:A.6.5")

    def check(self, context: Context) -> Iterator[Finding]:
        people = context.governance.people
        for milestone, where in context.governance.located("milestone"):
            if where.document.model.metadata.status != "in-force" or milestone.status not in OPEN:
                continue
            owner = people.get(milestone.owner)
            if owner is None or not owner.gone(context.today):
                continue
            left = f"left on {owner.end_date.isoformat()}" if owner.end_date else "has left"
            yield self.finding(
                where.child("owner"),
                f"milestone '{milestone.id}' of '{where.document.id}' is "
                f"owned by '{owner.id}', who {left}",
                target=milestone.id,
                hint="give the milestone to someone who stays",
            )
