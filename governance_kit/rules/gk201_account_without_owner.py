"""GK201 account-without-owner."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.accounts import AccountRegistry
from ._accounts import in_use
from .base import Context, Rule


class AccountWithoutOwner(Rule):
    """An active or dormant account has no business owner.

    ### What it checks
    An account with `status: active` or `dormant` has no `business_owner`.

    ### Why it matters
    An active or dormant account without a `business_owner` belongs to nobody: nobody answers
    for what it posts, nobody notices when access creeps, and when the people who know the login
    leave, the company loses the account. Orphaned accounts are the most common way a brand
    loses a channel or finds it hijacked.

    ### Example
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          business_owner: null
    ```

    ### Fix
    Name the person who answers for the account in `business_owner`, and a different person in
    `backup_owner`. If nobody needs the account any more, set `status: archived` and close or freeze
    it on the platform.
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          business_owner: carl
    ```
    """

    code = "GK201"
    name = "account-without-owner"
    severity = "error"
    needs = (AccountRegistry,)
    controls = ("SOC2:CC6.2", "ISO27001:A.5.9", "CIS:5", "NIST:AC-2")

    def check(self, context: Context) -> Iterator[Finding]:
        for account, where in in_use(context.governance):
            if account.business_owner is None:
                yield self.finding(
                    where.child("business_owner"),
                    f"account '{account.id}' ({account.status}) has no business owner",
                    target=account.id,
                    hint="name the person who answers for it in 'business_owner'",
                )
