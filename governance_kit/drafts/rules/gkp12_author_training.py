"""GKP12 author-training."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding
from ...model.training_needs import Requirements, latest_completions
from .base import DraftContext, DraftRule


class AuthorTraining(DraftRule):
    """The author lacks a required course, or its completion has expired.

    ### What it checks
    The author must have completed every course the TrainingPlan requires of them, exactly as the
    training rules GK501 and GK502 judge it (courses of their roles, of account access and of the
    moderation rota), and each completion must be within the course's `refresh` interval on the day
    of the check (`--today`).

    ### Why it matters
    Posting on an official account is work the training prepares for: the policy, the brand,
    disclosure law and account security. A post by someone whose training is missing or stale is the
    post most likely to break them.

    ### Example
    ```yaml
    kind: TrainingPlan
    spec:
      courses:
        - id: social-media-policy
          refresh: P6M
    ```

    ```markdown
    ---
    account: instagram-nordlysoutdoor
    author: ben
    ---
    Where will the first snow take you this weekend? The new Fjellvind jacket:
    https://nordlys.example/fjellvind?utm_source=instagram&utm_medium=social&utm_campaign=winter
    ```

    ### Fix
    Have the author take or retake the course and record it, or have someone trained publish.
    ```yaml
    kind: TrainingPlan
    spec:
      courses:
        - id: social-media-policy
          refresh: P2Y
    ```

    ```markdown
    ---
    account: instagram-nordlysoutdoor
    author: ben
    ---
    Where will the first snow take you this weekend? The new Fjellvind jacket:
    https://nordlys.example/fjellvind?utm_source=instagram&utm_medium=social&utm_campaign=winter
    ```
    """

    code = "GKP12"
    name = "author-training"
    severity = "error"

    def check(self, context: DraftContext) -> Iterator[Finding]:
        author = context.author
        if author is None:
            return
        governance = context.governance
        done = latest_completions(governance)
        where = context.where_author or (1, 1)
        for course_id, reason in Requirements.of(governance).courses(author).items():
            latest = done.get((author.id, course_id))
            course = governance.courses.get(course_id)
            if latest is None:
                yield self.finding(
                    context,
                    where,
                    f"author '{author.id}' has not completed '{course_id}' ({reason})",
                    hint="have them take the course, or have someone trained publish",
                )
            elif course is not None:
                expired = course.expiry(latest.completed)
                if expired is not None and expired < context.today:
                    yield self.finding(
                        context,
                        where,
                        f"author '{author.id}': '{course_id}' expired on "
                        f"{expired.isoformat()} ({reason})",
                        hint="have them retake the course, or have someone trained publish",
                    )
