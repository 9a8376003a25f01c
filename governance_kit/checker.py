"""The one rule engine: selects, runs, waives, places and sorts the rules of every family.

A family of rules (those of `govkit check`, the draft rules of `govkit post check`) declares
the context its rules judge (`BaseRule.context_type`); a command builds that context and calls
`run_all`, so a new family plugs in without a loop of its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TypeVar

from .findings import RULE_NOT_RUN, Finding, Outcome
from .loading.parallel import map_files, paused_gc, positions, workers
from .loading.repository import Repository
from .model import KINDS, REQUIRED_KINDS, SINGLE_KINDS
from .model.governance import Governance, Location
from .model.settings import ControlSettings
from .rules import BaseContext, BaseRule, Context, Rule, all_rules
from .rules.gk305_plaintext_secret import PlaintextSecret, secret_finding


@dataclass
class CheckResult(Outcome):
    """The outcome of `govkit check`: every finding, the rules selected, and why those that
    need an invalid or missing document did not run (`not_run`)."""

    root: Path
    today: date
    rules: tuple[Rule, ...]
    findings: list[Finding] = field(default_factory=list)
    controls: ControlSettings = field(default_factory=ControlSettings)
    """The company's own controls and their mapping to rules, from its Settings."""
    not_run: dict[str, str] = field(default_factory=dict)
    """Why each rule that needs an invalid or missing document did not run, by code."""

    def not_run_reason(self, code: str) -> str | None:
        return self.not_run.get(code)


R = TypeVar("R", bound=BaseRule)


def select_rules(
    select: Iterable[str] = (), ignore: Iterable[str] = (), among: Iterable[R] | None = None
) -> tuple[R, ...]:
    """The rules to run among `among` (those of `govkit check` by default): those selected
    (all when none are), minus those ignored.

    A code prefix selects a range: GK2 selects GK201 to GK299.
    """
    rules: Iterable = all_rules() if among is None else among
    chosen = [r for r in rules if not r.validation]
    wanted = [s.upper() for s in select]
    unwanted = [s.upper() for s in ignore]
    if wanted:
        chosen = [r for r in chosen if _matches(r, wanted)]
    return tuple(r for r in chosen if not _matches(r, unwanted))


def unknown_code(patterns: Iterable[str], among: Iterable[BaseRule] | None = None) -> str | None:
    """The first of `patterns` that is neither a rule's name nor the start of a rule's code
    among `among` (those of `govkit check` by default)."""
    rules = tuple(all_rules() if among is None else among)
    for pattern in patterns:
        if not any(_matches(rule, [pattern.upper()]) for rule in rules):
            return pattern
    return None


def _matches(rule: BaseRule, patterns: list[str]) -> bool:
    return any(rule.code.startswith(p) or rule.name.upper() == p for p in patterns)


def run_check(
    repository: Repository,
    today: date,
    rules: tuple[Rule, ...],
    files: Mapping[Path, str | None] | None = None,
    step: Callable[[int, int], None] | None = None,
    base: Governance | None = None,
    base_label: str = "",
    base_files: Mapping[Path, str] | None = None,
) -> CheckResult:
    """Validation findings, and the findings of every rule that has what it needs.

    A rule runs when every document of the kinds it needs (`Rule.needs`) is valid and each
    required one is there; one that needs more does not run and says so once (GK004, see
    `blocked`). GK305 also reports what looks like a secret in the invalid files.

    `files` gives repository files other than policy files as they stood in the state judged
    (see `Context.files`); by default they are read from the working tree. `step(done,
    total)`, if given, is told as rules finish and once findings are placed (a progress bar).
    `base` is the governance at the merge base of `--base` (named `base_label`), which the
    version rules (GK951-GK955) compare with; without it they do not run. `base_files` are the
    policy texts (Markdown files of the policy folder) at the base.
    """
    result = CheckResult(repository.root, today, rules, list(repository.findings))
    result.controls = repository.governance.control_settings
    context = Context(
        repository.governance,
        today,
        files or {},
        repository.root,
        base,
        base_label,
        base_files=base_files,
    )
    stopped = blocked(repository)
    chosen = not_ignored(rules, context)
    runnable = tuple(rule for rule in rules if not stopped(rule))
    found = run_all(runnable, context, step)
    if any(rule.code == PlaintextSecret.code for rule in chosen):
        found += apply_waivers(invalid_file_secrets(repository), context)
    held = [(rule, why) for rule in chosen if rule.applies(context) and (why := stopped(rule))]
    result.not_run = {rule.code: "; ".join(reason for _, reason, _ in why) for rule, why in held}
    found += not_run(held)
    found += _defaults_used(repository)
    result.findings = sorted(result.findings + found, key=Finding.sort_key)
    return result


