"""GK601 coverage-gap."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.governance import Location
from ..model.moderation import ModerationPolicy, Sla
from ..model.people import People
from ._moderation import moderation_document
from ._people import is_present
from ._week import Minutes, describe, stretches, weekly
from .base import Context, Rule

MAX_LISTED = 5


class CoverageGap(Rule):
    """Hours promised by a channel's SLA are not covered by the moderation rota.

    ### What it checks
    Each SLA promises a first response within its hours: `always` (every hour of the week) or the
    days and times given.

    ### Why it matters
    Those hours must be covered, minute by minute, by shifts of people who have not left and whose
    `channels` is empty or names the channel. An SLA promised to customers but not staffed is broken
    every week, and complaints sit unanswered exactly when nobody is looking.

    ### Example
    ```yaml
    kind: People
    spec:
      people:
        - id: ola
          status: left
          end_date: 2026-10-31
    ```

    ### Fix
    Add shifts for the uncovered stretches (or widen `channels` of existing shifts), replace shifts
    of people who have left, or narrow the SLA's `hours` to what the team can staff.
    ```yaml
    kind: People
    spec:
      people:
        - id: ola
          status: active
          end_date: null
    ```
    """

    code = "GK601"
    name = "coverage-gap"
    severity = "error"
    needs = (ModerationPolicy, People)
    controls = ("SOC2:A1.2", "ISO27001:A.5.30", "SOC2:CC7.3")

    def check(self, context: Context) -> Iterator[Finding]:
        document = moderation_document(context.governance)
        if document is None:
            return
        spec = document.model.spec
        people = context.governance.people
        for index, sla in enumerate(spec.slas):
            covered = Minutes()
            for shift in spec.rota.shifts:
                if is_present(people.get(shift.person), context.today) and (
                    not shift.channels or sla.channel in shift.channels
                ):
                    covered |= weekly(shift.days, shift.start, shift.end)
            gaps = stretches(_promised(sla) - covered)
            if gaps:
                yield self.finding(
                    Location(document, ("spec", "slas", index, "hours")),
                    f"channel '{sla.channel}': SLA hours not covered by the rota: "
                    + _listing([describe(*gap) for gap in gaps]),
                    target=sla.channel,
                    hint="add shifts for these hours, or narrow the SLA's 'hours'",
                )


def _promised(sla: Sla) -> Minutes:
    if sla.hours == "always":
        return Minutes.all_week()
    return weekly(sla.hours.days, sla.hours.start, sla.hours.end)


def _listing(items: list[str]) -> str:
    if len(items) <= MAX_LISTED:
        return ", ".join(items)
    return ", ".join(items[:MAX_LISTED]) + f" and {len(items) - MAX_LISTED} more"
