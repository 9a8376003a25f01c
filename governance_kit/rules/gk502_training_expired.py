"""GK502 training-expired."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.accounts import AccountRegistry
from ..model.advocacy import AdvocacyProgramme
from ..model.moderation import ModerationPolicy
from ..model.people import People
from ..model.training import TrainingPlan
from ._training import Requirements, expiry, latest_completions, trainees
from .base import Context, Rule


class TrainingExpired(Rule):
    """A required course's latest completion is older than its refresh interval.

    ### What it checks
    A required course's latest completion is older than the course's `refresh` interval. The
    message says why the person needs the course: a role, account access or ownership, or a
    shift on the rota (as GK501 does).

    ### Why it matters
    A course with a `refresh` interval stays valid for that long after its latest completion.
    Platforms, scams and the company's own rules change; a refresher that is overdue means the
    person works from knowledge the company no longer stands behind. Only courses the person is
    required to have are checked.

    ### Example
    ```yaml
    kind: TrainingPlan
    spec:
      courses:
        - id: social-media-policy
          refresh: P6M
    ```

    ### Fix
    Have the person retake the course and add the new completion to `completions`.
    ```yaml
    kind: TrainingPlan
    spec:
      courses:
        - id: social-media-policy
          refresh: P2Y
    ```
    """

    code = "GK502"
    name = "training-expired"
    severity = "error"
    needs = (People, TrainingPlan, AccountRegistry, ModerationPolicy, AdvocacyProgramme)
    controls = ("ISO27001:A.6.3", "SOC2:CC1.4", "NIST:AT-3")

    def check(self, context: Context) -> Iterator[Finding]:
        governance = context.governance
        done = latest_completions(governance)
        requirements = Requirements.of(governance)
        for person in trainees(governance, context.today):
            for course_id, reason in requirements.courses(person).items():
                course = governance.courses.get(course_id)
                latest = done.get((person.id, course_id))
                if course is None or latest is None:
                    continue
                expired = expiry(course, latest.completed)
                if expired is not None and expired < context.today:
                    yield self.finding(
                        latest.where,
                        f"person '{person.id}': course '{course_id}' completed on "
                        f"{latest.completed.isoformat()} expired on {expired.isoformat()} "
                        f"(refresh {course.refresh}; required for {reason})",
                        target=person.id,
                        hint="have them retake the course and record the new completion",
                    )
