"""GK605 escalation-tier-incomplete."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.moderation import ModerationPolicy
from .base import Context, Rule


class EscalationTierIncomplete(Rule):
    """An escalation tier has no backup, no 'within' time limit or no approver.

    ### What it checks
    A tier of an escalation path has no `backup`, no `within` time limit or no `approver`.

    ### Why it matters
    Escalation happens at the worst moment: at night, on holiday, with a post going viral. A
    tier needs a `backup` role for when the first is unavailable, a time limit (`within`, e.g.
    PT1H) after which the issue moves on, and an `approver` role that signs off what is said at
    that tier. A tier missing any of these stalls or improvises exactly when it must not
    (ISO/IEC 27001 A.5.24, NIST SP 800-53 IR-4).

    ### Example
    ```yaml
    kind: ModerationPolicy
    spec:
      escalation:
        - id: customer-complaint
          tiers:
            - level: 1
              role: support
              within: PT1H
              approver: community-manager
    ```

    ### Fix
    Fill in `backup`, `within` and `approver` for the tier in the ModerationPolicy.
    ```yaml
    kind: ModerationPolicy
    spec:
      escalation:
        - id: customer-complaint
          tiers:
            - level: 1
              role: support
              backup: community-manager
              within: PT1H
              approver: community-manager
    ```
    """

    code = "GK605"
    name = "escalation-tier-incomplete"
    severity = "warning"
    needs = (ModerationPolicy,)
    controls = ("ISO27001:A.5.24", "ISO27001:A.5.26", "SOC2:CC7.3", "NIST:IR-4", "NIST:IR-8")

    def check(self, context: Context) -> Iterator[Finding]:
        governance = context.governance
        for ident, path in governance.escalations.items():
            where = governance.locate("escalation", ident)
            for index, tier in enumerate(path.tiers):
                missing = [
                    name for name in ("backup", "within", "approver") if getattr(tier, name) is None
                ]
                if not missing:
                    continue
                yield self.finding(
                    where.child("tiers", index),
                    f"escalation '{ident}' tier {tier.level} has no " + ", no ".join(missing),
                    target=ident,
                    hint="set 'backup', 'within' and 'approver' for the tier",
                )
