"""The result of a draft check as text lines or as JSON."""

from __future__ import annotations

from typing import Any

from .. import output as out
from ..drafts.check import DraftResult
from .json_report import finding_record
from .text import format_finding, severities


def text(result: DraftResult) -> str:
    lines = [format_finding(finding) for finding in result.findings]
    lines.append(summary(result))
    return "\n".join(lines) + "\n"


def summary(result: DraftResult) -> str:
    parts = severities(result.counts())
    return (
        f"{out.terminal(result.draft.path.as_posix())}: {', '.join(parts)} (account "
        f"{out.terminal(result.account.id)} on {out.terminal(result.account.platform)}, "
        f"{out.counted(len(result.ran), 'rule')}, today {result.today.isoformat()})"
    )


def as_json(result: DraftResult) -> str:
    document: dict[str, Any] = {
        "draft": result.draft.path.as_posix(),
        "account": result.account.id,
        "platform": result.account.platform,
        "author": result.author.id if result.author else None,
        "sponsored": result.sponsored,
        "today": result.today.isoformat(),
        "rules": [rule.code for rule in result.ran],
        "summary": {s: result.counts()[s] for s in ("error", "warning", "info")},
        "findings": [finding_record(f) for f in result.findings],
    }
    return out.json(document)
