"""Bitwarden: an unencrypted JSON export of a personal or organisation vault.

Shape as Bitwarden writes it (https://bitwarden.com/help/condition-bitwarden-import/): {"encrypted":
false, "folders" or "collections": [{"id", "name"}], "items": [{"id", "name", "type",
"folderId", "collectionIds", "login": {"username", "password", "totp", "uris"}, "notes",
"fields", "passwordHistory", ...}]}.

The export holds every password, TOTP seed and note in clear. While the JSON is parsed, every
object keeps only the keys of KEPT: the secrets are dropped as each object is made, never held
in what the reader returns, never printed or stored.
"""

from __future__ import annotations

from typing import Any

from .records import Export, VaultItem
from .source import Source, evidence, field_of, json_document, lines_of, list_of, problem

KIND = "bitwarden"
SYSTEM = "Bitwarden"
"""How messages name where the export comes from."""
KEPT = frozenset(
    {
        "encrypted",
        "folders",
        "collections",
        "items",
        "id",
        "name",
        "folderId",
        "collectionIds",
        "organizationId",
        "type",
    }
)
"""The only keys read from any object of the export."""
NO_VAULT = "Bitwarden"
"""The vault of an item in no folder or collection."""


def keep(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object of the export without the keys that are not KEPT (secrets among them)."""
    return {key: value for key, value in pairs if key in KEPT}


def read(source: Source, subject: str | None) -> Export:
    path = source.path
    document = json_document(source, keep)
    if not isinstance(document, dict) or "items" not in document:
        raise problem(path, "not a Bitwarden JSON export", "export the vault as .json")
    if document.get("encrypted"):
        raise problem(
            path,
            "the export is encrypted",
            "export the vault as unencrypted .json and delete the file once reconciled",
        )
    names = {
        group.get("id"): group.get("name")
        for key in ("folders", "collections")
        for group in _list(document.get(key))
        if isinstance(group, dict) and isinstance(group.get("id"), str)
    }
    records = list_of(path, document, "items")
    lines = lines_of(source.text, [r.get("id", "") if isinstance(r, dict) else "" for r in records])
    items = []
    for record, line in zip(records, lines, strict=True):
        title = field_of(path, record, "name", line)
        for vault in _vaults(record, names):
            items.append(VaultItem(vault, title, line))
    vaults = tuple(sorted({item.vault for item in items}))
    return Export(evidence(source, KIND, SYSTEM), "vault-items", items=tuple(items), vaults=vaults)


def _vaults(record: dict[str, Any], names: dict[Any, Any]) -> list[str]:
    groups = [*_list(record.get("collectionIds")), record.get("folderId")]
    found = [str(names[g]) for g in groups if isinstance(g, str) and names.get(g)]
    return found or [NO_VAULT]


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
