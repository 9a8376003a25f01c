"""SARIF 2.1.0: the official schema, the driver's rules, and each result's fields."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from jsonschema import Draft4Validator

from governance_kit import __version__
from governance_kit.checker import CheckResult
from governance_kit.findings import Finding
from governance_kit.formats import sarif
from governance_kit.rules import rule_by_code
from tests.conftest import TODAY, govkit
from tests.reporters.conftest import SELECTED, check, position

REPOSITORY = "https://github.com/governance-kit/governance-kit"


def validate(log: dict, reference: Path) -> None:
    schema = json.loads((reference / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    errors = [error.message for error in Draft4Validator(schema).iter_errors(log)]
    assert errors == []


def run_of(result: CheckResult) -> dict:
    log = json.loads(sarif.render(result))
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1
    return log["runs"][0]


def by_rule(run: dict, code: str) -> list[dict]:
    return [entry for entry in run["results"] if entry["ruleId"] == code]


def test_the_log_of_real_findings_is_valid_sarif(result: CheckResult, reference: Path) -> None:
    validate(json.loads(sarif.render(result)), reference)


def test_the_log_of_invalid_files_is_valid_sarif(invalid: CheckResult, reference: Path) -> None:
    validate(json.loads(sarif.render(invalid)), reference)


def test_every_rule_together_is_valid_sarif(broken: Path, reference: Path) -> None:
    validate(json.loads(sarif.render(check(broken, today="2029-06-30"))), reference)


def test_the_driver_lists_the_validation_rules_and_the_rules_that_ran(
    result: CheckResult,
) -> None:
    driver = run_of(result)["tool"]["driver"]
    assert driver["name"] == "governance-kit"
    assert driver["version"] == __version__
    assert driver["informationUri"] == REPOSITORY
    validation = ["GK001", "GK002", "GK003", "GK004"]
    assert [rule["id"] for rule in driver["rules"]] == [*validation, *SELECTED]


def test_a_rule_descriptor_carries_the_explanation_controls_and_page(result: CheckResult) -> None:
    descriptor = run_of(result)["tool"]["driver"]["rules"][4]
    explanation = rule_by_code("GK101").explanation()
    assert descriptor == {
        "id": "GK101",
        "name": "review-overdue",
        "shortDescription": {"text": "A policy document's review is overdue."},
        "fullDescription": {"text": explanation},
        "help": {
            "text": explanation,
            "markdown": explanation + "\n\n- Default severity: error\n- Controls:\n"
            "  - ISO27001:A.5.1 (Policies for information security)\n"
            "  - SOC2:CC5.3 (Control activities deployed through policies and procedures)\n",
        },
        "helpUri": f"{REPOSITORY}/blob/main/docs/rules/GK101.md",
        "defaultConfiguration": {"level": "error"},
        "properties": {
            "tags": ["ISO27001:A.5.1", "SOC2:CC5.3", "governance"],
            "controls": ["ISO27001:A.5.1", "SOC2:CC5.3"],
        },
    }


def test_levels_map_warning_to_warning_and_info_to_note(result: CheckResult) -> None:
    levels = {
        r["id"]: r["defaultConfiguration"]["level"]
        for r in run_of(result)["tool"]["driver"]["rules"]
    }
    assert levels["GK102"] == "warning"
    assert sarif.LEVELS == {"error": "error", "warning": "warning", "info": "note"}


def test_an_overdue_review_becomes_a_result_at_its_line(result: CheckResult, broken: Path) -> None:
    line, column = position(broken / "brand.yaml", "last_reviewed: ")
    key = "GK101\0nordlys-brand\0policies/brand.yaml"
    assert by_rule(run_of(result), "GK101")[0] == {
        "ruleId": "GK101",
        "ruleIndex": 4,
        "level": "error",
        "message": {
            "text": "review of 'nordlys-brand' is overdue since 2026-09-03 (82 days) "
            "(hint: review it and run 'govkit review nordlys-brand --by PERSON')"
        },
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": "policies/brand.yaml", "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": line, "startColumn": column},
                }
            }
        ],
        "partialFingerprints": {
            "governanceKitFinding/v1": hashlib.sha256(key.encode()).hexdigest()
        },
    }


def test_only_the_waived_finding_is_suppressed(result: CheckResult) -> None:
    (waived,) = [r for r in run_of(result)["results"] if "suppressions" in r]
    location = waived["locations"][0]["physicalLocation"]["artifactLocation"]
    assert (waived["ruleId"], location["uri"]) == ("GK101", "policies/continuity.yaml")
    assert waived["suppressions"] == [
        {"kind": "external", "justification": "waived by w-continuity-review"}
    ]


def test_warnings_and_their_rule_index(result: CheckResult, broken: Path) -> None:
    run = run_of(result)
    (due,) = by_rule(run, "GK102")
    (backup,) = by_rule(run, "GK205")
    assert (due["level"], due["ruleIndex"]) == ("warning", 5)
    assert (backup["level"], backup["ruleIndex"]) == ("warning", 6)
    assert run["tool"]["driver"]["rules"][backup["ruleIndex"]]["id"] == "GK205"
    assert backup["message"]["text"] == (
        "account 'instagram-nordlysoutdoor' has no backup owner "
        "(hint: name a second person, not the business owner, in 'backup_owner')"
    )


def test_uris_are_relative_to_the_working_directory(result: CheckResult, broken: Path) -> None:
    run = run_of(result)
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": broken.parent.as_uri() + "/"}}
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    ]
    assert uris == [
        "policies/accounts.yaml",
        "policies/brand.yaml",
        "policies/continuity.yaml",
        "policies/moderation.yaml",
    ]


def test_fingerprints_survive_moved_lines(result: CheckResult, broken: Path) -> None:
    brand = broken / "brand.yaml"
    brand.write_text("# a new first line\n" + brand.read_text(encoding="utf-8"), encoding="utf-8")
    before = by_rule(run_of(result), "GK101")[0]
    after = by_rule(run_of(check(broken, *SELECTED)), "GK101")[0]
    region = after["locations"][0]["physicalLocation"]["region"]
    assert (
        region["startLine"] == before["locations"][0]["physicalLocation"]["region"]["startLine"] + 1
    )
    assert after["partialFingerprints"] == before["partialFingerprints"]


def test_validation_findings_are_results_of_the_validation_rules(invalid: CheckResult) -> None:
    run = run_of(invalid)
    (entry,) = run["results"]
    assert (entry["ruleId"], entry["ruleIndex"], entry["level"]) == ("GK001", 0, "error")
    assert entry["message"]["text"].startswith("invalid YAML: ")


def test_govkit_check_format_sarif(broken: Path, result: CheckResult) -> None:
    run = govkit(
        "check", broken, "--format", "sarif", "--today", TODAY, "--select", ",".join(SELECTED)
    )
    assert run.exit_code == 1
    assert run.stdout == sarif.render(result)


def test_uris_are_percent_encoded_or_absolute_outside_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inside = tmp_path / "work"
    inside.mkdir()
    monkeypatch.chdir(inside)
    spaced = Finding(inside / "policies" / "my file.yaml", 2, 3, "m", code="GK101")
    outside = Finding(tmp_path / "elsewhere.yaml", 2, 3, "m", code="GK101")
    assert sarif.artifact(spaced) == {"uri": "policies/my%20file.yaml", "uriBaseId": "%SRCROOT%"}
    assert sarif.artifact(outside) == {"uri": (tmp_path / "elsewhere.yaml").as_uri()}


def test_a_descriptor_adds_the_controls_the_company_maps_to_the_rule(example: Path) -> None:
    run = govkit("check", example, "--today", TODAY, "--format", "sarif", "--select", "GK301")
    (descriptor,) = [
        rule
        for rule in json.loads(run.stdout)["runs"][0]["tool"]["driver"]["rules"]
        if rule["id"] == "GK301"
    ]
    own = list(rule_by_code("GK301").controls)
    assert descriptor["properties"] == {
        "tags": [*own, "NORDLYS-SM-2", "governance"],
        "controls": [*own, "NORDLYS-SM-2"],
    }
    assert descriptor["help"]["markdown"].endswith(
        "  - NORDLYS-SM-2 (Nobody leaves with a working login to an official account)\n"
    )
