"""JSON: every finding with its code, severity, place and waiver, plus the counts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import output as out
from ..findings import Finding

if TYPE_CHECKING:
    from ..checker import CheckResult


def finding_record(finding: Finding) -> dict[str, Any]:
    """What every JSON report says of a finding: code, severity, message, hint and place."""
    return {
        "code": finding.code,
        "severity": finding.severity,
        "message": out.text(finding.message),
        "hint": None if finding.hint is None else out.text(finding.hint),
        "path": out.text(finding.display_path()),
        "line": finding.line,
        "column": finding.column,
    }


def _text(record: dict[str, str]) -> dict[str, str]:
    return {key: out.text(value) for key, value in record.items()}


def _evidence(record: dict[str, str] | None) -> dict[str, Any]:
    """The export a reconciliation finding rests on; nothing for a check's finding."""
    return {} if record is None else {"evidence": _text(record)}


def render(result: CheckResult, *, color: bool = False) -> str:
    document: dict[str, Any] = {
        "root": out.text(result.root),
        "today": result.today.isoformat(),
        "rules": [rule.code for rule in result.rules],
        "summary": dict(sorted(result.counts().items())),
        "findings": [
            {
                **finding_record(f),
                "target": None if f.target is None else out.text(f.target),
                "waived_by": None if f.waiver is None else out.text(f.waiver),
                **_evidence(result.evidence_for(f)),
            }
            for f in result.findings
        ],
    }
    if result.evidence():
        document["evidence"] = [_text(record) for record in result.evidence()]
    return out.json(document)
