"""GKR08 vault-shared-without-access."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding
from ...loading.suggest import did_you_mean
from .base import ReconcileContext, ReconcileRule, holders, label, vault_ref


class VaultSharedWithoutAccess(ReconcileRule):
    """A vault of account logins is shared with someone who has access to none of them.

    ### What it checks
    Every member of a vault (`op vault user list VAULT --format json`, given as
    `--from VAULT=FILE`) must match a person on the roster (work e-mail or
    `identities.vault`) who has not left and has access to, or owns, at least one account in
    use whose `secret_ref` points into that vault.

    ### Why it matters
    Whoever can open the vault can log in to every account in it, whatever the access list
    says: a vault shared more widely than the access lists is the real access list.

    ### Example
    ```text
    # export: social-accounts=op-vault-users-2026-11-20.json
    [{"id": "u7", "name": "Sigrid Bakke", "email": "sigrid.bakke@nordlys.example",
      "type": "MEMBER", "state": "ACTIVE", "permissions": ["allow_viewing"]}]
    ```

    ### Fix
    Remove the person from the vault, or register their access to the accounts whose logins
    they need.
    """

    code = "GKR08"
    name = "vault-shared-without-access"
    severity = "error"

    def check(self, context: ReconcileContext) -> Iterator[Finding]:
        allowed = _holders_by_vault(context)
        for export in context.of_family("vault-members"):
            if export.subject not in allowed:
                yield self.at_row(
                    export,
                    1,
                    1,
                    f"no registered account's login is in vault '{export.subject}'",
                    hint=did_you_mean(export.subject or "", sorted(allowed))
                    or "name the vault as the accounts' secret_ref does: --from VAULT=FILE",
                    target=export.subject,
                )
                continue
            for member in export.members:
                person = context.person_of(member.email)
                present = person is not None and not person.gone(context.today)
                if present and person.id in allowed.get(member.vault, set()):
                    continue
                who = person.id if person is not None else f"'{member.email}'"
                yield self.at_row(
                    export,
                    member.line,
                    member.column,
                    f"vault '{member.vault}' is shared with {who}, who has access to none of "
                    f"its accounts (per the {label(export)} export)",
                    hint="remove them from the vault, or register the access they need",
                    target=person.id if person else member.email,
                )


def _holders_by_vault(context: ReconcileContext) -> dict[str, set[str]]:
    """Vault -> everyone with access to an account in use whose login it holds."""
    found: dict[str, set[str]] = {}
    for account in context.accounts_in_use():
        ref = vault_ref(account)
        if ref is not None:
            found.setdefault(ref[0], set()).update(holders(account))
    return found
