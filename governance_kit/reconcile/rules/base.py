"""What a reconciliation rule sees (the governance, the day and the exports read) and how it
reports: at a row of an export, or at the policy entry it concerns, citing the export."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from ...exports.records import Export, IdpUser, PlatformRole
from ...findings import Finding, Severity
from ...model.accounts import LEVEL_RANK, Account
from ...model.governance import Location
from ...model.moderation import ModerationPolicy
from ...model.people import Person
from ...rules.base import BaseContext, BaseRule

RECONCILE_CONTROLS = ("SOC2:CC6.2", "SOC2:CC6.3", "ISO27001:A.5.18", "NIST:AC-2")
"""The controls every reconciliation supports: access compared with the system of record."""


@dataclass(frozen=True)
class Fix:
    """An obvious change a finding asks for, which `govkit reconcile --apply` writes: remove
    `person`'s entries from the access list of `account`, or mark `person` as left."""

    code: str
    target: str
    action: Literal["remove-access", "mark-left"]
    person: str
    export: Export
    account: str | None = None


@dataclass(frozen=True)
class ReconcileContext(BaseContext):
    """The governance, the day, and the exports to compare it with."""

    exports: tuple[Export, ...] = ()

    def of_family(self, family: str) -> list[Export]:
        return [export for export in self.exports if export.family == family]

    @cached_property
    def identities(self) -> dict[str, list[Person]]:
        """Every identifier of every person (id, work e-mail, `identities`), case folded, with
        everyone who claims it."""
        found: dict[str, list[Person]] = {}
        for person in self.governance.people.values():
            names = {person.id, person.email}
            names |= set(person.identities.values()) if person.identities else set()
            for name in {name.casefold() for name in names}:
                found.setdefault(name, []).append(person)
        return found

    def claimants(self, identifier: str) -> list[Person]:
        """Everyone whose identifiers include `identifier` (case folded)."""
        return self.identities.get(identifier.strip().casefold(), [])

    def person_of(self, identifier: str) -> Person | None:
        """The one person with this identifier; None for none, and for several: an identifier
        two people claim matches neither, it is never guessed."""
        found = self.claimants(identifier)
        return found[0] if len(found) == 1 else None

    def person_of_role(self, role: PlatformRole) -> Person | None:
        """The person a role on a platform belongs to: by the platform's id, else its e-mail."""
        found = self.person_of(role.user)
        return found if found is not None or not role.email else self.person_of(role.email)

    @cached_property
    def idp_matches(self) -> dict[str, list[tuple[Export, IdpUser]]]:
        """Person id -> their users in the identity-provider exports (one pass over them)."""
        found: dict[str, list[tuple[Export, IdpUser]]] = {}
        for export in self.of_family("idp"):
            for user in export.users:
                names = (user.login, *user.addresses)
                for ident in {p.id for name in names if (p := self.person_of(name))}:
                    found.setdefault(ident, []).append((export, user))
        return found

    def idp_users_of(self, person: Person) -> list[tuple[Export, IdpUser]]:
        """The person's users in the identity-provider exports, matched by identifier."""
        return self.idp_matches.get(person.id, [])

    @cached_property
    def handles(self) -> dict[str, list[Account]]:
        """Accounts by handle, case folded and without a leading @."""
        found: dict[str, list[Account]] = {}
        for account in self.governance.accounts.values():
            found.setdefault(_handle(account.handle), []).append(account)
        return found

    def accounts_named(self, name: str) -> list[Account]:
        """The account with this id, else every account with this handle (case folded,
        without a leading @): several when the handle is used on more than one platform."""
        accounts = self.governance.accounts
        if name in accounts:
            return [accounts[name]]
        return self.handles.get(_handle(name), [])

    def account_of(self, name: str) -> Account | None:
        """The one account `name` names (id or handle), or None (none, or several)."""
        found = self.accounts_named(name)
        return found[0] if len(found) == 1 else None

    def platform_roles(self) -> Iterator[tuple[Export, PlatformRole, Account | None]]:
        """Every role on a platform, with the registered account it belongs to (or None)."""
        for export in self.of_family("platform"):
            for role in export.roles:
                yield export, role, self.account_of(role.account)

    def registered_level(self, account: Account, person: Person) -> str | None:
        """The highest level the registry gives the person on the account (an owner: admin)."""
        levels = [entry.level for entry in account.access if entry.person == person.id]
        if person.id in owners(account):
            levels.append("admin")
        return max(levels, key=LEVEL_RANK.__getitem__) if levels else None

    @cached_property
    def on_rota(self) -> frozenset[str]:
        spec = self.governance.spec(ModerationPolicy)
        return frozenset(shift.person for shift in spec.rota.shifts) if spec else frozenset()

    def accounts_in_use(self) -> list[Account]:
        return [a for a in self.governance.accounts.values() if a.status != "archived"]

    def where(self, entity: str, ident: str, *steps: str | int) -> Location:
        return self.governance.locate(entity, ident).child(*steps)


def _handle(text: str) -> str:
    return text.strip().lstrip("@").casefold()


def owners(account: Account) -> set[str]:
    """The business and backup owner: an owner answers for the account as an admin does."""
    return {person for person in (account.business_owner, account.backup_owner) if person}


def holders(account: Account) -> set[str]:
    """Everyone with access to the account: its access list and its owners."""
    return {entry.person for entry in account.access} | owners(account)


def vault_ref(account: Account) -> tuple[str, str] | None:
    """The vault and item of the account's login (`op://VAULT/ITEM[/field]`), or None."""
    ref = account.credentials.secret_ref
    if ref is None:
        return None
    parts = ref.split("://", 1)[1].split("/")
    return (parts[0], parts[1]) if len(parts) >= 2 and parts[0] and parts[1] else None


class ReconcileRule(BaseRule):
    """Base of every reconciliation rule; a module defines one subclass, its docstring
    explains it, and its Example holds the export (`# export: NAME`) that makes it fire."""

    context_type = ReconcileContext
    command = "govkit reconcile"
    controls = RECONCILE_CONTROLS

    def check(self, context: ReconcileContext) -> Iterable[Finding]:  # type: ignore[override]
        return ()

    def fixes(self, context: ReconcileContext) -> Iterable[Fix]:
        """The obvious changes that settle this rule's findings (none for most rules)."""
        return ()

    def at_row(
        self,
        export: Export,
        line: int,
        column: int,
        message: str,
        *,
        hint: str,
        target: str | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding at a row of the export."""
        return Finding(
            export.path,
            line,
            column,
            message,
            code=self.code,
            severity=severity or self.severity,
            hint=hint,
            target=target,
            evidence=export.path,
        )

    def at_policy(
        self, where: Location, export: Export, message: str, *, hint: str, target: str | None
    ) -> Finding:
        """A finding at the policy entry it concerns, resting on the export."""
        return Finding(
            where.document.path,
            0,
            0,
            message,
            code=self.code,
            severity=self.severity,
            hint=hint,
            target=target,
            anchor=(where, False),
            evidence=export.path,
        )


def label(export: Export) -> str:
    """How messages name where the export comes from: Microsoft Entra ID, 1Password, ..."""
    return export.evidence.system
