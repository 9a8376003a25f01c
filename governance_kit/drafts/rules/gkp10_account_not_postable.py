"""GKP10 account-not-postable."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding
from .base import DraftContext, DraftRule


class AccountNotPostable(DraftRule):
    """The account is not active, or not in scope.

    ### What it checks
    The draft's account does not have `status: active`, or does not serve a channel of the Scope
    on its own platform.

    ### Why it matters
    Only accounts with `status: active` in the account registry are posted on: a dormant account
    is kept for its name only, an archived one is closed. The account must also serve a channel
    in the Scope on the account's own platform; otherwise no SLA, brand rule or objective
    applies to what is posted there.

    ### Example
    ```markdown
    ---
    account: youtube-sverige-legacy
    author: ben
    ---
    Where will the first snow take you?
    https://nordlys.example/fjellvind?utm_source=instagram&utm_medium=social&utm_campaign=winter
    ```

    ### Fix
    Post on an active account in scope, or bring this account back into use through the registry
    (and the Scope) first.
    ```markdown
    ---
    account: instagram-nordlysoutdoor
    author: ben
    ---
    Where will the first snow take you this weekend? The new Fjellvind jacket:
    https://nordlys.example/fjellvind?utm_source=instagram&utm_medium=social&utm_campaign=winter
    ```
    """

    code = "GKP10"
    name = "account-not-postable"
    severity = "error"

    def check(self, context: DraftContext) -> Iterator[Finding]:
        account = context.account
        where = context.where_account or (1, 1)
        if account.status != "active":
            yield self.finding(
                context,
                where,
                f"account '{account.id}' is {account.status}; only active accounts are posted on",
                hint="choose an active account, or reactivate this one in the account registry",
            )
        channel = context.governance.channels.get(account.channel)
        if channel is None or channel.platform != account.platform:
            yield self.finding(
                context,
                where,
                f"account '{account.id}' serves no channel in scope on {account.platform}",
                hint="correct the account's 'channel' in the registry, or add the channel to "
                "the Scope",
            )
