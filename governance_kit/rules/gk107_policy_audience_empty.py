"""GK107 policy-audience-empty."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.governance import Location
from ..model.people import People
from ..model.policy import Audience, Policy
from ._training import trainees
from .base import Context, Rule


class PolicyAudienceEmpty(Rule):
    """A Policy applies to nobody on the roster.

    ### What it checks
    A Policy document's `spec.audience` names the roles, teams (as written in each person's
    `team`) and kinds of employment it applies to; a person is in the audience when every list
    given matches. The rule reports an in-force Policy with an audience given whose audience holds
    nobody who is active or leaving.

    ### Why it matters
    A team name written differently from the roster (`Customer service` for `Customer Service`)
    or a role nobody holds makes the policy apply to no one: nobody is asked to acknowledge it
    (GK503), and the handbook tells readers it applies to a group that does not exist.

    ### Example
    ```yaml
    kind: Policy
    spec:
      audience:
        teams: [Customer service]
    ```

    ### Fix
    Write the teams and roles as the roster does, or leave the audience empty for everyone.
    ```yaml
    kind: Policy
    spec:
      audience:
        teams: [Customer Service (DACH)]
    ```
    """

    code = "GK107"
    name = "policy-audience-empty"
    severity = "warning"
    needs = (Policy, People)
    controls = ("ISO27001:A.5.1", "SOC2:CC2.2")

    def check(self, context: Context) -> Iterator[Finding]:
        people = trainees(context.governance, context.today)
        for document in context.governance.of_kind(Policy):
            meta, audience = document.model.metadata, document.model.spec.audience
            if meta.status != "in-force" or audience.everyone():
                continue
            if any(audience.includes(person) for person in people):
                continue
            yield self.finding(
                Location(document, ("spec", "audience")),
                f"policy '{meta.id}' applies to nobody on the roster: no one active or leaving "
                f"matches {_described(audience)}",
                target=meta.id,
                hint="write the teams and roles as the roster does, or leave the audience empty",
                key=True,
            )


def _described(audience: Audience) -> str:
    """ "role 'a' and team 'b' or 'c'": what a person must match, in words."""
    parts = []
    if audience.roles:
        parts.append("role " + " or ".join(f"'{role}'" for role in audience.roles))
    if audience.teams:
        parts.append("team " + " or ".join(f"'{team}'" for team in audience.teams))
    if audience.employment:
        parts.append("employment " + " or ".join(audience.employment))
    return " and ".join(parts)
