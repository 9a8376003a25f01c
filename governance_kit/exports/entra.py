"""Microsoft Entra ID: the "Download users" CSV of the Entra admin center.

Columns as documented at https://learn.microsoft.com/en-us/entra/identity/users/users-bulk-download
(userPrincipalName, displayName, surname, mail, givenName, objectId, userType, jobTitle,
department, accountEnabled, ...). Only the columns below are kept.
"""

from __future__ import annotations

from .records import Export, IdpUser
from .source import Source, csv_rows, evidence, no_duplicates, yes_no

KIND = "entra-users"
SYSTEM = "Microsoft Entra ID"
"""How messages name where the export comes from."""
REQUIRED = ("userPrincipalName", "displayName", "accountEnabled")
READ = ("mail", "userType")


def read(source: Source, subject: str | None) -> Export:
    rows = csv_rows(source, REQUIRED, READ)
    no_duplicates(
        source.path,
        ((row.get("userPrincipalName"), row.line, row.column("userPrincipalName")) for row in rows),
        "user",
    )
    users = tuple(
        IdpUser(
            login=row.get("userPrincipalName"),
            addresses=tuple(a for a in (row.get("mail"),) if a),
            name=row.get("displayName"),
            enabled=yes_no(
                source.path,
                row.get("accountEnabled"),
                "accountEnabled",
                row.line,
                row.column("accountEnabled"),
            ),
            two_step=None,
            line=row.line,
            column=row.column("userPrincipalName"),
        )
        for row in rows
    )
    return Export(evidence(source, KIND, SYSTEM), "idp", users=users)
