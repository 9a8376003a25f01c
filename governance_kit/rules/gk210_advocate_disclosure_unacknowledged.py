"""GK210 advocate-disclosure-unacknowledged."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.advocacy import AdvocacyProgramme, Member
from ..model.people import People
from ._advocacy import members
from ._versions import semver
from .base import Context, Rule


class AdvocateDisclosureUnacknowledged(Rule):
    """A member of an advocacy programme has not acknowledged the duty to disclose.

    ### What it checks
    Every member of an AdvocacyProgramme in force who has not left must have a `disclosure`: the
    date they acknowledged the duty to disclose their affiliation when they post about the
    company, and the programme's version whose guidelines they read. An acknowledgement of an
    earlier major version does not count: a major version changes what members must do. Nor
    does one of a version after the current one: it was mistyped, and nobody can tell which
    text the member read.

    ### Why it matters
    An employee praising the company's products without saying they work there is an undisclosed
    endorsement: consumer-protection and advertising law (the FTC Endorsement Guides, the UK CAP
    Code, the Norwegian Marketing Control Act) holds the company answerable, not only the
    employee. A recorded acknowledgement shows that each member was told, and of which rules.

    ### Example
    ```yaml
    kind: AdvocacyProgramme
    spec:
      members:
        - person: dina
          joined: 2026-10-01
          platforms: [instagram]
    ```

    ### Fix
    Have the member read the programme's guidelines and record the acknowledgement with its date
    and the programme's current version.
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

    code = "GK210"
    name = "advocate-disclosure-unacknowledged"
    severity = "error"
    needs = (AdvocacyProgramme, People)
    controls = ("ISO27001:A.5.1", "ISO27001:A.6.3", "SOC2:CC2.2", "NIST:PS-6")

    def check(self, context: Context) -> Iterator[Finding]:
        people = context.governance.people
        for document, member, where in members(context.governance):
            person = people.get(member.person)
            if person is None or person.gone(context.today):
                continue
            problem = self.problem(member, document.model.metadata.version)
            if problem is None:
                continue
            yield self.finding(
                where.child("disclosure") if member.disclosure else where,
                f"member '{member.person}' of advocacy programme '{document.id}' {problem}",
                target=member.person,
                hint="have them read the programme's guidelines and record 'disclosure' with "
                "the date and the current version",
            )

    @staticmethod
    def problem(member: Member, version: str) -> str | None:
        """Why the member's acknowledgement does not count, or None."""
        if member.disclosure is None:
            return "has not acknowledged the duty to disclose their affiliation"
        if _major(member.disclosure.version) < _major(version):
            return (
                f"acknowledged the duty to disclose for version {member.disclosure.version}, "
                f"not the current major version {version}"
            )
        if semver(member.disclosure.version) > semver(version):
            return (
                f"acknowledged the duty to disclose for version {member.disclosure.version}, "
                f"which is after the current version {version}"
            )
        return None


def _major(version: str) -> int:
    return semver(version)[0]
