"""GK102 review-due-soon."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from ..findings import Finding
from ..model.governance import Location
from ._review import review_due
from .base import Context, Rule


class ReviewDueSoon(Rule):
    """A policy document's review falls due within the due-soon window.

    ### What it checks
    The next review of the document falls due within the due-soon window (`due_soon_days` in the
    Settings document, 30 days unless set).

    ### Why it matters
    The warning gives the owner time to plan the review before it becomes overdue (GK101).

    ### Example
    ```yaml
    kind: Objectives
    metadata:
      review:
        interval: P2Y
        last_reviewed: 2024-12-10
    ```

    ### Fix
    Plan the review with the document's owner; once done, record it with `govkit review DOC --by
    PERSON`.
    ```yaml
    kind: Objectives
    metadata:
      review:
        last_reviewed: 2026-11-20
    ```
    """

    code = "GK102"
    name = "review-due-soon"
    severity = "warning"
    controls = ("ISO27001:A.5.1",)
    reads_settings = ("due_soon_days",)

    def check(self, context: Context) -> Iterator[Finding]:
        window = timedelta(days=context.settings.due_soon_days)
        for document in context.governance.policies:
            meta = document.model.metadata
            if meta.status != "in-force":
                continue
            due = review_due(meta)
            if context.today <= due <= context.today + window:
                yield self.finding(
                    Location(document, ("metadata", "review", "last_reviewed")),
                    f"review of '{meta.id}' is due on {due.isoformat()} "
                    f"(in {(due - context.today).days} days)",
                    target=meta.id,
                    hint=f"plan the review with the owner, '{meta.owner}'",
                )
