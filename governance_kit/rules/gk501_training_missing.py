"""GK501 training-missing."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.accounts import AccountRegistry
from ..model.advocacy import AdvocacyProgramme
from ..model.moderation import ModerationPolicy
from ..model.people import People
from ..model.training import TrainingPlan
from ._training import Requirements, latest_completions, trainees
from .base import Context, Rule


class TrainingMissing(Rule):
    """A person lacks a course required by their role, account access or shift.

    ### What it checks
    A person who is active or leaving must have completed the courses required for each role they
    hold (`requirements` in the TrainingPlan), the `account_access_courses` if they have access to
    an account in use or own one (its `business_owner` or `backup_owner`, listed with access or
    not), the `moderation_courses` if they have a shift on the rota, and the `courses` of every
    AdvocacyProgramme in force they are a member of.

    ### Why it matters
    People speaking for the company without training make the mistakes policies exist to prevent:
    undisclosed ads, replies that leak customer data, phished logins.

    ### Example
    ```yaml
    kind: People
    spec:
      people:
        - id: ivar
          roles: [analyst, legal-compliance]
    ```

    ### Fix
    Have the person take the course and record it in `completions` with the date. Until then,
    consider removing their access or shift.
    ```yaml
    kind: People
    spec:
      people:
        - id: ivar
          roles: [analyst]
    ```
    """

    code = "GK501"
    name = "training-missing"
    severity = "error"
    needs = (People, TrainingPlan, AccountRegistry, ModerationPolicy, AdvocacyProgramme)
    controls = ("ISO27001:A.6.3", "SOC2:CC1.4", "NIST:AT-3")

    def check(self, context: Context) -> Iterator[Finding]:
        governance = context.governance
        done = latest_completions(governance)
        requirements = Requirements.of(governance)
        for person in trainees(governance, context.today):
            missing = [
                f"'{course}' ({reason})"
                for course, reason in requirements.courses(person).items()
                if (person.id, course) not in done
            ]
            if missing:
                yield self.finding(
                    governance.locate("person", person.id),
                    f"person '{person.id}' has not completed required training: "
                    + ", ".join(missing),
                    target=person.id,
                    hint="have them take the course and record it in the TrainingPlan's "
                    "'completions'",
                )
