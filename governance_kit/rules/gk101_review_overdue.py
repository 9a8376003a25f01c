"""GK101 review-overdue."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.governance import Location
from ._review import review_due
from .base import Context, Rule


class ReviewOverdue(Rule):
    """A policy document's review is overdue.

    ### What it checks
    Every in-force policy document has a review interval. Its next review falls due one
    interval after its last review or, if it was never reviewed, after its effective date;
    the rule reports a document whose next review is before today.

    ### Why it matters
    A policy nobody has reviewed in its interval may no longer match how the company works,
    who works there, or what the platforms allow: it is a liability, not a safeguard.

    ### Example
    ```yaml
    kind: Objectives
    metadata:
      review:
        interval: P1Y
        last_reviewed: 2025-01-06
    ```

    ### Fix
    Review the document with its owner and record the review: `govkit review DOC --by PERSON`
    sets `metadata.review.last_reviewed` and `reviewed_by`. If the interval is wrong, change
    `metadata.review.interval` in a pull request that the document's approvers accept.
    ```yaml
    kind: Objectives
    metadata:
      review:
        last_reviewed: 2026-11-20
    ```
    """

    code = "GK101"
    name = "review-overdue"
    severity = "error"
    controls = ("ISO27001:A.5.1", "SOC2:CC5.3")

    def check(self, context: Context) -> Iterator[Finding]:
        for document in context.governance.policies:
            meta = document.model.metadata
            if meta.status != "in-force":
                continue
            due = review_due(meta)
            if due < context.today:
                days = (context.today - due).days
                yield self.finding(
                    Location(document, ("metadata", "review", "last_reviewed")),
                    f"review of '{meta.id}' is overdue since {due.isoformat()} ({days} days)",
                    target=meta.id,
                    hint=f"review it and run 'govkit review {meta.id} --by PERSON'",
                )
