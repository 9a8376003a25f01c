"""Meta: the people of a business portfolio, from the Graph API
`GET /{business-id}/business_users` saved as JSON.

Shape as documented at https://developers.facebook.com/docs/marketing-api/business-manager/
api/business-users/: {"data": [{"id", "name", "email", "role": "ADMIN" | "EMPLOYEE" |
"FINANCE_EDITOR" | "FINANCE_ANALYST" | "DEVELOPER" | ..., ...}], "paging": {...}}. A business
ADMIN can give itself any task on every Page of the business, so it counts as an admin of each
account named: give them as --from ACCOUNT,ACCOUNT=FILE. Other business roles hold no Page
task by themselves (assigned_users lists those), and the list is not complete for an access
list (GKR04 does not judge it).
"""

from __future__ import annotations

from .records import Export, PlatformRole
from .source import Source, evidence, field_of, json_document, lines_of, list_of, named

KIND = "meta-business-users"
SYSTEM = "Meta"
"""How messages name where the export comes from."""


def read(source: Source, subject: str | None) -> Export:
    path = source.path
    accounts = named(
        source,
        subject,
        "accounts",
        "--from ACCOUNT,ACCOUNT=FILE, e.g. --from facebook-no,facebook-se=business-users.json",
    ).split(",")
    records = list_of(path, json_document(source), "data")
    lines = lines_of(source.text, [r.get("id", "") if isinstance(r, dict) else "" for r in records])
    roles = []
    for record, line in zip(records, lines, strict=True):
        user = field_of(path, record, "id", line)
        if field_of(path, record, "role", line) != "ADMIN":
            continue
        name = field_of(path, record, "name", line, required=False)
        email = field_of(path, record, "email", line, required=False)
        for account in accounts:
            roles.append(
                PlatformRole(
                    account.strip(), user, name, "admin", "business ADMIN", line, email=email
                )
            )
    return Export(
        evidence(source, KIND, SYSTEM), "platform", subject, roles=tuple(roles), complete=False
    )
