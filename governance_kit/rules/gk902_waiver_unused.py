"""GK902 waiver-unused."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.governance import Governance
from ..model.waivers import Waivers
from .base import Context, Rule

RECONCILE_PREFIX = "GKR"
"""Codes of the reconciliation rules, which `govkit reconcile` runs and waives."""


class WaiverUnused(Rule):
    """A waiver in force matches no finding.

    ### What it checks
    The waiver names a rule and a target, but that rule finds nothing about that target: the risk
    was fixed, the target was renamed, or the waiver was written with a wrong code or id.

    ### Why it matters
    A waiver that waives nothing today silently waives the next, unrelated finding.

    ### Example
    ```yaml
    kind: Waivers
    spec:
      waivers:
        - id: w-teampro-mfa
          rule: GK303
          target: instagram-teampro
          justification: Hardware keys are on order.
          approved_by: hanna
          approved_on: 2026-11-02
          expires: 2027-01-31
    ```

    ### Fix
    Delete the waiver if the risk is gone; otherwise correct its `rule` or `target`. Only waivers of
    rules that ran are judged, so `--select` does not report the others.
    """

    code = "GK902"
    name = "waiver-unused"
    severity = "info"
    needs = (Waivers,)
    controls = ("SOC2:CC3.2", "ISO27001:A.5.1")

    after_others = True

    def check(self, context: Context) -> Iterator[Finding]:
        """Waivers in force that matched nothing the rules that ran found.

        Waivers of rules that did not run are not judged; a waiver of a code no rule has is,
        but for the codes of `govkit reconcile` (GKR01...), whose rules never run here.
        """
        from . import all_rules

        used = {f.waiver for f in context.findings if f.waived}
        known = {rule.code for rule in all_rules()}
        for waiver in context.governance.waivers.values():
            if (
                waiver.expires >= context.today
                and waiver.id not in used
                and (waiver.rule in context.ran or waiver.rule not in known)
                and not waiver.rule.startswith(RECONCILE_PREFIX)
            ):
                yield self.unused(context.governance, waiver.id)

    def unused(self, governance: Governance, waiver_id: str) -> Finding:
        """The finding for an unused waiver."""
        waiver = governance.waivers[waiver_id]
        return self.finding(
            governance.locate("waiver", waiver_id),
            f"waiver '{waiver_id}' of {waiver.rule} for '{waiver.target}' matches no finding",
            target=waiver_id,
            hint="delete it if the risk is gone, or correct its 'rule' or 'target'",
        )