Reason = tuple[Path, str, str]
"""Why a rule cannot run: the file (or folder) to point at, the reason, and the hint."""


def unavailable(repository: Repository) -> dict[str, Reason]:
    """The kinds whose facts are not all there (or not one), by name: one of their documents
    is invalid, a required one is missing, or a kind that must be single is repeated (which
    one holds the facts cannot be told; a second Settings leaves the first in force)."""
    found: dict[str, Reason] = {}
    for path, kind in sorted(repository.invalid.items()):
        if kind is not None and kind not in found:
            found[kind] = (
                path,
                f"{path.name} is not a valid {kind} document",
                "it runs once the document is valid",
            )
    governance = repository.governance
    for kind in SINGLE_KINDS:
        documents = governance.of_kind(KINDS[kind])
        if kind not in found and len(documents) > 1 and kind != "Settings":
            found[kind] = (
                documents[1].path,
                f"{documents[1].path.name} is a second {kind} document",
                "it runs once there is one",
            )
    for kind in REQUIRED_KINDS:
        if kind not in found and not governance.of_kind(KINDS[kind]):
            found[kind] = (
                repository.root,
                f"there is no {kind} document",
                f"it runs once there is a valid {kind} document",
            )
    return found


def blocked(repository: Repository) -> Callable[[Rule], list[Reason]]:
    """For a rule, why it cannot run (nothing when it can): each kind it needs that is
    unavailable, or a file whose kind cannot be told is invalid while it needs any kind."""
    kinds = unavailable(repository)
    unknown = [
        (
            path,
            f"{path.name} is invalid and its kind cannot be told",
            "it runs once the file is a valid document",
        )
        for path in sorted(repository.unknown)[:1]
    ]

    def why(rule: Rule) -> list[Reason]:
        if not rule.needs:
            return []
        return unknown or [kinds[name] for name in rule.needed() if name in kinds]

    return why


def not_run(stopped: list[tuple[Rule, list[Reason]]]) -> list[Finding]:
    """One GK004 finding per reason (an invalid or missing kind), naming every rule it
    stopped, in code order; a rule stopped by two kinds is named in both lines."""
    by_reason: dict[Reason, list[Rule]] = {}
    for rule, reasons in stopped:
        for reason in reasons:
            by_reason.setdefault(reason, []).append(rule)
    return [_not_run(rules, *reason) for reason, rules in by_reason.items()]


def _not_run(rules: list[Rule], path: Path, reason: str, hint: str) -> Finding:
    if len(rules) == 1:
        message = f"{rules[0].code} {rules[0].name} did not run: {reason}"
    else:
        codes = ", ".join(rule.code for rule in rules)
        message = f"{len(rules)} rules did not run ({codes}): {reason}"
    return Finding(path, 1, 1, message, code=RULE_NOT_RUN, severity="info", hint=hint)


DEFAULTS_USED = {
    "Settings": "the default settings are used (thresholds, ignored rules, fail-on)",
    "Waivers": "its waivers do not apply",
}


def _defaults_used(repository: Repository) -> list[Finding]:
    """One GK004 finding per invalid Settings or Waivers file: what stands in for it."""
    return [
        Finding(
            path,
            1,
            1,
            f"{path.name} is not a valid {kind} document: {DEFAULTS_USED[kind]}",
            code=RULE_NOT_RUN,
            severity="info",
            hint="fix the document; the findings above say how",
        )
        for path, kind in sorted(repository.invalid.items())
        if kind in DEFAULTS_USED
    ]


def not_ignored(rules: tuple[R, ...], context: BaseContext) -> tuple[R, ...]:
    """`rules` without those the company's Settings ignore (`spec.check.ignore`)."""
    ignored = {code.upper() for code in context.settings.ignore}
    return tuple(rule for rule in rules if rule.code not in ignored)


