"""JUnit XML: one test case per rule, failed when it has unwaived errors or warnings.

CI systems that show test reports (GitLab, Jenkins, Azure) then list the governance rules
beside the tests. Validation findings fail the validation rules' test cases; a rule that did
not run because a document it needs is invalid or missing is reported as skipped, with why.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import TYPE_CHECKING

from .. import output as out
from ..findings import Finding
from ..rules import Rule, all_rules
from .sarif import evidence_note, message_text

if TYPE_CHECKING:
    from ..checker import CheckResult

SUITE = "governance-kit"
NO_TIME = "0.000"
FAILING = ("error", "warning")


def render(result: CheckResult, *, color: bool = False) -> str:
    root = ET.Element("testsuites", name=SUITE)
    suite = ET.SubElement(root, "testsuite", name=SUITE)
    validation = [rule for rule in all_rules() if rule.validation]
    for rule in validation:
        add_case(suite, rule, findings_of(result, rule))
    for rule in result.rules:
        found = findings_of(result, rule)
        skipped = result.not_run_reason(rule.code)
        add_case(suite, rule, found, skipped=skipped, cited=result.evidence_for)
    count(root, suite)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def findings_of(result: CheckResult, rule: Rule) -> list[Finding]:
    return [f for f in result.findings if f.code == rule.code]


def add_case(
    suite: ET.Element,
    rule: Rule,
    findings: list[Finding],
    *,
    skipped: str | None = None,
    cited: Callable[[Finding], dict[str, str] | None] = lambda finding: None,
) -> None:
    """The rule's test case: failed by its errors and warnings, or skipped (`skipped`: why)."""
    case = ET.SubElement(suite, "testcase", classname=rule.code, name=rule.name, time=NO_TIME)
    if skipped is not None:
        ET.SubElement(case, "skipped", message=out.xml(f"not run: {skipped}"))
        return
    failing = [f for f in findings if not f.waived and f.severity in FAILING]
    if failing:
        failure = ET.SubElement(case, "failure", message=plural(len(failing)), type=worst(failing))
        failure.text = "\n".join(finding_line(f, cited(f)) for f in failing)
    others = [f for f in findings if f not in failing]
    if others:
        ET.SubElement(case, "system-out").text = "\n".join(
            finding_line(f, cited(f)) for f in others
        )


def plural(number: int) -> str:
    return out.counted(number, "finding")


def worst(findings: list[Finding]) -> str:
    return "error" if any(f.severity == "error" for f in findings) else "warning"


def finding_line(finding: Finding, evidence: dict[str, str] | None = None) -> str:
    """One line of a failure or system-out text: every value redacted and written with the
    characters XML 1.0 allows only (control characters shown visibly, e.g. `\\x1b`); with
    the export it rests on, for a reconciliation."""
    place = f"{out.xml(finding.display_path())}:{finding.line}:{finding.column}"
    line = f"{place}: {out.xml(message_text(finding))}"
    if evidence:
        line += f" ({out.xml(evidence_note(evidence))})"
    if finding.waived:
        line += f" (waived by {out.xml(finding.waiver)})"
    elif finding.severity not in FAILING:
        line += f" ({finding.severity})"
    return line


def count(root: ET.Element, suite: ET.Element) -> None:
    cases = suite.findall("testcase")
    totals = {
        "tests": len(cases),
        "failures": sum(1 for case in cases if case.find("failure") is not None),
        "errors": 0,
        "skipped": sum(1 for case in cases if case.find("skipped") is not None),
    }
    for key, value in totals.items():
        suite.set(key, str(value))
        if key != "skipped":
            root.set(key, str(value))
    suite.set("time", NO_TIME)
    root.set("time", NO_TIME)
