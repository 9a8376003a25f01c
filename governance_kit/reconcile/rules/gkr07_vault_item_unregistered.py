"""GKR07 vault-item-unregistered."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding
from .base import ReconcileContext, ReconcileRule, label, vault_ref


class VaultItemUnregistered(ReconcileRule):
    """A vault holds a login that no registered account refers to.

    ### What it checks
    Every item of a password-manager export, in a vault that at least one account's
    `credentials.secret_ref` points to: some registered account must name that vault and
    title. Items of other vaults are not judged.

    ### Why it matters
    A login in the social-accounts vault that the registry does not know is an account nobody
    owns: never reviewed, never rotated, still posting or still open to take over. It is often
    an old campaign page or a personal test account.

    ### Example
    ```text
    # export: op-items-2026-11-20.json
    [{"id": "z9q", "title": "twitter-old-campaign", "version": 1,
      "vault": {"id": "v1", "name": "social-accounts"}, "category": "LOGIN"}]
    ```

    ### Fix
    Register the account (with its owner and access), or close the account and delete the item.
    """

    code = "GKR07"
    name = "vault-item-unregistered"
    severity = "warning"

    def check(self, context: ReconcileContext) -> Iterator[Finding]:
        refs = {ref for a in context.governance.accounts.values() if (ref := vault_ref(a))}
        vaults = {vault for vault, _ in refs}
        for export in context.of_family("vault-items"):
            for item in export.items:
                if item.vault not in vaults or (item.vault, item.title) in refs:
                    continue
                yield self.at_row(
                    export,
                    item.line,
                    item.column,
                    f"item '{item.title}' of vault '{item.vault}' in the {label(export)} "
                    "export belongs to no registered account",
                    hint="register the account, or close it and delete the item",
                    target=item.title,
                )