def run_all(
    rules: tuple[BaseRule, ...],
    context: BaseContext,
    step: Callable[[int, int], None] | None = None,
) -> list[Finding]:
    """The one path of every check: the rules Settings do not ignore, run over `context` (a
    context of the type the rules declare), waivers applied, placed and sorted.

    `step(done, total)`, if given, is told as rules finish and once findings are placed.
    """
    ran = not_ignored(rules, context)
    told = step or (lambda done, total: None)
    with paused_gc():
        found = run_rules(ran, context, lambda done: told(done, len(ran) + 1))
        placed = sorted(place(found), key=Finding.sort_key)
    told(len(ran) + 1, len(ran) + 1)
    return placed


def secret_findings(repository: Repository, today: date) -> list[Finding]:
    """GK305 over the text of every file, valid or not, waivers in force on `today` applied
    (for `govkit validate`)."""
    context = Context(repository.governance, today)
    if not not_ignored((PlaintextSecret(),), context):  # Settings ignore it
        return []
    found = list(PlaintextSecret().check(context)) + invalid_file_secrets(repository)
    return apply_waivers(found, context)


def invalid_file_secrets(repository: Repository) -> list[Finding]:
    """GK305 findings for what looks like a secret in the files that are not valid documents
    (those in valid documents are the rule's own), each naming the account it stands in."""
    return [
        secret_finding(path, secret, account, account=account)
        for path, secrets in repository.secrets
        for secret, account in secrets
    ]


_RUNNING: tuple[tuple[BaseRule, ...], BaseContext] | None = None
"""The rules and context a forked worker runs a share of (set before the pool forks)."""


def run_rules(
    rules: tuple[BaseRule, ...], context: BaseContext, done: Callable[[int], None] | None = None
) -> list[Finding]:
    """Every finding of `rules` in rule order, waivers applied; on every core when the
    repository is large. A rule that cannot judge the context (`applies`) finds nothing; a
    rule of a family whose context type is not that of `context` is a TypeError.

    Rules that judge the others' findings (`after_others`: GK902) run last, in this process,
    with those findings and the codes of the rules that ran in their context. `done(count)`,
    if given, is told how many rules have finished (once, at the end, when run in a pool).
    """
    _same_family(rules, context)
    told = done or (lambda count: None)
    first = tuple(rule for rule in rules if not rule.after_others)
    last = tuple(rule for rule in rules if rule.after_others)
    jobs = _jobs(context, len(first))
    found = _in_process(first, context, told) if jobs < 2 else _in_pool(first, context, jobs)
    found = apply_waivers(found, context)
    ran = frozenset(rule.code for rule in rules if rule.applies(context))
    judged = replace(context, findings=tuple(found), ran=ran)
    for count, rule in enumerate(last, len(first) + 1):
        if rule.applies(judged):
            found += apply_waivers(list(rule.check(judged)), context)
        if jobs < 2:
            told(count)
    if jobs >= 2:
        told(len(rules))
    return found


def _same_family(rules: tuple[BaseRule, ...], context: BaseContext) -> None:
    for rule in rules:
        if not isinstance(context, rule.context_type):
            raise TypeError(
                f"{rule.code} judges a {rule.context_type.__name__}, not a {type(context).__name__}"
            )


def _jobs(context: BaseContext, rules: int) -> int:
    """Processes to run `rules` rules in: several only for a large repository whose findings
    point at its documents (anchors a worker can send back)."""
    if not context.documents():
        return 1
    return min(workers([document.path for document in context.governance.documents]), rules)


def _in_process(
    rules: tuple[BaseRule, ...], context: BaseContext, told: Callable[[int], None]
) -> list[Finding]:
    found: list[Finding] = []
    for count, rule in enumerate(rules, 1):
        if rule.applies(context):
            found.extend(rule.check(context))
        told(count)
    return found


def _in_pool(rules: tuple[BaseRule, ...], context: BaseContext, jobs: int) -> list[Finding]:
    """Worker processes are forked with the loaded model, each runs every n-th rule, and sends
    its findings back with their anchors as (document number, path, key)."""
    global _RUNNING
    documents = context.documents()
    _RUNNING = (rules, context)
    try:
        shares = list(map_files(_run_share, [(share, jobs) for share in range(jobs)], jobs))
    finally:
        _RUNNING = None
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
    number = {id(document): index for index, document in enumerate(context.documents())}
    results = []
    for rule in rules[share::jobs]:
        found = []
        for finding in rule.check(context) if rule.applies(context) else ():
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


def apply_waivers(findings: list[Finding], context: BaseContext) -> list[Finding]:
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
