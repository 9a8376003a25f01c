"""GKR10 stale-export."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding
from .base import ReconcileContext, ReconcileRule


class StaleExport(ReconcileRule):
    """An export is older than Settings allow, or dated after today: no current evidence.

    ### What it checks
    The date of every export given: a date in its file name (`exportUsers_2026-11-20.csv`),
    else the day the file was last modified (none of the formats dates itself). It must be at
    most `spec.check.export_max_age_days` days (30 by default) before today, and not after
    today: a date to come is a mistyped file name or a wrong clock, and proves nothing.

    ### Why it matters
    A reconciliation proves the registry matched reality on the day of the export, not today.
    Auditors (SOC 2 CC6.2, ISO 27001 A.5.18) ask for current evidence; a reconciliation
    against last quarter's export misses everyone who left since.

    ### Example
    ```text
    # export: entra-users-2026-09-01.csv
    userPrincipalName,displayName,mail,accountEnabled,userType
    ana.haugen@nordlys.example,Ana Berg Haugen,ana.haugen@nordlys.example,True,Member
    ```

    ### Fix
    Export again from the system of record and reconcile with the new file.
    ```text
    # export: entra-users-2026-11-20.csv
    userPrincipalName,displayName,mail,accountEnabled,userType
    ana.haugen@nordlys.example,Ana Berg Haugen,ana.haugen@nordlys.example,True,Member
    ```
    """

    code = "GKR10"
    name = "stale-export"
    severity = "warning"
    reads_settings = ("export_max_age_days",)

    def check(self, context: ReconcileContext) -> Iterator[Finding]:
        allowed = context.settings.export_max_age_days
        for export in context.exports:
            evidence = export.evidence
            age = (context.today - evidence.exported).days
            if age < 0:
                yield self.at_row(
                    export,
                    1,
                    1,
                    f"the export is dated {evidence.exported.isoformat()} by its "
                    f"{evidence.dated_by}, after today ({context.today.isoformat()})",
                    hint="name the file with the day it was exported, or check the clock of "
                    "the machine that wrote it",
                    target=export.path.name,
                )
                continue
            if age <= allowed:
                continue
            yield self.at_row(
                export,
                1,
                1,
                f"the export is {age} days old (dated {evidence.exported.isoformat()} by its "
                f"{evidence.dated_by}); Settings allow {allowed}",
                hint="export again from the system of record and reconcile with the new file",
                target=export.path.name,
            )
