"""Plain text, one finding a line: `file:line:column: severity: message [CODE] (hint: ...)`."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from .. import output as out
from ..findings import Finding

if TYPE_CHECKING:
    from ..checker import CheckResult


def format_finding(finding: Finding, root: Path | None = None) -> str:
    """One line, whatever the file name and message hold: every text goes through the output
    layer (redacted, control and bidirectional characters visible)."""
    line = (
        f"{out.terminal(finding.display_path(root))}:{finding.line}:{finding.column}: "
        f"{finding.severity}: {out.terminal(finding.message)} [{finding.code}]"
    )
    if finding.waived:
        line += f" (waived by {out.terminal(finding.waiver)})"
    if finding.hint:
        line += f" (hint: {out.terminal(finding.hint)})"
    return line


def render(result: CheckResult, *, color: bool = False) -> str:
    """Findings grouped by file, then a summary line of counts."""
    lines = [_colour(format_finding(finding), finding, color) for finding in result.findings]
    lines += [evidence_line(record) for record in result.evidence()]
    lines.append(summary(result))
    return "\n".join(lines) + "\n"


def evidence_line(record: dict[str, str]) -> str:
    """One export compared with (`govkit reconcile`): file, SHA-256 and date."""
    return (
        f"evidence: {out.terminal(record['path'])} ({out.terminal(record['kind'])}) sha256 "
        f"{record['sha256']}, exported {record['exported']} (by its {record['dated_by']})"
    )


def severities(counts: Mapping[str, int]) -> list[str]:
    """'1 error', '0 warnings', '3 info' from a result's counts by severity."""
    return [
        out.counted(counts["error"], "error"),
        out.counted(counts["warning"], "warning"),
        f"{counts['info']} info",
    ]


def summary(result: CheckResult) -> str:
    counts = result.counts()
    parts = [*severities(counts), f"{counts['waived']} waived"]
    return (
        f"{out.terminal(result.root)}: " + ", ".join(parts)
        + f" ({out.counted(len(result.rules), 'rule')}, today {result.today.isoformat()})"
    )  # fmt: skip


_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


def _colour(line: str, finding: Finding, color: bool) -> str:
    if not color:
        return line
    import click

    return click.style(line, fg="bright_black" if finding.waived else _COLOURS[finding.severity])
