"""Cross-file checks: every id a document names exists, ids are unique, required kinds are there."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..controls import known as known_controls
from ..findings import BROKEN_REFERENCE, Finding
from ..model import ENTITY_LISTS, KINDS, REQUIRED_KINDS, SINGLE_KINDS
from ..model.governance import Governance, Location, Path_
from ..model.scope import Scope
from ..model.settings import Settings
from .documents import MAX_FINDINGS, Document, Problem, capped, placed
from .suggest import did_you_mean

NOUNS = {
    "person": "person",
    "role": "role",
    "channel": "channel",
    "account": "account",
    "plan": "continuity plan",
    "course": "course",
    "document": "policy document",
    "escalation": "escalation path",
    "handover": "handover",
    "crisis": "crisis protocol",
    "objective": "objective",
    "waiver": "waiver",
}


def check_references(
    governance: Governance,
    root: Path,
    *,
    broken: frozenset[str] = frozenset(),
    partial: bool = False,
) -> list[Finding]:
    """Findings for unknown ids, duplicate ids, missing or repeated document kinds.

    Ids of an entity that a `broken` kind defines (one of its documents is invalid) are not
    judged, nor document ids when any kind is broken: they may stand in the invalid file, and
    a broken kind is not missing. Nor are ids of a required kind that is missing: its one
    finding says so. With `partial` (a file of unknown kind is invalid, or one
    file is checked alone), no unknown id and no missing kind is reported.
    """
    findings = _duplicates(governance)
    if not partial:
        missing = {kind for kind in REQUIRED_KINDS if not governance.of_kind(KINDS[kind])}
        unjudged = _unjudged(broken | missing)
        for document in governance.documents:
            findings.extend(_unknowns(document, governance, unjudged))
        if "Scope" not in broken:
            findings.extend(_accounts_without_channel(governance))
    findings.extend(_kinds(governance, root, partial, broken))
    findings.extend(_escalation_cycles(governance))
    findings.extend(_unknown_controls(governance))
    return findings


def references_in(model: BaseModel, path: Path_) -> Iterator[tuple[Path_, str, str]]:
    """Every (path, entity, id) a model refers to, found from the `x-references` annotations."""
    for name, step, entity, nested in _plan(type(model)):
        value = getattr(model, name)
        if value is None:
            continue
        if entity is not None:
            if isinstance(value, list):
                for index, item in enumerate(value):
                    yield (*path, step, index), entity, item
            else:
                yield (*path, step), entity, value
        elif nested:
            if isinstance(value, BaseModel):
                yield from references_in(value, (*path, step))
            elif isinstance(value, list):
                for index, item in enumerate(value):
                    if isinstance(item, BaseModel):
                        yield from references_in(item, (*path, step, index))


@cache
def _plan(model: type[BaseModel]) -> tuple[tuple[str, str, str | None, bool], ...]:
    """Per field: name, YAML key, referenced entity (if any), and whether models nest in it."""
    plan = []
    for name, field in model.model_fields.items():
        extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
        entity = extra.get("x-references")
        nested = _holds_models(field.annotation)
        if entity is not None or nested:
            plan.append((name, field.alias or name, str(entity) if entity else None, nested))
    return tuple(plan)


def _holds_models(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_models(arg) for arg in typing.get_args(annotation))


def _finding(where: Location, message: str, hint: str | None = None) -> Finding:
    path, line, column = where.position()
    return Finding(path, line, column, message, code=BROKEN_REFERENCE, hint=hint)


def _unjudged(broken: frozenset[str]) -> frozenset[str]:
    """The entities whose ids cannot be judged while the kinds `broken` are invalid."""
    entities = {entity for entity, (kind, _) in ENTITY_LISTS.items() if kind in broken}
    return frozenset(entities | {"document"} if broken else entities)


def _unknowns(
    document: Document, governance: Governance, unjudged: frozenset[str]
) -> list[Finding]:
    """Unknown ids that one document names: the first MAX_FINDINGS told, the others counted."""
    problems: list[Problem] = []
    total = 0
    for path, entity, ident in references_in(document.model, ()):
        if entity in unjudged or ident in governance.entities.get(entity, {}):
            continue
        total += 1
        if total <= MAX_FINDINGS + 1:
            problems.append(_unknown(path, entity, ident, governance))
    if not problems:
        return []
    return capped(placed(document.file, problems, BROKEN_REFERENCE), total)


def _unknown(path: Path_, entity: str, ident: str, governance: Governance) -> Problem:
    known = list(governance.entities.get(entity, {}))
    hint = did_you_mean(ident, known)
    return Problem(path, f"unknown {NOUNS.get(entity, entity)} '{ident}'", hint=hint)


def _duplicates(governance: Governance) -> list[Finding]:
    """Ids defined twice: per file, the first MAX_FINDINGS told, the others counted."""
    by_file: dict[Path, list[Finding]] = {}
    totals: dict[Path, int] = {}
    for entity, ident, where in governance.duplicates:
        path = where.document.path
        totals[path] = totals.get(path, 0) + 1
        if totals[path] <= MAX_FINDINGS + 1:
            by_file.setdefault(path, []).append(_duplicate(governance, entity, ident, where))
    return [finding for path, found in by_file.items() for finding in capped(found, totals[path])]


def _duplicate(governance: Governance, entity: str, ident: str, where: Location) -> Finding:
    path, line, _ = governance.locate(entity, ident).position()
    return _finding(
        where,
        f"duplicate {NOUNS.get(entity, entity)} id '{ident}' (first defined in {path.name}:{line})",
        "ids must be unique across the whole policy repository",
    )


def _kinds(
    governance: Governance, root: Path, partial: bool, broken: frozenset[str]
) -> list[Finding]:
    findings = []
    for kind in REQUIRED_KINDS:
        if not partial and kind not in broken and not governance.of_kind(KINDS[kind]):
            findings.append(
                Finding(
                    root,
                    1,
                    1,
                    f"no document of kind {kind}",
                    code=BROKEN_REFERENCE,
                    hint="every area of the governance model needs its document",
                )
            )
    for kind in SINGLE_KINDS:
        for extra in governance.of_kind(KINDS[kind])[1:]:
            findings.append(
                _finding(
                    Location(extra, ("kind",)),
                    f"a second document of kind {kind}",
                    "keep one; merge the two files",
                )
            )
    return findings


def _accounts_without_channel(governance: Governance) -> list[Finding]:
    """An account without a channel whose platform the Scope does not declare out of scope."""
    scope = governance.spec(Scope)
    findings = []
    for account, where in governance.located("account"):
        if account.channel is not None or (scope and scope.declared_out(account.platform)):
            continue
        findings.append(
            _finding(
                where.child("platform"),
                f"account '{account.id}' has no channel, and the Scope does not declare "
                f"{account.platform} out of scope",
                "name the channel it serves in 'channel', or list the platform under "
                "'platforms' of an item in the Scope's 'out_of_scope'",
            )
        )
    return findings


def _escalation_cycles(governance: Governance) -> list[Finding]:
    """An escalation path that, through `escalates_to`, leads back to itself."""
    findings = []
    for start, path in governance.escalations.items():
        seen = [start]
        current: Any = path
        while current is not None:
            targets = [t.escalates_to for t in current.tiers if t.escalates_to]
            nxt = targets[0] if targets else None
            if nxt is None or nxt not in governance.escalations:
                break
            if nxt == start:
                where = governance.locate("escalation", start)
                chain = " -> ".join([*seen, start])
                findings.append(
                    _finding(
                        where,
                        f"escalation paths form a cycle: {chain}",
                        "make the last tier hand over to nobody, or to a path that ends",
                    )
                )
                break
            if nxt in seen:
                break
            seen.append(nxt)
            current = governance.escalations[nxt]
    return findings


def _unknown_controls(governance: Governance) -> list[Finding]:
    """Control ids in Settings' `controls.map` that neither the catalogue nor `extra` defines."""
    findings = []
    for document in governance.of_kind(Settings):
        own = document.model.spec.controls
        titles = known_controls(own.extra)
        for code, idents in own.map.items():
            for index, ident in enumerate(idents):
                if ident in titles:
                    continue
                hint = did_you_mean(ident, titles) or "add it with a title to 'extra'"
                where = Location(document, ("spec", "controls", "map", code, index))
                findings.append(_finding(where, f"unknown control '{ident}' for {code}", hint))
    return findings
