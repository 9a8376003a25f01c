"""GK701 account-out-of-scope."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.accounts import AccountRegistry
from ..model.scope import Scope
from ._accounts import in_use
from .base import Context, Rule


class AccountOutOfScope(Rule):
    """An account's platform is not its channel's platform, or not in scope at all.

    ### What it checks
    Every account serves a channel in the Scope document, and must be on that channel's platform.

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
    (and decide its SLA, rules and objectives), or archive the account.
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
        channels = context.governance.channels
        in_scope = {channel.platform for channel in channels.values()}
        for account, where in in_use(context.governance):
            channel = channels.get(account.channel)
            if account.platform not in in_scope:
                message = (
                    f"account '{account.id}' is on {account.platform}, "
                    "which no channel in scope uses"
                )
            elif channel is not None and channel.platform != account.platform:
                message = (
                    f"account '{account.id}' is on {account.platform}, but its channel "
                    f"'{channel.id}' is on {channel.platform}"
                )
            else:
                continue
            yield self.finding(
                where.child("platform"),
                message,
                target=account.id,
                hint="correct 'platform' or 'channel', or add a channel for the platform to "
                "the Scope",
            )
