"""Any other platform: a CSV of who holds which role on which account, written by hand or
from the platform's own admin screen (TikTok Business Center, YouTube, X, Pinterest, ...).

Columns: `account` (the account's id in the registry, or its handle), `person` (a person id,
work e-mail or an identifier of `identities`), `role` (admin, editor, moderator, analyst,
advertiser; `owner` counts as admin). Other columns are ignored.
"""

from __future__ import annotations

from ..model.accounts import LEVEL_RANK
from .records import Export, PlatformRole
from .source import Source, csv_rows, evidence, no_duplicates, problem

KIND = "platform-admins"
SYSTEM = "the platform"
"""How messages name where the export comes from."""
REQUIRED = ("account", "person", "role")
SYNONYMS = {"owner": "admin", "administrator": "admin", "manager": "admin"}


def read(source: Source, subject: str | None) -> Export:
    rows = csv_rows(source, REQUIRED)
    no_duplicates(
        source.path,
        ((f"{row.get('account')} {row.get('person')}", row.line, 1) for row in rows),
        "account and person",
    )
    roles = []
    for row in rows:
        role = row.get("role")
        level = SYNONYMS.get(role.casefold(), role.casefold())
        if level not in LEVEL_RANK:
            raise problem(
                source.path,
                f"role '{role}' is not an access level",
                f"roles are {', '.join(LEVEL_RANK)} (owner counts as admin)",
                row.line,
                row.column("role"),
            )
        for name in REQUIRED[:2]:
            if not row.get(name):
                raise problem(
                    source.path, f"cell '{name}' is empty", "fill it in", row.line, row.column(name)
                )
        roles.append(
            PlatformRole(
                row.get("account"),
                row.get("person"),
                "",
                level,
                role,
                row.line,
                row.column("person"),
            )
        )
    return Export(evidence(source, KIND, SYSTEM), "platform", roles=tuple(roles))
