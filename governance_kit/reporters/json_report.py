"""JSON: every finding with its code, severity, place and waiver, plus the counts."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..checker import CheckResult


def render(result: CheckResult, *, color: bool = False) -> str:
    document: dict[str, Any] = {
        "root": str(result.root),
        "today": result.today.isoformat(),
        "rules": [rule.code for rule in result.rules],
        "summary": dict(sorted(result.counts().items())),
        "findings": [
            {
                "code": f.code,
                "severity": f.severity,
                "message": f.message,
                "hint": f.hint,
                "path": f.display_path(),
                "line": f.line,
                "column": f.column,
                "target": f.target,
                "waived_by": f.waiver,
            }
            for f in result.findings
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
