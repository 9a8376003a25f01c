"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

`::error file=F,line=L,col=C,title=CODE name::message`; warnings become `::warning`, info and
waived findings `::notice`. A plain summary line ends the output.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import output as out
from ..findings import Finding
from ..ruledocs import rule_by_code
from .sarif import evidence_note, message_text
from .text import summary

if TYPE_CHECKING:
    from ..checker import CheckResult

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def render(result: CheckResult, *, color: bool = False) -> str:
    lines = [annotation(finding, result.evidence_for(finding)) for finding in result.findings]
    lines.append(summary(result))
    return "\n".join(lines) + "\n"


def annotation(finding: Finding, evidence: dict[str, str] | None = None) -> str:
    command = "notice" if finding.waived else COMMANDS[finding.severity]
    properties = {
        "file": out.github_property(finding.display_path()),
        "line": str(finding.line),
        "col": str(finding.column),
        "title": out.github_property(title(finding)),
    }
    fields = ",".join(f"{key}={value}" for key, value in properties.items())
    waived = f" (waived by {out.text(finding.waiver)})" if finding.waived else ""
    cited = f" ({evidence_note(evidence)})" if evidence else ""
    return f"::{command} {fields}::{out.github_data(message_text(finding) + waived + cited)}"


def title(finding: Finding) -> str:
    rule = rule_by_code(finding.code)
    return f"{finding.code} {rule.name}" if rule is not None else finding.code
