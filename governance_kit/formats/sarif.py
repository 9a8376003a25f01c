"""SARIF 2.1.0: findings as a static-analysis log that GitHub code scanning can upload.

One run; the driver lists every rule that ran plus the validation rules, with their
explanations and links to the rule pages; waived findings are kept, marked as suppressed.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from .. import __version__, ruledocs
from .. import output as out
from ..controls import controls_of
from ..findings import Finding
from ..model.settings import ControlSettings
from ..rules import Rule, all_rules, rule_by_code

if TYPE_CHECKING:
    from ..checker import CheckResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL = "governance-kit"
SRCROOT = "%SRCROOT%"
FINGERPRINT = "governanceKitFinding/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(result: CheckResult, *, color: bool = False) -> str:
    return out.json(sarif_log(result))


def sarif_log(result: CheckResult) -> dict[str, Any]:
    rules = reported_rules(result)
    index = {rule.code: number for number, rule in enumerate(rules)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver(rules, result.controls)},
                "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().resolve().as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": [
                    with_evidence(sarif_result(f, index), result.evidence_for(f))
                    for f in result.findings
                ],
                "properties": {
                    "today": result.today.isoformat(),
                    **({"evidence": _texts(result.evidence())} if result.evidence() else {}),
                },
            }
        ],
    }


def evidence_note(record: dict[str, str]) -> str:
    """The export a finding rests on, in words: `evidence: FILE sha256 HEX, exported DATE`."""
    return out.text(
        f"evidence: {record['path']} sha256 {record['sha256']}, exported {record['exported']}"
    )


def with_evidence(entry: dict[str, Any], record: dict[str, str] | None) -> dict[str, Any]:
    """A result with the export it rests on (file, SHA-256, date) as properties."""
    if record is not None:
        entry["properties"] = {"evidence": _texts([record])[0]}
    return entry


def _texts(records: list[dict[str, str]]) -> list[dict[str, str]]:
    return [{key: out.text(value) for key, value in record.items()} for record in records]


def reported_rules(result: CheckResult) -> list[Rule]:
    """The validation rules, the rules that ran, and any other rule a finding names."""
    rules = {rule.code: rule for rule in all_rules() if rule.validation}
    rules.update({rule.code: rule for rule in result.rules})
    for finding in result.findings:
        rule = rule_by_code(finding.code)
        if rule is not None:
            rules.setdefault(rule.code, rule)
    return [rules[code] for code in sorted(rules)]


def driver(rules: list[Rule], company: ControlSettings | None = None) -> dict[str, Any]:
    return {
        "name": TOOL,
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": ruledocs.repository_url(),
        "rules": [descriptor(rule, company) for rule in rules],
    }


def descriptor(rule: Rule, company: ControlSettings | None = None) -> dict[str, Any]:
    """A rule as SARIF describes it; its controls include those the company maps to it."""
    explanation = rule.explanation()
    controls = list(controls_of(rule.code, rule.controls, company))
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": explanation},
        "help": {"text": explanation, "markdown": ruledocs.help_markdown(rule, company)},
        "helpUri": ruledocs.help_uri(rule),
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": [*controls, "governance"], "controls": controls},
    }


def sarif_result(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    entry: dict[str, Any] = {"ruleId": finding.code}
    if finding.code in index:
        entry["ruleIndex"] = index[finding.code]
    entry["level"] = LEVELS[finding.severity]
    entry["message"] = {"text": message_text(finding)}
    entry["locations"] = [location(finding)]
    entry["partialFingerprints"] = {FINGERPRINT: fingerprint(finding)}
    if finding.waived:
        entry["suppressions"] = [
            {"kind": "external", "justification": f"waived by {out.text(finding.waiver)}"}
        ]
    return entry


def message_text(finding: Finding) -> str:
    """The message and hint, redacted; each format escapes it for where it goes."""
    if finding.hint:
        return out.text(f"{finding.message} (hint: {finding.hint})")
    return out.text(finding.message)


def location(finding: Finding) -> dict[str, Any]:
    region = {"startLine": max(finding.line, 1), "startColumn": max(finding.column, 1)}
    return {"physicalLocation": {"artifactLocation": artifact(finding), "region": region}}


def artifact(finding: Finding) -> dict[str, str]:
    """The file relative to the working directory (the checkout root in CI) when inside it."""
    shown = out.text(finding.display_path())
    if Path(shown).is_absolute():
        return {"uri": Path(shown).as_uri()}
    return {"uri": quote(shown), "uriBaseId": SRCROOT}


def fingerprint(finding: Finding) -> str:
    """Stable across runs and line moves: the code, the target (else the message) and the file."""
    subject = finding.target if finding.target is not None else finding.message
    key = "\0".join((finding.code, subject, finding.display_path()))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()
