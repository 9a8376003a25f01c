"""Google Workspace: the users CSV downloaded from the Admin console (Directory > Users >
Download users).

Column names as in Google's CSV for users ("Email Address [Required]", "Status [READ ONLY]",
"Last Sign In [READ ONLY]", "2sv Enrolled [READ ONLY]", ...), see
https://support.google.com/a/answer/7348070. The download also has a "Password [Required]"
column (masked as ****): it is never read.
"""

from __future__ import annotations

from .records import Export, IdpUser
from .source import Source, csv_rows, evidence, no_duplicates, yes_no

KIND = "google-users"
SYSTEM = "Google Workspace"
"""How messages name where the export comes from."""
EMAIL = "Email Address [Required]"
STATUS = "Status [READ ONLY]"
TWO_STEP = "2sv Enrolled [READ ONLY]"
REQUIRED = (EMAIL, STATUS)
READ = ("First Name [Required]", "Last Name [Required]", TWO_STEP)


def read(source: Source, subject: str | None) -> Export:
    rows = csv_rows(source, REQUIRED, READ)
    no_duplicates(
        source.path, ((row.get(EMAIL), row.line, row.column(EMAIL)) for row in rows), "user"
    )
    users = []
    for row in rows:
        two_step = row.get(TWO_STEP)
        users.append(
            IdpUser(
                login=row.get(EMAIL),
                addresses=(),
                name=f"{row.get(READ[0])} {row.get(READ[1])}".strip(),
                enabled=row.get(STATUS).casefold() == "active",
                two_step=yes_no(source.path, two_step, TWO_STEP, row.line, row.column(TWO_STEP))
                if two_step
                else None,
                line=row.line,
                column=row.column(EMAIL),
            )
        )
    return Export(evidence(source, KIND, SYSTEM), "idp", users=tuple(users))
