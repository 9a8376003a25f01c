"""GK211 advocate-gone."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.advocacy import AdvocacyProgramme
from ..model.people import People
from ._advocacy import members
from ._people import departure
from .base import Context, Rule


class AdvocateGone(Rule):
    """Someone who has left is still listed as a member of an advocacy programme.

    ### What it checks
    No member of an AdvocacyProgramme in force has left (status `left`, or a last working day
    before today).

    ### Why it matters
    The member list says who may present themselves as speaking with the company's knowledge and
    receives its campaign material and briefings. A former employee still listed keeps getting
    embargoed content, and their posts about the company are no longer covered by the programme.

    ### Example
    ```yaml
    kind: AdvocacyProgramme
    spec:
      members:
        - person: lars
          joined: 2024-03-01
          platforms: [instagram]
          disclosure: {acknowledged: 2024-03-01, version: 1.0.0}
    ```

    ### Fix
    Remove the member from `members`, and from the programme's channels and mailing lists.
    ```yaml
    kind: AdvocacyProgramme
    spec:
      members:
        - person: dina
          joined: 2026-10-01
          platforms: [instagram]
          disclosure: {acknowledged: 2026-10-01, version: 1.0.0}
    ```
    """

    code = "GK211"
    name = "advocate-gone"
    severity = "warning"
    needs = (AdvocacyProgramme, People)
    controls = ("ISO27001:A.6.5", "SOC2:CC2.2", "NIST:PS-4")

    def check(self, context: Context) -> Iterator[Finding]:
        people = context.governance.people
        for document, member, where in members(context.governance):
            person = people.get(member.person)
            if person is None or not person.gone(context.today):
                continue
            yield self.finding(
                where,
                f"member '{member.person}' of advocacy programme '{document.id}' "
                f"{departure(person, context.today, 0)} but is still listed",
                target=member.person,
                hint="remove them from 'members' and from the programme's channels",
            )
