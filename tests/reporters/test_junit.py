"""JUnit XML: one test case per rule, failures listing findings, valid against junit-10.xsd."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from lxml import etree

from governance_kit.checker import CheckResult
from governance_kit.findings import Finding
from governance_kit.formats import junit
from governance_kit.rules import rule_by_code
from tests.conftest import TODAY, govkit
from tests.reporters.conftest import SELECTED, check, position


def validate(report: str, reference: Path) -> None:
    schema = etree.XMLSchema(etree.parse(str(reference / "junit-10.xsd")))
    document = etree.fromstring(report.encode("utf-8"))
    assert schema.validate(document), [str(error) for error in schema.error_log]


def suite_of(result: CheckResult) -> ET.Element:
    root = ET.fromstring(junit.render(result))
    assert root.tag == "testsuites"
    (suite,) = root
    return suite


def cases(suite: ET.Element) -> dict[str, ET.Element]:
    return {case.get("classname"): case for case in suite.iter("testcase")}


def test_real_findings_give_valid_junit(result: CheckResult, reference: Path) -> None:
    validate(junit.render(result), reference)


def test_invalid_files_give_valid_junit(invalid: CheckResult, reference: Path) -> None:
    validate(junit.render(invalid), reference)


def test_every_rule_together_gives_valid_junit(broken: Path, reference: Path) -> None:
    validate(junit.render(check(broken, today="2029-06-30")), reference)


def test_one_case_per_rule_with_the_counts(result: CheckResult) -> None:
    root = ET.fromstring(junit.render(result))
    suite = suite_of(result)
    assert suite.attrib == {
        "name": "governance-kit",
        "tests": "7",
        "failures": "3",
        "errors": "0",
        "skipped": "0",
        "time": "0.000",
    }
    assert root.attrib == {
        "name": "governance-kit",
        "tests": "7",
        "failures": "3",
        "errors": "0",
        "time": "0.000",
    }
    assert [(c.get("classname"), c.get("name"), c.get("time")) for c in suite] == [
        ("GK001", "invalid-yaml", "0.000"),
        ("GK002", "invalid-document", "0.000"),
        ("GK003", "broken-reference", "0.000"),
        ("GK004", "rule-not-run", "0.000"),
        ("GK101", "review-overdue", "0.000"),
        ("GK102", "review-due-soon", "0.000"),
        ("GK205", "no-backup-owner", "0.000"),
    ]
    assert [code for code, case in cases(suite).items() if len(case) == 0] == [
        "GK001",
        "GK002",
        "GK003",
        "GK004",
    ]


def test_a_failure_lists_its_findings_and_waived_ones_go_to_output(
    result: CheckResult, broken: Path
) -> None:
    case = cases(suite_of(result))["GK101"]
    brand_line, column = position(broken / "brand.yaml", "last_reviewed: ")
    continuity_line, _ = position(broken / "continuity.yaml", "last_reviewed: ")
    (failure,) = case.findall("failure")
    assert failure.attrib == {"message": "1 finding", "type": "error"}
    assert failure.text == (
        f"policies/brand.yaml:{brand_line}:{column}: review of 'nordlys-brand' is overdue since "
        "2026-09-03 (82 days) (hint: review it and run 'govkit review nordlys-brand --by PERSON')"
    )
    assert case.findtext("system-out") == (
        f"policies/continuity.yaml:{continuity_line}:{column}: review of 'nordlys-continuity' is "
        "overdue since 2026-10-01 (54 days) (hint: review it and run "
        "'govkit review nordlys-continuity --by PERSON') (waived by w-continuity-review)"
    )


def test_warnings_fail_their_rule(result: CheckResult, broken: Path) -> None:
    (failure,) = cases(suite_of(result))["GK205"].findall("failure")
    line = position(broken / "accounts.yaml", "- id: instagram-nordlysoutdoor")[0]
    assert failure.attrib == {"message": "1 finding", "type": "warning"}
    assert failure.text == (
        f"policies/accounts.yaml:{line}:7: account 'instagram-nordlysoutdoor' has no backup "
        "owner (hint: name a second person, not the business owner, in 'backup_owner')"
    )


def test_invalid_files_fail_validation_and_skip_the_rules(invalid: CheckResult) -> None:
    suite = suite_of(invalid)
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("7", "1", "0")
    by_code = cases(suite)
    failure = by_code["GK001"].find("failure")
    assert failure is not None
    assert failure.get("message") == "1 finding"
    assert failure.text.startswith("policies/brand.yaml:")
    assert ": invalid YAML: " in failure.text
    for code in SELECTED:  # none of them needs the BrandGuide: they ran
        assert by_code[code].find("skipped") is None


@pytest.fixture
def awkward(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CheckResult:
    monkeypatch.chdir(tmp_path)
    finding = Finding(
        Path("policies/a&b.yaml"),
        3,
        7,
        '100% sure: a, b <b> & "more"\nsecond line',
        code="GK101",
        severity="error",
    )
    return CheckResult(
        tmp_path / "policies", dt.date(2026, 11, 24), (rule_by_code("GK101"),), [finding]
    )


def test_markup_in_messages_is_escaped(awkward: CheckResult, reference: Path) -> None:
    report = junit.render(awkward)
    validate(report, reference)
    assert (
        'policies/a&amp;b.yaml:3:7: 100% sure: a, b &lt;b&gt; &amp; "more"\\nsecond line'
    ) in report
    failure = cases(suite_of(awkward))["GK101"].find("failure")
    assert failure.text == 'policies/a&b.yaml:3:7: 100% sure: a, b <b> & "more"\\nsecond line'


def test_govkit_check_format_junit(broken: Path, result: CheckResult) -> None:
    run = govkit(
        "check", broken, "--format", "junit", "--today", TODAY, "--select", ",".join(SELECTED)
    )
    assert run.exit_code == 1
    assert run.stdout == junit.render(result)
    assert run.stdout.startswith("<?xml version='1.0' encoding='utf-8'?>\n<testsuites ")
