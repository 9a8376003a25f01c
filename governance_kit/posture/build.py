"""What the posture report says, built from a check result: plain data, rendered elsewhere.

Only names of people and public fields of accounts are read; credentials, recovery contacts
and other confidential fields never enter a Posture.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..checker import CheckResult, run_check, select_rules
from ..controls import controls_of, known
from ..exports import Export
from ..findings import Finding
from ..git.history import Recorded
from ..loading.repository import Repository
from ..model.governance import Governance
from ..model.scope import Scope
from ..output import counted
from ..reconcile.check import ReconcileResult, reconcile
from ..reconcile.rules import ReconcileRule
from ..rules import BaseRule, all_rules


@dataclass(frozen=True)
class Line:
    """One finding as the report shows it."""

    code: str
    severity: str
    path: str
    line: int
    column: int
    message: str
    waiver: str | None

    def text(self) -> str:
        waived = f" (waived by {self.waiver})" if self.waiver else ""
        return (
            f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message} "
            f"[{self.code}]{waived}"
        )


@dataclass(frozen=True)
class RuleRow:
    code: str
    name: str
    findings: int
    waived: int


@dataclass(frozen=True)
class EvidenceRow:
    """An export a reconciliation compared the registry with (`govkit report --from`)."""

    path: str
    kind: str
    sha256: str
    exported: dt.date
    dated_by: str
    age_days: int
    findings: int


@dataclass
class ControlRow:
    """A control, the rules that serve it, what those rules found, and the exports the
    reconciliation rules among them compared the registry with."""

    id: str
    title: str
    rules: list[RuleRow] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    evidence: list[EvidenceRow] = field(default_factory=list)


@dataclass(frozen=True)
class AccountRow:
    id: str
    platform: str
    handle: str
    status: str
    owner: str
    backup: str


@dataclass(frozen=True)
class WaiverRow:
    id: str
    rule: str
    target: str
    justification: str
    approved_by: str
    approved_on: dt.date
    expires: dt.date
    in_force: bool


@dataclass(frozen=True)
class ReviewRow:
    document: str
    title: str
    reviewed: dt.date
    reviewer: str
    source: str


@dataclass
class Posture:
    """Everything the report says."""

    organisation: str
    today: dt.date
    as_of: dt.date | None
    source: str
    since: dt.date
    counts: dict[str, int]
    controls: list[ControlRow]
    accounts: list[AccountRow]
    waivers: list[WaiverRow]
    reviews: list[ReviewRow]


class InvalidPolicies(Exception):
    """The policy files are not valid, so there is no posture to report; `result` says why."""

    def __init__(self, result: CheckResult) -> None:
        super().__init__(f"{counted(len(result.findings), 'finding')} in invalid policy files")
        self.result = result


def posture_of(
    repository: Repository,
    today: dt.date,
    *,
    files: Mapping[Path, str | None] | None = None,
    exports: tuple[Export, ...] = (),
    **options: Any,
) -> Posture:
    """Check `repository` with every rule on `today` and build its posture (`options` as for
    `build_posture`): the one pipeline of `govkit report` and the handbook's posture page.
    With `exports`, the registry is also reconciled with them, and each control the
    reconciliation rules serve shows that evidence. InvalidPolicies when a policy file is
    invalid."""
    result = run_check(repository, today, select_rules(), files)
    if result.invalid:
        raise InvalidPolicies(result)
    if exports:
        reconciled = reconcile(repository.governance, repository.root, exports, today)
        options["reconciled"] = reconciled
    return build_posture(repository, result, **options)


def build_posture(
    repository: Repository,
    result: CheckResult,
    *,
    as_of: dt.date | None = None,
    source: str = "working tree",
    recorded: Iterable[Recorded] = (),
    since: dt.date | None = None,
    hidden: Iterable[Path] = (),
    lists_from: Governance | None = None,
    reconciled: ReconcileResult | None = None,
) -> Posture:
    """The posture of a checked repository.

    Findings in `hidden` files are counted, not shown; accounts, waivers and reviews come from
    `lists_from` (the published documents, for the handbook) when given.
    """
    governance = repository.governance
    lists = lists_from or governance
    start = since or _year_before(result.today)
    counts = dict(result.counts())
    if reconciled is not None:
        counts = {key: counts.get(key, 0) + n for key, n in reconciled.counts().items()}
    scope = governance.spec(Scope)
    return Posture(
        organisation=scope.organisation.name if scope else "",
        today=result.today,
        as_of=as_of,
        source=source,
        since=start,
        counts={key: counts.get(key, 0) for key in ("error", "warning", "info", "waived")},
        controls=control_rows(governance, result, repository.root, set(hidden), reconciled),
        accounts=account_rows(lists),
        waivers=waiver_rows(lists, result.today),
        reviews=review_rows(lists, recorded, start, result.today),
    )


def control_rows(
    governance: Governance,
    result: CheckResult,
    root: Path,
    hidden: set[Path],
    reconciled: ReconcileResult | None = None,
) -> list[ControlRow]:
    """Every control served by a rule (or declared by the company), with its rules' findings;
    with a reconciliation, its rules too, and its evidence under the controls they serve."""
    own = governance.control_settings
    titles = known(own.extra)
    ran = {rule.code for rule in result.rules}
    rules: list[BaseRule] = [r for r in all_rules() if r.validation or r.code in ran]
    findings = list(result.findings)
    if reconciled is not None:
        rules += reconciled.rules
        findings += reconciled.findings
    by_rule: dict[str, list[Finding]] = {}
    for finding in findings:
        by_rule.setdefault(finding.code, []).append(finding)
    rows: dict[str, ControlRow] = {
        ident: ControlRow(ident, titles.get(ident, "")) for ident in sorted(own.extra)
    }
    evidence = evidence_rows(reconciled) if reconciled is not None else []
    for rule in rules:
        found = by_rule.get(rule.code, [])
        for ident in controls_of(rule.code, rule.controls, own):
            row = rows.setdefault(ident, ControlRow(ident, titles.get(ident, "")))
            row.rules.append(_rule_row(rule, found))
            row.lines += [_line(f, root) for f in found if f.path.resolve() not in hidden]
            if isinstance(rule, ReconcileRule) and not row.evidence:
                row.evidence = evidence
    return [rows[ident] for ident in sorted(rows, key=_control_order)]


def evidence_rows(reconciled: ReconcileResult) -> list[EvidenceRow]:
    """Each export reconciled with: file, kind, SHA-256, date, age and its findings."""
    rows = []
    for export in reconciled.exports:
        found = [f for f in reconciled.findings if f.evidence == export.path and not f.waived]
        evidence = export.evidence
        rows.append(
            EvidenceRow(
                export.path.name,
                evidence.kind,
                evidence.sha256,
                evidence.exported,
                evidence.dated_by,
                (reconciled.today - evidence.exported).days,
                len(found),
            )
        )
    return rows


def _control_order(ident: str) -> tuple[int, str, list[int | str]]:
    framework, _, rest = ident.partition(":")
    order = ["SOC2", "ISO27001", "CIS", "NIST"]
    rank = order.index(framework) if framework in order and rest else len(order)
    parts = [int(p) if p.isdigit() else p for p in rest.replace("(", ".").strip(")").split(".")]
    return rank, framework, parts


def _rule_row(rule: BaseRule, found: list[Finding]) -> RuleRow:
    return RuleRow(rule.code, rule.name, len(found), sum(1 for f in found if f.waived))


def _line(finding: Finding, root: Path) -> Line:
    base = root if root.is_dir() else root.parent
    return Line(
        finding.code,
        finding.severity,
        finding.display_path(base.parent),
        finding.line,
        finding.column,
        finding.message,
        finding.waiver,
    )


def name_of(governance: Governance, ident: str | None) -> str:
    """A person's name; the id when not on the roster; a dash for nobody."""
    if ident is None:
        return "—"
    person = governance.people.get(ident)
    return person.name if person else ident


