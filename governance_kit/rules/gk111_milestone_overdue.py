"""GK111 milestone-overdue."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.roadmap import OPEN, Roadmap
from .base import Context, Rule


class MilestoneOverdue(Rule):
    """A roadmap milestone is past its due date and not done.

    ### What it checks
    Every milestone of a Roadmap (a rollout plan such as a 60-day plan) has an owner, a due date
    and a status. The rule reports a milestone of an in-force roadmap that is still `planned` or
    `in_progress` after its `due` date, and names its owner.

    ### Why it matters
    A plan whose dates have passed unnoticed is no longer a plan: the steps that depend on the
    milestone slip too, and nobody has decided whether to finish, move or drop it. Naming the
    owner tells the reader whom to ask.

    ### Example
    ```yaml
    kind: Roadmap
    spec:
      milestones:
        - id: m-registry-complete
          status: in_progress
          due: 2026-11-20
          done_on: null
    ```

    ### Fix
    Record what happened: set `status: done` with `done_on`, set a new `due` date agreed with the
    owner, or set `status: dropped` with a note why.
    ```yaml
    kind: Roadmap
    spec:
      milestones:
        - id: m-registry-complete
          status: done
          done_on: 2026-11-18
    ```
    """

    code = "GK111"
    name = "milestone-overdue"
    severity = "warning"
    needs = (Roadmap,)
    controls = ("NIST:CA-5", "SOC2:CC5.3", "ISO27001:A.5.1")

    def check(self, context: Context) -> Iterator[Finding]:
        for milestone, where in context.governance.located("milestone"):
            if where.document.model.metadata.status != "in-force":
                continue
            if milestone.status not in OPEN or milestone.due >= context.today:
                continue
            days = (context.today - milestone.due).days
            yield self.finding(
                where.child("due"),
                f"milestone '{milestone.id}' of "
                f"'{where.document.id}' was due on {milestone.due.isoformat()} ({days} days ago) "
                f"and is {milestone.status.replace('_', ' ')}; owner '{milestone.owner}'",
                target=milestone.id,
                hint="mark it done with done_on, agree a new due date with the owner, "
                "or drop it with a note",
            )
