"""GK401 no-continuity-plan."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.accounts import Account, AccountRegistry
from ..model.continuity import ContinuityPlan, Plan
from ._accounts import accounts
from .base import Context, Rule


def applies(plan: Plan, account: Account) -> bool:
    """Whether a continuity plan covers an account."""
    scope = plan.applies_to
    return (
        account.continuity_plan == plan.id
        or account.id in scope.accounts
        or account.platform in scope.platforms
        or (not scope.accounts and not scope.platforms)
    )


class NoContinuityPlan(Rule):
    """No continuity plan covers an active account.

    ### What it checks
    A plan covers an account when the account names it in `continuity_plan`, when the plan's
    `applies_to` lists the account or its platform, or when `applies_to` is empty.

    ### Why it matters
    Without a plan nobody knows who takes over the account, which steps a handover takes, or by
    when, so the account is lost the day its owner leaves.

    ### Example
    ```yaml
    kind: ContinuityPlan
    spec:
      plans:
        - id: standard-handover
          applies_to:
            platforms: [instagram]
    ```

    ### Fix
    Name a plan in the account's `continuity_plan`, or add the account or its platform to a plan's
    `applies_to`.
    """

    code = "GK401"
    name = "no-continuity-plan"
    severity = "error"
    needs = (AccountRegistry, ContinuityPlan)
    controls = ("ISO27001:A.5.30", "SOC2:A1.2", "NIST:CP-2")

    def check(self, context: Context) -> Iterator[Finding]:
        plans = list(context.governance.plans.values())
        for account, where in accounts(context.governance, "active"):
            if not any(applies(plan, account) for plan in plans):
                yield self.finding(
                    where,
                    f"no continuity plan covers account '{account.id}' ({account.platform})",
                    target=account.id,
                    hint="set 'continuity_plan', or add the account or its platform to a plan's "
                    "'applies_to'",
                )
