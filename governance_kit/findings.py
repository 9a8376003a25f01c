"""Findings: what every command reports, from invalid YAML to an overdue review."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}

INVALID_YAML = "GK001"
INVALID_DOCUMENT = "GK002"
BROKEN_REFERENCE = "GK003"
VALIDATION_CODES = (INVALID_YAML, INVALID_DOCUMENT, BROKEN_REFERENCE)
RULE_NOT_RUN = "GK004"
"""A rule that needs an invalid or missing document did not run (info, not invalid input)."""


@dataclass(frozen=True)
class Finding:
    """One thing to tell the user, anchored at a file, line and column (1-based)."""

    path: Path
    line: int
    column: int
    message: str
    code: str = INVALID_DOCUMENT
    severity: Severity = "error"
    hint: str | None = None
    target: str | None = None
    waiver: str | None = None
    anchor: Any = field(default=None, compare=False, repr=False)
    """Where the finding points before its line is known: (Location, key); see checker.place."""
    evidence: Path | None = field(default=None, compare=False)
    """The export file a reconciliation finding rests on (`govkit reconcile`), whose SHA-256
    and date the result carries (`Outcome.evidence_for`)."""

    def __post_init__(self) -> None:
        """Messages and hints may quote the policies: what looks like a credential is redacted
        here, once, so that no report can print it (confidential values: see output)."""
        object.__setattr__(self, "message", redaction.redact(self.message))
        if self.hint is not None:
            object.__setattr__(self, "hint", redaction.redact(self.hint))

    @property
    def waived(self) -> bool:
        return self.waiver is not None

    @property
    def is_validation(self) -> bool:
        return self.code in VALIDATION_CODES

    def waived_by(self, waiver_id: str) -> Finding:
        return replace(self, waiver=waiver_id)

    def display_path(self, root: Path | None = None) -> str:
        """The path as the user wrote it: relative to the working directory where possible."""
        return _display_path(self.path, root, Path.cwd())

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path.as_posix(), self.line, self.column, self.code)


@lru_cache(maxsize=4096)
def _display_path(path: Path, root: Path | None, cwd: Path) -> str:
    """`path` relative to `root` or `cwd` where possible (remembered: a report often names the
    same file thousands of times, and resolving a path reads the file system)."""
    for base in (root, cwd):
        if base is None:
            continue
        try:  # the folder resolved, not the name: a link is named, not what it points to
            return (path.parent.resolve() / path.name).relative_to(base.resolve()).as_posix()
        except (ValueError, OSError, RuntimeError):  # elsewhere, or a symbolic link loop
            continue
    return path.as_posix()


from . import redaction  # noqa: E402  (redaction reads the rules package, which needs Finding)


class Outcome:
    """What every check's result has, whatever rules made it: its findings, their counts by
    severity, and the exit code. `CheckResult` and `DraftResult` are outcomes."""

    findings: list[Finding]

    @property
    def invalid(self) -> bool:
        return any(f.is_validation for f in self.findings)

    @property
    def active(self) -> list[Finding]:
        """Findings that are not waived."""
        return [f for f in self.findings if not f.waived]

    def evidence(self) -> list[dict[str, str]]:
        """The exports the findings rest on (file, kind, SHA-256, date; `govkit reconcile`);
        none for a check of the policies alone."""
        return []

    def evidence_for(self, finding: Finding) -> dict[str, str] | None:
        """What the finding rests on besides the policies (an export file, its SHA-256 and
        date, for `govkit reconcile`); None for a check of the policies alone."""
        return None

    def not_run_reason(self, code: str) -> str | None:
        """Why the rule `code` did not run (a document it needs is invalid or missing); None
        when it ran."""
        return None

    def counts(self) -> Counter[str]:
        counts: Counter[str] = Counter(f.severity for f in self.active)
        counts["waived"] = sum(1 for f in self.findings if f.waived)
        return counts

    def exit_code(self, fail_on: Severity) -> int:
        """0 clean, 1 findings at or above `fail_on`, 2 invalid input."""
        if self.invalid:
            return 2
        threshold = SEVERITY_RANK[fail_on]
        return 1 if any(SEVERITY_RANK[f.severity] >= threshold for f in self.active) else 0
