"""LinkedIn: the roles on an organization page, from the Marketing API
`GET /rest/organizationAcls?q=organization&organization={urn}` saved as JSON.

Shape as documented at https://learn.microsoft.com/en-us/linkedin/marketing/
community-management/organizations/organization-access-control-by-role: {"elements":
[{"roleAssignee": "urn:li:person:...", "role": "ADMINISTRATOR", "state": "APPROVED",
"organization": "urn:li:organization:..."}], "paging": {...}}. Only APPROVED roles count.
Give the account as --from ACCOUNT=FILE.
"""

from __future__ import annotations

from .records import Export, PlatformRole
from .source import Source, evidence, field_of, json_document, lines_of, list_of, named, problem

KIND = "linkedin-acls"
SYSTEM = "LinkedIn"
"""How messages name where the export comes from."""
ROLES = {
    "ADMINISTRATOR": "admin",
    "CONTENT_ADMINISTRATOR": "editor",
    "CURATOR": "moderator",
    "DIRECT_SPONSORED_CONTENT_POSTER": "advertiser",
    "LEAD_GEN_FORMS_MANAGER": "advertiser",
    "RECRUITING_POSTER": "editor",
    "ANALYST": "analyst",
}
"""Each organization role and the registry's access level it amounts to."""


def read(source: Source, subject: str | None) -> Export:
    path = source.path
    subject = named(
        source, subject, "account", "--from ACCOUNT=FILE, e.g. --from linkedin-nordlys=acls.json"
    )
    records = list_of(path, json_document(source), "elements")
    keys = [r.get("roleAssignee", "") if isinstance(r, dict) else "" for r in records]
    roles = []
    for record, line in zip(records, lines_of(source.text, keys), strict=True):
        user = field_of(path, record, "roleAssignee", line)
        role = field_of(path, record, "role", line)
        if role not in ROLES:
            raise problem(
                path,
                f"role '{role}' is not an organization role",
                f"roles are {', '.join(ROLES)}",
                line,
            )
        if field_of(path, record, "state", line) == "APPROVED":
            roles.append(PlatformRole(subject, user, "", ROLES[role], role, line))
    return Export(evidence(source, KIND, SYSTEM), "platform", subject, roles=tuple(roles))
