"""GK902 waiver-unused."""

from __future__ import annotations

from ..findings import Finding
from ..model.governance import Governance
from .base import Rule


class WaiverUnused(Rule):
    """A waiver in force matches no finding.

    The waiver names a rule and a target, but that rule finds nothing about that target: the
    risk was fixed, the target was renamed, or the waiver was written with a wrong code or
    id. A waiver that waives nothing today silently waives the next, unrelated finding.

    Delete the waiver if the risk is gone; otherwise correct its `rule` or `target`.
    Only waivers of rules that ran are judged, so `--select` does not report the others.
    """

    code = "GK902"
    name = "waiver-unused"
    severity = "info"
    summary = "A waiver in force matches no finding."
    controls = ("SOC2:CC3.2", "ISO27001:A.5.1")

    def unused(self, governance: Governance, waiver_id: str) -> Finding:
        """The finding for an unused waiver; the checker decides which waivers are unused."""
        waiver = governance.waivers[waiver_id]
        return self.finding(
            governance.locate("waiver", waiver_id),
            f"waiver '{waiver_id}' of {waiver.rule} for '{waiver.target}' matches no finding",
            target=waiver_id,
            hint="delete it if the risk is gone, or correct its 'rule' or 'target'",
        )
