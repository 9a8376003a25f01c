"""What an export says, once read: users of an identity provider, vault items and members,
roles on a platform; and the evidence (file, SHA-256, date) every finding cites.

Nothing here holds a secret: readers drop passwords, TOTP seeds, notes and custom fields
while parsing, and keep only the fields below.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

Family = Literal["idp", "vault-items", "vault-members", "platform"]


class ExportProblem(Exception):
    """An export that cannot be read: one line `file:line:column: error: message (hint)`."""

    def __init__(self, path: Path, line: int, column: int, message: str, hint: str) -> None:
        super().__init__(message)
        self.path, self.line, self.column, self.hint = path, line, column, hint


@dataclass(frozen=True)
class Evidence:
    """The export a finding rests on: which file, of which system, its SHA-256, and the day it
    was taken (`dated_by`: a date in its file name, or the file's modification)."""

    path: Path
    kind: str
    system: str
    sha256: str
    exported: date
    dated_by: Literal["file name", "file modified"]


@dataclass(frozen=True)
class IdpUser:
    """A user of the identity provider: its sign-in name, other addresses, and state."""

    login: str
    addresses: tuple[str, ...]
    name: str
    enabled: bool
    two_step: bool | None
    line: int
    column: int = 1


@dataclass(frozen=True)
class VaultItem:
    """An item of a password-manager vault: the vault's name and the item's title, only."""

    vault: str
    title: str
    line: int
    column: int = 1


@dataclass(frozen=True)
class VaultMember:
    """Someone a vault is shared with."""

    vault: str
    email: str
    name: str
    line: int
    column: int = 1


@dataclass(frozen=True)
class PlatformRole:
    """Someone's role on a platform account: who (as the platform names them), the level it
    amounts to in the registry's terms, and the platform's own words for it."""

    account: str
    user: str
    name: str
    level: str
    role: str
    line: int
    column: int = 1
    email: str = ""
    """The user's e-mail address, when the platform gives it (Meta business users)."""


@dataclass(frozen=True)
class Export:
    """One export file, read."""

    evidence: Evidence
    family: Family
    subject: str | None = None
    """What the export is of when the file does not say: the account or the vault."""
    users: tuple[IdpUser, ...] = ()
    items: tuple[VaultItem, ...] = ()
    members: tuple[VaultMember, ...] = ()
    roles: tuple[PlatformRole, ...] = ()
    vaults: tuple[str, ...] = field(default=())
    """The vaults a vault export covers (an item or member elsewhere is not judged)."""
    complete: bool = True
    """Whether a platform export lists everyone with a role on its accounts, so that an
    access entry it lacks is stale (GKR04); a list of business admins does not."""

    @property
    def path(self) -> Path:
        return self.evidence.path
