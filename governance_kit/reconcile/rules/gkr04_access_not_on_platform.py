"""GKR04 access-not-on-platform."""

from __future__ import annotations

from collections.abc import Iterator

from ...exports.records import Export
from ...findings import Finding
from ...model.accounts import Access
from .base import Fix, ReconcileContext, ReconcileRule, label


class AccessNotOnPlatform(ReconcileRule):
    """An access list entry has no role on the platform: the registry is stale.

    ### What it checks
    For each account a platform export covers, every entry of its `access` list: the person
    must hold a role on the platform, matched by person id, work e-mail or `identities`.

    ### Why it matters
    An access list that claims more than the platform shows is not evidence of anything: an
    auditor comparing the two finds the registry wrong, and reviews sign off on access that no
    longer exists while missing what does.

    ### Example
    ```text
    # export: platform-admins-2026-11-20.csv
    account,person,role
    tiktok-nordlysoutdoor,ben,admin
    tiktok-nordlysoutdoor,ana,admin
    tiktok-nordlysoutdoor,carl,editor
    tiktok-nordlysoutdoor,greta,editor
    tiktok-nordlysoutdoor,frida,moderator
    tiktok-nordlysoutdoor,marit,moderator
    ```

    ### Fix
    Remove the entry from the access list (the person no longer has the role), or grant the
    role on the platform if it was removed by mistake.
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: tiktok-nordlysoutdoor
          access:
            - {person: ben, level: admin, granted: 2026-06-24}
            - {person: ana, level: admin, granted: 2021-02-15}
            - {person: carl, level: editor, granted: 2021-02-15}
            - {person: greta, level: editor, granted: 2022-09-15}
            - {person: frida, level: moderator, granted: 2023-05-15}
            - {person: marit, level: moderator, granted: 2025-04-14}
    ```
    """

    code = "GKR04"
    name = "access-not-on-platform"
    severity = "warning"

    def check(self, context: ReconcileContext) -> Iterator[Finding]:
        for export, account_id, index, entry in self.stale(context):
            yield self.at_policy(
                context.where("account", account_id, "access", index),
                export,
                f"{entry.person} has {entry.level} access to {account_id} in the registry "
                f"but no role in the {label(export)} export",
                hint=f"remove {entry.person} from the access list of {account_id}, or "
                "grant the role on the platform",
                target=account_id,
            )

    def fixes(self, context: ReconcileContext) -> Iterator[Fix]:
        """Remove each stale entry from the access list."""
        for export, account_id, _, entry in self.stale(context):
            yield Fix(self.code, account_id, "remove-access", entry.person, export, account_id)

    @staticmethod
    def stale(context: ReconcileContext) -> Iterator[tuple[Export, str, int, Access]]:
        """Each access entry of an account a platform export covers whose person holds no
        role there: (the export, the account id, the entry's index, the entry)."""
        covered: dict[str, Export] = {}
        holders: dict[str, set[str]] = {}
        for export, role, account in context.platform_roles():
            if account is None or not export.complete:
                continue
            covered.setdefault(account.id, export)
            person = context.person_of_role(role)
            holders.setdefault(account.id, set()).add(person.id if person else "")
        for export in context.of_family("platform"):
            account = context.account_of(export.subject) if export.subject else None
            if account is not None and export.complete:
                covered.setdefault(account.id, export)
                holders.setdefault(account.id, set())
        for account_id, export in covered.items():
            account = context.governance.accounts[account_id]
            for index, entry in enumerate(account.access):
                if entry.person not in holders[account_id]:
                    yield export, account_id, index, entry
