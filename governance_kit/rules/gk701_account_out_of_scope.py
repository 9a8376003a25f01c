"""GK701 account-out-of-scope."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.accounts import Account, AccountRegistry
from ..model.governance import Governance
from ..model.scope import Scope
from ._accounts import in_use
from .base import Context, Rule


class AccountOutOfScope(Rule):
    """An account's platform is not its channel's platform, or not in scope at all.

    ### What it checks
    Every account serves a channel in the Scope document, and must be on that channel's platform.
    An account on a platform the Scope declares out of scope (`out_of_scope[].platforms`) may be
    registered without a channel, so that it is on record; it is flagged with the reason the Scope
    gives, until it is archived.

    ### Why it matters
    An account on a platform no channel in scope uses is governed by nothing: no SLA, no brand
    rules, no objectives apply to it. An account on another platform than its channel is usually a
    copy-paste mistake in the registry.

    ### Example
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          platform: tiktok
    ```

    ### Fix
    Correct the account's `channel` or `platform`, or add a channel for the platform to the Scope
    (and decide its SLA, rules and objectives), or archive the account (or waive the finding
    while it is being closed).
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          platform: instagram
    ```
    """

    code = "GK701"
    name = "account-out-of-scope"
    severity = "error"
    needs = (AccountRegistry, Scope)
    controls = ("ISO27001:A.5.9", "SOC2:CC2.1")

    def check(self, context: Context) -> Iterator[Finding]:
        for account, where in in_use(context.governance):
            message = self.problem(context.governance, account)
            if message is None:
                continue
            yield self.finding(
                where.child("platform"),
                message,
                target=account.id,
                hint="correct 'platform' or 'channel', or add a channel for the platform to "
                "the Scope, or archive the account",
            )

    @staticmethod
    def problem(governance: Governance, account: Account) -> str | None:
        """What is wrong with the account's platform and channel, or None."""
        channels = governance.channels
        scope = governance.spec(Scope)
        declared = scope.declared_out(account.platform) if scope else None
        in_scope = {channel.platform for channel in channels.values()}
        if account.channel is None or (declared and account.platform not in in_scope):
            reason = f": {declared.reason.strip()}" if declared else ""
            return (
                f"account '{account.id}' is on {account.platform}, which the Scope declares "
                f"out of scope{reason}"
            )
        if account.platform not in in_scope:
            return (
                f"account '{account.id}' is on {account.platform}, which no channel in scope uses"
            )
        channel = channels.get(account.channel)
        if channel is not None and channel.platform != account.platform:
            return (
                f"account '{account.id}' is on {account.platform}, but its channel "
                f"'{channel.id}' is on {channel.platform}"
            )
        return None
