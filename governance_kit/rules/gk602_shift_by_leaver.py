"""GK602 shift-by-leaver."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.governance import Location
from ..model.moderation import ModerationPolicy
from ..model.people import People
from ._moderation import moderation_document
from ._people import is_gone
from .base import Context, Rule


class ShiftByLeaver(Rule):
    """A moderation shift is assigned to someone who has left.

    ### What it checks
    The shift's person has `status: left` or their last working day has passed.

    ### Why it matters
    The rota looks staffed on paper, but nobody answers during the shift; and a leaver who still
    gets moderation alerts still has access they should not have.

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
    Give the shift to someone who is here (and has the moderation courses), or remove it and check
    that the SLA hours stay covered (GK601).
    ```yaml
    kind: People
    spec:
      people:
        - id: ola
          status: active
          end_date: null
    ```
    """

    code = "GK602"
    name = "shift-by-leaver"
    severity = "error"
    needs = (ModerationPolicy, People)
    controls = ("SOC2:CC6.2", "ISO27001:A.5.11", "SOC2:A1.2")

    def check(self, context: Context) -> Iterator[Finding]:
        document = moderation_document(context.governance)
        if document is None:
            return
        people = context.governance.people
        for index, shift in enumerate(document.model.spec.rota.shifts):
            person = people.get(shift.person)
            if person is None or not is_gone(person, context.today):
                continue
            when = f" on {person.end_date.isoformat()}" if person.end_date else ""
            days = ",".join(shift.days)
            yield self.finding(
                Location(document, ("spec", "rota", "shifts", index, "person")),
                f"shift {days} {shift.start}-{shift.end} is assigned to '{shift.person}', "
                f"who left{when}",
                target=shift.person,
                hint="give the shift to someone who is here, or remove it",
            )
