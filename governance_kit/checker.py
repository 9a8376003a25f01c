"""Running the rules over a loaded repository, and applying waivers to what they find."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from .findings import SEVERITY_RANK, Finding, Severity
from .loading.parallel import map_files, paused_gc, positions, workers
from .loading.repository import Repository
from .model.governance import Location
from .model.settings import ControlSettings
from .rules import Context, Rule, all_rules
from .rules.gk305_plaintext_secret import PlaintextSecret, secret_finding
from .rules.gk902_waiver_unused import WaiverUnused


@dataclass
class CheckResult:
    """The outcome of `govkit check`: every finding, and which rules ran."""

    root: Path
    today: date
    rules: tuple[Rule, ...]
    findings: list[Finding] = field(default_factory=list)
    controls: ControlSettings = field(default_factory=ControlSettings)
    """The company's own controls and their mapping to rules, from its Settings."""

    @property
    def invalid(self) -> bool:
        return any(f.is_validation for f in self.findings)

    @property
    def active(self) -> list[Finding]:
        """Findings that are not waived."""
        return [f for f in self.findings if not f.waived]

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


def select_rules(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> tuple[Rule, ...]:
    """The rules to run: those selected (all when none are), minus those ignored.

    A code prefix selects a family: GK2 selects GK201 to GK299.
    """
    chosen = [r for r in all_rules() if not r.validation]
    wanted = [s.upper() for s in select]
    unwanted = [s.upper() for s in ignore]
    if wanted:
        chosen = [r for r in chosen if _matches(r, wanted)]
    return tuple(r for r in chosen if not _matches(r, unwanted))


def unknown_code(patterns: Iterable[str]) -> str | None:
    """The first of `patterns` that is neither a rule's name nor the start of a rule's code."""
    rules = all_rules()
    for pattern in patterns:
        if not any(_matches(rule, [pattern.upper()]) for rule in rules):
            return pattern
    return None


def _matches(rule: Rule, patterns: list[str]) -> bool:
    return any(rule.code.startswith(p) or rule.name.upper() == p for p in patterns)


def run_check(
    repository: Repository,
    today: date,
    rules: tuple[Rule, ...],
    files: Mapping[Path, str | None] | None = None,
    step: Callable[[int, int], None] | None = None,
) -> CheckResult:
    """Validation findings (and GK305) when the repository is invalid; else every rule's findings.

    `files` gives repository files other than policy files as they stood in the state judged
    (see `Context.files`); by default they are read from the working tree. `step(done,
    total)`, if given, is told as rules finish and once findings are placed (a progress bar).
    """
    result = CheckResult(repository.root, today, rules, list(repository.findings))
    result.controls = repository.governance.control_settings
    context = Context(repository.governance, today, files or {}, repository.root)
    ignored = {code.upper() for code in context.settings.ignore}
    ran = tuple(rule for rule in rules if rule.code not in ignored)
    if result.invalid:
        result.findings = sorted(
            result.findings + _secrets_anyway(repository, context, ran), key=Finding.sort_key
        )
        return result
    told = step or (lambda done, total: None)
    with paused_gc():
        found = run_rules(ran, context, lambda done: told(done, len(ran) + 1))
        found = apply_waivers(found, context)
        found.extend(unused_waivers(found, context, ran))
        result.findings = sorted(place(found), key=Finding.sort_key)
    told(len(ran) + 1, len(ran) + 1)
    return result


def _secrets_anyway(
    repository: Repository, context: Context, ran: tuple[Rule, ...]
) -> list[Finding]:
    """GK305 findings in an invalid repository, where no other rule runs: a leaked secret is
    reported whatever else is wrong, in valid documents and in the files that are not."""
    if not any(rule.code == PlaintextSecret.code for rule in ran):
        return []
    found = list(PlaintextSecret().check(context))
    found += [
        secret_finding(path, s, None) for path, secrets in repository.secrets for s in secrets
    ]
    return apply_waivers(found, context)


_RUNNING: tuple[tuple[Rule, ...], Context] | None = None
"""The rules and context a forked worker runs a share of (set before the pool forks)."""


def run_rules(
    rules: tuple[Rule, ...], context: Context, done: Callable[[int], None] | None = None
) -> list[Finding]:
    """Every finding of `rules`, in rule order; on every core when the repository is large.

    Worker processes are forked with the loaded model, each runs every n-th rule, and sends
    its findings back with their anchors as (document number, path, key). `done(count)`, if
    given, is told how many rules have finished.
    """
    told = done or (lambda count: None)
    documents = context.governance.documents
    jobs = min(workers([document.path for document in documents]), len(rules))
    if jobs < 2:
        found: list[Finding] = []
        for count, rule in enumerate(rules, 1):
            found.extend(rule.check(context))
            told(count)
        return found
    global _RUNNING
    _RUNNING = (rules, context)
    try:
        shares = list(map_files(_run_share, [(share, jobs) for share in range(jobs)], jobs))
    finally:
        _RUNNING = None
    told(len(rules))
    found = []
    for index in range(len(rules)):
        for finding in shares[index % jobs][index // jobs]:
            if finding.anchor is not None:
                number, path, key = finding.anchor
                finding = replace(finding, anchor=(Location(documents[number], path), key))
            found.append(finding)
    return found


def _run_share(job: tuple[int, int]) -> list[list[Finding]]:
    """Findings of rules share, share + jobs, ... with portable anchors (runs in a worker)."""
    share, jobs = job
    assert _RUNNING is not None
    rules, context = _RUNNING
    number = {id(document): index for index, document in enumerate(context.governance.documents)}
    results = []
    for rule in rules[share::jobs]:
        found = []
        for finding in rule.check(context):
            if finding.anchor is not None:
                where, key = finding.anchor
                finding = replace(finding, anchor=(number[id(where.document)], where.path, key))
            found.append(finding)
        results.append(found)
    return results


def place(findings: list[Finding]) -> list[Finding]:
    """Look up the line and column of every finding, one document at a time.

    Each document's file is parsed again once, for all its findings (on every core when there
    are many), so that positions never have to be kept for the whole repository.
    """
    by_document: dict[int, list[int]] = defaultdict(list)
    for index, finding in enumerate(findings):
        if finding.anchor is not None:
            by_document[id(finding.anchor[0].document)].append(index)
    groups = list(by_document.values())
    jobs = [_placing_job(findings, indexes) for indexes in groups]
    placed = list(findings)
    found = map_files(positions, jobs, workers([job[0] for job in jobs]))
    for indexes, where in zip(groups, found, strict=True):
        for index, (line, column) in zip(indexes, where, strict=True):
            finding = findings[index]
            placed[index] = replace(
                finding, path=finding.anchor[0].document.path, line=line, column=column, anchor=None
            )
    return placed


def _placing_job(findings: list[Finding], indexes: list[int]) -> tuple[Path, str | None, list]:
    document = findings[indexes[0]].anchor[0].document
    wanted = [(findings[i].anchor[0].path, findings[i].anchor[1]) for i in indexes]
    return document.path, getattr(getattr(document, "file", None), "text", None), wanted


def apply_waivers(findings: list[Finding], context: Context) -> list[Finding]:
    """Mark findings covered by a waiver in force; expired waivers are findings of their own."""
    in_force = {
        (waiver.rule, waiver.target): waiver.id
        for waiver in context.governance.waivers.values()
        if waiver.expires >= context.today
    }
    return [
        f.waived_by(in_force[(f.code, f.target)]) if (f.code, f.target) in in_force else f
        for f in findings
    ]


def unused_waivers(
    findings: list[Finding], context: Context, ran: tuple[Rule, ...]
) -> list[Finding]:
    """GK902 findings for waivers in force that matched nothing the rules that ran found.

    Waivers of rules that did not run, or whose findings come from elsewhere (the Git
    workflow), are not judged; a waiver of a code no rule has is.
    """
    reporter = next((rule for rule in ran if isinstance(rule, WaiverUnused)), None)
    if reporter is None:
        return []
    used = {f.waiver for f in findings if f.waived}
    ran_codes = {rule.code for rule in ran if not rule.external}
    known_codes = {rule.code for rule in all_rules()}
    return [
        reporter.unused(context.governance, waiver.id)
        for waiver in context.governance.waivers.values()
        if waiver.expires >= context.today
        and waiver.id not in used
        and (waiver.rule in ran_codes or waiver.rule not in known_codes)
    ]
