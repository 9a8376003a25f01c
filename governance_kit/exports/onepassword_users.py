"""1Password: who a vault is shared with, from `op vault user list VAULT --format json`.

Shape as the 1Password CLI writes it (https://developer.1password.com/docs/cli/reference/
management-commands/vault#vault-user-list): a list of {"id", "name", "email", "type",
"state", "permissions"}. The output does not name the vault: give it as --from VAULT=FILE.
"""

from __future__ import annotations

from .records import Export, VaultMember
from .source import (
    Source,
    evidence,
    field_of,
    json_document,
    lines_of,
    list_of,
    named,
    no_duplicates,
)

KIND = "1password-vault-users"
SYSTEM = "1Password"
"""How messages name where the export comes from."""


def read(source: Source, subject: str | None) -> Export:
    path = source.path
    subject = named(
        source, subject, "vault", "--from VAULT=FILE, e.g. --from social-accounts=vault-users.json"
    )
    records = list_of(path, json_document(source), None)
    lines = lines_of(source.text, [r.get("id", "") if isinstance(r, dict) else "" for r in records])
    members = tuple(
        VaultMember(
            subject,
            field_of(path, record, "email", line),
            field_of(path, record, "name", line, required=False),
            line,
        )
        for record, line in zip(records, lines, strict=True)
    )
    no_duplicates(path, ((m.email, m.line, 1) for m in members), "member")
    return Export(
        evidence(source, KIND, SYSTEM), "vault-members", subject, members=members, vaults=(subject,)
    )