def account_rows(governance: Governance) -> list[AccountRow]:
    return [
        AccountRow(
            account.id,
            account.platform,
            account.handle,
            account.status,
            name_of(governance, account.business_owner),
            name_of(governance, account.backup_owner),
        )
        for account in sorted(governance.accounts.values(), key=lambda a: a.id)
    ]


def waiver_rows(governance: Governance, today: dt.date) -> list[WaiverRow]:
    return [
        WaiverRow(
            waiver.id,
            waiver.rule,
            waiver.target,
            " ".join(waiver.justification.split()),
            name_of(governance, waiver.approved_by),
            waiver.approved_on,
            waiver.expires,
            waiver.expires >= today,
        )
        for waiver in sorted(governance.waivers.values(), key=lambda w: w.id)
    ]


def review_rows(
    governance: Governance, recorded: Iterable[Recorded], since: dt.date, until: dt.date
) -> list[ReviewRow]:
    """Reviews dated within the period: from Git history, then those only the metadata shows."""
    rows: dict[tuple[str, dt.date], ReviewRow] = {}
    for item in recorded:
        if since <= item.reviewed <= until:
            rows[(item.document, item.reviewed)] = ReviewRow(
                item.document,
                item.title,
                item.reviewed,
                name_of(governance, item.reviewer),
                f"commit {item.commit[:12]} of {item.committed.isoformat()}",
            )
    for document in governance.policies:
        meta = document.model.metadata
        done = meta.review.last_reviewed
        if done is None or not since <= done <= until or (meta.id, done) in rows:
            continue
        rows[(meta.id, done)] = ReviewRow(
            meta.id, meta.title, done, name_of(governance, meta.review.reviewed_by), "metadata"
        )
    return sorted(rows.values(), key=lambda r: (r.reviewed, r.document))


def _year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)
