"""GK104 approval-missing."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.governance import Location
from .base import Context, Rule


class ApprovalMissing(Rule):
    """An in-force policy document has no approved_by or approved_on.

    ### What it checks
    `metadata.approved_by` (a person) and `metadata.approved_on` (a date) are the evidence that the
    version people follow was approved, not just merged.

    ### Why it matters
    Without them an auditor has to reconstruct the approval from pull-request history, and a policy
    nobody approved is only a proposal. The approval flow (GK802) says who may approve; this rule
    checks that someone did.

    ### Example
    ```yaml
    kind: Objectives
    metadata:
      approved_by: null
    ```

    ### Fix
    Record the approval of the current version: `approved_by` with the approver's person id and
    `approved_on` with the date of the approval.
    ```yaml
    kind: Objectives
    metadata:
      approved_by: sigrid
    ```
    """

    code = "GK104"
    name = "approval-missing"
    severity = "error"
    controls = ("ISO27001:A.5.1", "SOC2:CC5.3", "SOC2:CC8.1", "NIST:PL-1")

    def check(self, context: Context) -> Iterator[Finding]:
        for document in context.governance.policies:
            meta = document.model.metadata
            if meta.status != "in-force":
                continue
            missing = [
                name for name in ("approved_by", "approved_on") if getattr(meta, name) is None
            ]
            if not missing:
                continue
            yield self.finding(
                Location(document, ("metadata",)),
                f"'{meta.id}' version {meta.version} has no {' and no '.join(missing)}",
                target=meta.id,
                hint="record who approved the current version ('approved_by') and when "
                "('approved_on')",
                key=True,
            )
