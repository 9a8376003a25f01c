"""The posture as an OSCAL 1.2 Assessment Results document (`govkit report --format oscal-ar`).

One result for the checked state: each rule that ran is an observation (method TEST), each
control a finding whose target is satisfied or not and whose related observations are the
rules serving it, each waiver a risk (`deviation-approved` while in force, with its expiry as
deadline). Reconciliation evidence (what the platforms say about the accounts) is not in the
model yet: `reconciliation_evidence` is where it will join each observation's evidence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..controls import CATALOGUE
from ..output import counted
from ..posture.build import ControlRow, Line, Posture, RuleRow, WaiverRow
from ..ruledocs import help_uri, rule_by_code
from . import (
    OSCAL_VERSION,
    control_token,
    document,
    framework_of,
    in_range,
    line,
    moment,
    party,
    prop,
    props,
    string,
    uid,
)


@dataclass(frozen=True)
class Commit:
    """The Git commit the policy files were read from (`--as-of`)."""

    hexsha: str
    committed: dt.datetime


@dataclass(frozen=True)
class Names:
    """Stable names of one export: every UUID in it is derived from these."""

    day: dt.date
    commit: Commit | None

    def uid(self, *names: object) -> str:
        state = self.commit.hexsha if self.commit else "working-tree"
        return uid("assessment-results", self.day.isoformat(), state, *names)


def assessment_results(posture: Posture, commit: Commit | None = None) -> str:
    """The OSCAL Assessment Results document (JSON text) of a posture."""
    names = Names(posture.today, commit)
    rules = _rules(posture.controls)
    own = {row.id for row in posture.controls if row.id not in CATALOGUE}
    body: dict[str, Any] = {
        "uuid": names.uid(),
        "metadata": _metadata(posture, commit),
        "import-ap": {
            "href": f"#{names.uid('plan')}",
            "remarks": "There is no separate assessment plan: the plan is governance-kit's "
            "rules, each run on every policy file.",
        },
        "results": [_result(posture, names, rules, own)],
        "back-matter": {"resources": [_plan(names)]},
    }
    return document("assessment-results", body)


def _metadata(posture: Posture, commit: Commit | None) -> dict[str, Any]:
    title = "Governance posture"
    if string(posture.organisation):
        title += f": {line(posture.organisation)}"
    version = posture.today.isoformat() + (f"+{commit.hexsha[:12]}" if commit else "")
    metadata: dict[str, Any] = {
        "title": title,
        "last-modified": moment(posture.today),
        "version": version,
        "oscal-version": OSCAL_VERSION,
        **props(prop("generator", f"governance-kit {__version__}")),
    }
    parties = party(posture.organisation)
    if parties:
        metadata["parties"] = parties
    return metadata


def _plan(names: Names) -> dict[str, Any]:
    return {
        "uuid": names.uid("plan"),
        "title": "governance-kit rules",
        "description": "Each rule of governance-kit, run on the policy files, is one test.",
        "rlinks": [
            {"href": "https://github.com/governance-kit/governance-kit/tree/main/docs/rules"}
        ],
    }


def _rules(controls: list[ControlRow]) -> dict[str, tuple[RuleRow, list[Line]]]:
    """Each rule that ran (code -> its row and its findings), in the order first served."""
    found: dict[str, tuple[RuleRow, list[Line]]] = {}
    for row in controls:
        for rule in row.rules:
            found.setdefault(rule.code, (rule, []))
        for item in row.lines:
            lines = found[item.code][1]
            if item not in lines:
                lines.append(item)
    return found


def _result(
    posture: Posture,
    names: Names,
    rules: dict[str, tuple[RuleRow, list[Line]]],
    own: set[str],
) -> dict[str, Any]:
    when = moment(posture.today)
    state = (
        f"Policy files as committed on or before {posture.as_of.isoformat()} ({posture.source}), "
        if posture.as_of
        else f"Policy files of the {posture.source}, "
    )
    risks = {w.id: _risk(w, names, set(rules)) for w in posture.waivers}
    served = [row for row in posture.controls if row.rules]
    selection = (
        {"include-controls": [{"control-id": control_token(r.id, r.id in own)} for r in served]}
        if served
        else {"include-all": {}}
    )
    return {
        "uuid": names.uid("result"),
        "title": f"Governance posture as on {posture.today.isoformat()}",
        "description": state + f"checked by governance-kit as on {posture.today.isoformat()}.",
        "start": when,
        "end": when,
        **props(
            prop("as-of", posture.as_of.isoformat() if posture.as_of else None),
            prop("source", posture.source),
        ),
        "reviewed-controls": {"control-selections": [selection]},
        "observations": [
            _observation(row, lines, names, posture, when) for row, lines in rules.values()
        ],
        **({"risks": list(risks.values())} if risks else {}),
        "findings": [_finding(row, names, rules, risks, own) for row in posture.controls],
    }


def _observation(
    rule: RuleRow, lines: list[Line], names: Names, posture: Posture, when: str
) -> dict[str, Any]:
    known = rule_by_code(rule.code)
    found = counted(rule.findings, "finding")
    waived = f" ({rule.waived} waived)" if rule.waived else ""
    observation: dict[str, Any] = {
        "uuid": names.uid("observation", rule.code),
        "title": f"{rule.code} {rule.name}",
        "description": f"Rule {rule.code} ({rule.name}) ran on the policy files: {found}{waived}."
        + (f" {known.summary}" if known is not None else ""),
        **props(
            prop("rule", rule.code),
            prop("findings", rule.findings),
            prop("waived", rule.waived),
        ),
        "methods": ["TEST"],
        "collected": when,
        "relevant-evidence": [
            _state_evidence(names, posture),
            *(_line_evidence(item) for item in lines),
            *reconciliation_evidence(rule.code),
        ],
    }
    if known is not None:
        observation["links"] = [{"href": help_uri(known), "rel": "reference"}]
    return observation


def _state_evidence(names: Names, posture: Posture) -> dict[str, Any]:
    commit = names.commit
    if commit is None:
        return {"description": f"The policy files of the {line(posture.source)}."}
    committed = commit.committed.isoformat()
    return {
        "description": f"The policy files as committed in Git commit {commit.hexsha} "
        f"({committed}).",
        **props(prop("git-commit", commit.hexsha), prop("committed", committed)),
    }


def _line_evidence(item: Line) -> dict[str, Any]:
    return {
        "href": quote(item.path),
        "description": line(item.text()),
        **props(
            prop("line", item.line),
            prop("severity", item.severity),
            prop("waiver", item.waiver),
        ),
    }


def reconciliation_evidence(code: str) -> list[dict[str, Any]]:
    """Evidence from the platforms themselves (who really holds access), for a rule's observation.

    None yet: the model does not hold reconciliation results. When it does, each becomes one
    relevant-evidence entry here (its source, when it was taken, what it showed)."""
    return []


def _finding(
    row: ControlRow,
    names: Names,
    rules: dict[str, tuple[RuleRow, list[Line]]],
    risks: dict[str, dict[str, Any]],
    own: set[str],
) -> dict[str, Any]:
    open_lines = [item for item in row.lines if item.waiver is None]
    waivers = sorted({item.waiver for item in row.lines if item.waiver is not None})
    satisfied = bool(row.rules) and not row.lines
    reason = "pass" if satisfied else ("fail" if open_lines or not row.rules else "other")
    codes = ", ".join(rule.code for rule in row.rules)
    is_own = row.id in own
    finding: dict[str, Any] = {
        "uuid": names.uid("finding", row.id),
        "title": line(row.id) + (f": {line(row.title)}" if string(row.title) else ""),
        "description": _finding_text(row, codes, len(open_lines), len(waivers)),
        **props(prop("control", row.id), prop("framework", framework_of(row.id, is_own))),
        "target": {
            "type": "objective-id",
            "target-id": control_token(row.id, is_own),
            "status": {"state": "satisfied" if satisfied else "not-satisfied", "reason": reason},
        },
    }
    if row.rules:
        finding["related-observations"] = [
            {"observation-uuid": names.uid("observation", rule.code)} for rule in row.rules
        ]
    related = [{"risk-uuid": risks[w]["uuid"]} for w in waivers if w in risks]
    if related:
        finding["related-risks"] = related
    return finding


def _finding_text(row: ControlRow, codes: str, open_count: int, waived: int) -> str:
    if not row.rules:
        return "No rule serves this control: it was not tested."
    if not row.lines:
        return f"Served by {codes}: no finding."
    text = f"Served by {codes}: {counted(len(row.lines), 'finding')}"
    if waived and not open_count:
        return text + ", every one waived (see the related risks)."
    return text + f", {open_count} not waived."


def _risk(waiver: WaiverRow, names: Names, observed: set[str]) -> dict[str, Any]:
    risk: dict[str, Any] = {
        "uuid": names.uid("risk", waiver.id),
        "title": f"Waiver {line(waiver.id)}: {line(waiver.rule)} on {line(waiver.target)}",
        "description": line(waiver.justification),
        "statement": f"Findings of rule {line(waiver.rule)} on {line(waiver.target)} are "
        f"accepted on purpose until {waiver.expires.isoformat()}, approved by "
        f"{line(waiver.approved_by)} on {waiver.approved_on.isoformat()}.",
        **props(
            prop("waiver", waiver.id),
            prop("rule", waiver.rule),
            prop("target", waiver.target),
            prop("approved-by", waiver.approved_by),
            prop("approved-on", waiver.approved_on.isoformat()),
            prop("expires", waiver.expires.isoformat()),
        ),
        "status": "deviation-approved" if waiver.in_force else "open",
    }
    if in_range(waiver.expires):
        risk["deadline"] = moment(waiver.expires, end=True)
    if waiver.rule in observed:
        risk["related-observations"] = [{"observation-uuid": names.uid("observation", waiver.rule)}]
    return risk
