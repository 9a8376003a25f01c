"""Reconciling: read the exports, build a `ReconcileContext`, and run the reconciliation rules
through the one engine (`checker.run_all`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..checker import run_all
from ..exports import Export, read_export
from ..findings import Finding, Outcome
from ..model.governance import Governance
from ..model.settings import ControlSettings, Settings
from .rules import ReconcileContext, ReconcileRule, all_reconcile_rules
from .rules.base import Fix


@dataclass
class ReconcileResult(Outcome):
    """Every finding of the reconciliation, the rules that ran, and the evidence."""

    root: Path
    today: date
    rules: tuple[ReconcileRule, ...]
    exports: tuple[Export, ...]
    findings: list[Finding] = field(default_factory=list)
    controls: ControlSettings = field(default_factory=ControlSettings)
    fixes: list[Fix] = field(default_factory=list)
    """The obvious changes that settle unwaived findings, for `--apply`."""

    def evidence(self) -> list[dict[str, str]]:
        """Each export compared with: file, kind, system, SHA-256, date and what dated it."""
        return [
            {
                "path": export.path.as_posix(),
                "kind": export.evidence.kind,
                "system": export.evidence.system,
                "sha256": export.evidence.sha256,
                "exported": export.evidence.exported.isoformat(),
                "dated_by": export.evidence.dated_by,
            }
            for export in self.exports
        ]

    def evidence_for(self, finding: Finding) -> dict[str, str] | None:
        for export, record in zip(self.exports, self.evidence(), strict=True):
            if finding.evidence == export.path:
                return record
        return None


def parse_source(value: str) -> tuple[str | None, Path]:
    """`--from` value -> (subject, file): `NAME=FILE` names the account or vault of an export
    that does not say (a file of that exact name wins over the split)."""
    name, sep, rest = value.partition("=")
    if sep and rest and not Path(value).exists() and name and "/" not in name:
        return name, Path(rest)
    return None, Path(value)


def read_exports(
    sources: list[str], kind: str | None, governance: Governance | None = None
) -> tuple[Export, ...]:
    """Every export given to --from, read (ExportProblem for the first that cannot be); the
    governance's Settings name the columns of an HR export."""
    settings = governance.spec(Settings) if governance is not None else None
    hr = settings.reconcile.hr if settings is not None else None
    exports = []
    for value in sources:
        subject, path = parse_source(value)
        exports.append(read_export(path, kind, subject, hr))
    return tuple(exports)


def reconcile(
    governance: Governance,
    root: Path,
    exports: tuple[Export, ...],
    today: date,
    rules: tuple[ReconcileRule, ...] | None = None,
) -> ReconcileResult:
    """Run `rules` (every reconciliation rule by default) over the exports."""
    ran = all_reconcile_rules() if rules is None else rules
    context = ReconcileContext(governance, today, exports=exports)
    result = ReconcileResult(root, today, ran, exports, controls=governance.control_settings)
    result.findings = run_all(ran, context)
    result.fixes = fixes_for(ran, context, result.findings)
    return result


def fixes_for(
    rules: tuple[ReconcileRule, ...], context: ReconcileContext, findings: list[Finding]
) -> list[Fix]:
    """The fixes of the rules that ran, for their findings that are not waived, once each."""
    active = {(f.code, f.target) for f in findings if not f.waived}
    found: dict[tuple[str, str, str | None], Fix] = {}
    for rule in rules:
        for fix in rule.fixes(context):
            if (fix.code, fix.target) in active:
                found.setdefault((fix.action, fix.person, fix.account), fix)
    return list(found.values())
