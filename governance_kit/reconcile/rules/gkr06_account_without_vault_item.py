"""GKR06 account-without-vault-item."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding
from .base import ReconcileContext, ReconcileRule, label, vault_ref


class AccountWithoutVaultItem(ReconcileRule):
    """A registered account's login is not in the vault its `secret_ref` points to.

    ### What it checks
    For every account in use whose `credentials.secret_ref` names a vault and an item
    (`op://VAULT/ITEM`) of a vault a password-manager export covers (1Password `op item list`,
    a Bitwarden export): the vault must hold an item with that title. The message never
    repeats the reference, which is confidential.

    ### Why it matters
    A login that is not where the registry says lives somewhere else: in a browser, a personal
    vault, a spreadsheet. Nobody can rotate it when someone leaves, and the company loses the
    account with the one person who knows where it is.

    ### Example
    ```text
    # export: op-items-2026-11-20.json
    [{"id": "k3x", "title": "instagram-nordlysoutdoor", "version": 4,
      "vault": {"id": "v1", "name": "social-accounts"}, "category": "LOGIN"}]
    ```

    ### Fix
    Store the login in the vault under the title the registry names, or correct the
    `secret_ref`.
    """

    code = "GKR06"
    name = "account-without-vault-item"
    severity = "warning"

    def check(self, context: ReconcileContext) -> Iterator[Finding]:
        exports = context.of_family("vault-items")
        held = {(item.vault, item.title) for export in exports for item in export.items}
        for account in context.accounts_in_use():
            ref = vault_ref(account)
            export = next((e for e in exports if ref and ref[0] in e.vaults), None)
            if ref is None or export is None or ref in held:
                continue
            yield self.at_policy(
                context.where("account", account.id, "credentials", "secret_ref"),
                export,
                f"the login of {account.id} (credentials.secret_ref) is not an item of its "
                f"vault in the {label(export)} export",
                hint="store the login under the title the registry names, or correct the "
                "secret_ref",
                target=account.id,
            )
