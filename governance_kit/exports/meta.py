"""Meta (Facebook and Instagram): who is assigned to a Page, from the Graph API
`GET /{page-id}/assigned_users?business={business-id}` saved as JSON.

Shape as documented at https://developers.facebook.com/docs/graph-api/reference/page/
assigned_users/: {"data": [{"id", "name", "tasks": ["MANAGE", "CREATE_CONTENT", "MODERATE",
"MESSAGING", "ADVERTISE", "ANALYZE"]}], "paging": {...}}. The response does not name the
Page: give the account as --from ACCOUNT=FILE.
"""

from __future__ import annotations

from ..model.accounts import LEVEL_RANK
from .records import Export, PlatformRole
from .source import (
    Source,
    evidence,
    field_of,
    json_document,
    lines_of,
    list_of,
    named,
    no_duplicates,
    problem,
)

KIND = "meta-assigned-users"
SYSTEM = "Meta"
"""How messages name where the export comes from."""
TASKS = {
    "MANAGE": "admin",
    "CREATE_CONTENT": "editor",
    "MODERATE": "moderator",
    "MESSAGING": "moderator",
    "ADVERTISE": "advertiser",
    "ANALYZE": "analyst",
}
"""Each Page task and the registry's access level it amounts to."""


def read(source: Source, subject: str | None) -> Export:
    path = source.path
    subject = named(
        source, subject, "Page", "--from ACCOUNT=FILE, e.g. --from facebook-no=page-users.json"
    )
    records = list_of(path, json_document(source), "data")
    lines = lines_of(source.text, [r.get("id", "") if isinstance(r, dict) else "" for r in records])
    roles = []
    for record, line in zip(records, lines, strict=True):
        user = field_of(path, record, "id", line)
        tasks = record.get("tasks")
        if (
            not isinstance(tasks, list)
            or not tasks
            or not all(isinstance(t, str) and t in TASKS for t in tasks)
        ):
            raise problem(
                path,
                f"tasks of user '{user}' are not Page tasks",
                f"tasks are {', '.join(TASKS)}",
                line,
            )
        task = max(sorted(tasks, key=list(TASKS).index), key=lambda t: LEVEL_RANK[TASKS[t]])
        name = field_of(path, record, "name", line, required=False)
        roles.append(PlatformRole(subject, user, name, TASKS[task], f"the {task} task", line))
    no_duplicates(path, ((role.user, role.line, 1) for role in roles), "user")
    return Export(evidence(source, KIND, SYSTEM), "platform", subject, roles=tuple(roles))
