"""1Password: the items of one or more vaults, from `op item list --format json`.

Shape as the 1Password CLI writes it (https://developer.1password.com/docs/cli/reference/
management-commands/item#item-list): a list of {"id", "title", "version", "vault": {"id",
"name"}, "category", "last_edited_by", "created_at", "updated_at", ...}. The list holds no
secret; only the vault name and title are kept.
"""

from __future__ import annotations

from .records import Export, VaultItem
from .source import Source, evidence, field_of, json_document, lines_of, list_of, problem

KIND = "1password-items"
SYSTEM = "1Password"
"""How messages name where the export comes from."""


def read(source: Source, subject: str | None) -> Export:
    path = source.path
    records = list_of(path, json_document(source), None)
    lines = lines_of(source.text, [r.get("id", "") if isinstance(r, dict) else "" for r in records])
    items = []
    for record, line in zip(records, lines, strict=True):
        vault = record.get("vault") if isinstance(record, dict) else None
        if not isinstance(vault, dict):
            raise problem(
                path,
                "field 'vault' is missing or not an object",
                "give the output of op item list --format json",
                line,
            )
        items.append(
            VaultItem(
                field_of(path, vault, "name", line), field_of(path, record, "title", line), line
            )
        )
    vaults = tuple(sorted({item.vault for item in items}))
    return Export(evidence(source, KIND, SYSTEM), "vault-items", items=tuple(items), vaults=vaults)
