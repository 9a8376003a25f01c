"""GK607 no-holding-statement."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.moderation import ModerationPolicy
from .base import Context, Rule


class NoHoldingStatement(Rule):
    """A crisis severity level has no pre-approved holding statement.

    ### What it checks
    A severity level of a crisis protocol has no `holding_statement`.

    ### Why it matters
    The first public reply in a crisis must come fast and must not make things worse. A holding
    statement approved in advance ("We are aware of ... and are looking into it; we will update
    you by ...") lets the person on shift answer within minutes without waiting for legal and
    communications to agree on words.

    ### Example
    ```yaml
    kind: ModerationPolicy
    spec:
      crisis:
        - id: reputation-crisis
          severity_levels:
            - level: low
              description: Negative attention limited to one channel.
    ```

    ### Fix
    Write a `holding_statement` for the severity level, have it approved like any policy change.
    ```yaml
    kind: ModerationPolicy
    spec:
      crisis:
        - id: reputation-crisis
          severity_levels:
            - level: low
              description: Negative attention limited to one channel.
              holding_statement: Thank you for raising this. We are looking into it.
    ```
    """

    code = "GK607"
    name = "no-holding-statement"
    severity = "warning"
    needs = (ModerationPolicy,)
    controls = ("ISO27001:A.5.24", "ISO27001:A.5.26", "SOC2:CC2.3", "NIST:IR-4")

    def check(self, context: Context) -> Iterator[Finding]:
        governance = context.governance
        for ident, crisis in governance.entities.get("crisis", {}).items():
            where = governance.locate("crisis", ident)
            for index, level in enumerate(crisis.severity_levels):
                if (level.holding_statement or "").strip():
                    continue
                yield self.finding(
                    where.child("severity_levels", index),
                    f"crisis protocol '{ident}': severity level '{level.level}' has no "
                    "holding statement",
                    target=ident,
                    hint="write a pre-approved 'holding_statement' for the level",
                )
