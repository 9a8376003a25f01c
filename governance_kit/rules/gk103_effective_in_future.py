"""GK103 effective-in-future."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.governance import Location
from .base import Context, Rule


class EffectiveInFuture(Rule):
    """An in-force policy document's effective date is in the future.

    ### What it checks
    `metadata.status: in-force` claims that the current version applies today, while
    `metadata.effective_date` says it applies only later.

    ### Why it matters
    Readers cannot tell which text binds them, and an auditor cannot tell which version was in force
    on a given day.

    ### Example
    ```yaml
    kind: Objectives
    metadata:
      effective_date: 2026-12-01
    ```

    ### Fix
    Until the effective date, keep the version as `status: draft` (the handbook marks it as such) or
    correct `effective_date` to the day the version took effect.
    ```yaml
    kind: Objectives
    metadata:
      effective_date: 2026-11-02
    ```
    """

    code = "GK103"
    name = "effective-in-future"
    severity = "warning"
    controls = ("ISO27001:A.5.1", "SOC2:CC5.3", "NIST:PL-1")

    def check(self, context: Context) -> Iterator[Finding]:
        for document in context.governance.policies:
            meta = document.model.metadata
            if meta.status != "in-force" or meta.effective_date <= context.today:
                continue
            yield self.finding(
                Location(document, ("metadata", "effective_date")),
                f"'{meta.id}' is in force, but its effective date "
                f"{meta.effective_date.isoformat()} is in the future",
                target=meta.id,
                hint="set 'status: draft' until then, or correct 'effective_date'",
            )
