"""Bitwarden: a CSV export of a personal vault (`folder`) or an organisation's (`collections`).

Columns as Bitwarden writes them (https://bitwarden.com/help/condition-bitwarden-import/):
folder or collections, favorite, type, name, notes, fields, reprompt, login_uri,
login_username, login_password, login_totp. Only the vault columns and `name` are read: the
notes, custom fields, username, password and TOTP seed never leave the CSV parser.
"""

from __future__ import annotations

from .bitwarden import NO_VAULT
from .records import Export, VaultItem
from .source import Source, csv_rows, evidence

KIND = "bitwarden-csv"
SYSTEM = "Bitwarden"
"""How messages name where the export comes from."""
REQUIRED = ("name", "type")
READ = ("folder", "collections")


def read(source: Source, subject: str | None) -> Export:
    items = []
    for row in csv_rows(source, REQUIRED, READ):
        if not row.get("name"):
            continue
        groups = [g.strip() for key in READ for g in row.get(key).split(",") if g.strip()]
        for vault in groups or [NO_VAULT]:
            items.append(VaultItem(vault, row.get("name"), row.line, row.column("name")))
    vaults = tuple(sorted({item.vault for item in items}))
    return Export(evidence(source, KIND, SYSTEM), "vault-items", items=tuple(items), vaults=vaults)
