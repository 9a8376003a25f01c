"""`govkit report --format oscal-ar`: OSCAL 1.2.1 Assessment Results, checked against NIST's
official schema with its patterns really evaluated, by check-jsonschema and compliance-trestle."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from pathlib import Path

import git
import pytest

from governance_kit.oscal import NS
from governance_kit.rules import all_rules
from tests.conftest import EXAMPLE, TODAY, edit_yaml, govkit, require_in_ci
from tests.oscal_schema import AR_SCHEMA, errors
from tests.planted_secrets import samples, secret_part
from tests.report.test_report import sha
from tests.rules.helpers import item

WAIVED_CONTROLS = ["cc6.2", "a.5.30", "cis-5"]
"""SOC2:CC6.2, ISO27001:A.5.30 and CIS:5, served by GK206, whose one finding is waived."""


def export(*args: str | Path) -> str:
    run = govkit("report", *args, "--format", "oscal-ar")
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    return run.stdout


def result_of(text: str) -> dict:
    document = json.loads(text)["assessment-results"]
    assert len(document["results"]) == 1
    return document["results"][0]


def by_value(props: list[dict], name: str) -> str:
    return next(p["value"] for p in props if p["name"] == name and p["ns"] == NS)


def test_the_example_is_valid_assessment_results(reference: Path) -> None:
    text = export(EXAMPLE, "--today", TODAY)
    assert errors(json.loads(text), reference, AR_SCHEMA) == []
    document = json.loads(text)["assessment-results"]
    assert document["metadata"]["oscal-version"] == "1.2.1"
    assert document["metadata"]["last-modified"] == "2026-11-24T00:00:00Z"
    assert document["metadata"]["parties"][0]["name"] == "Nordlys Outdoor AS"
    assert document["import-ap"]["href"] == "#" + document["back-matter"]["resources"][0]["uuid"]


def test_every_rule_an_observation_every_control_a_finding_the_waiver_a_risk() -> None:
    posture = json.loads(govkit("report", EXAMPLE, "--today", TODAY, "--format", "json").stdout)
    result = result_of(export(EXAMPLE, "--today", TODAY))
    rules = {rule["code"] for control in posture["controls"] for rule in control["rules"]}
    assert rules == {rule.code for rule in all_rules()}
    assert len(result["observations"]) == len(rules)
    assert {by_value(o["props"], "rule") for o in result["observations"]} == rules
    assert {o["methods"][0] for o in result["observations"]} == {"TEST"}
    assert {o["collected"] for o in result["observations"]} == {"2026-11-24T00:00:00Z"}
    assert len(result["findings"]) == 48
    targets = [f["target"]["target-id"] for f in result["findings"]]
    assert len(set(targets)) == 48
    selected = result["reviewed-controls"]["control-selections"][0]["include-controls"]
    assert [c["control-id"] for c in selected] == targets
    assert [by_value(f["props"], "control") for f in result["findings"]] == [
        control["id"] for control in posture["controls"]
    ]
    assert [t for t in targets if t.startswith("NORDLYS")] == ["NORDLYS-SM-1", "NORDLYS-SM-2"]
    states = {f["target"]["target-id"]: f["target"]["status"] for f in result["findings"]}
    assert [t for t, s in states.items() if s["state"] == "not-satisfied"] == WAIVED_CONTROLS
    assert {states[t]["reason"] for t in WAIVED_CONTROLS} == {"other"}
    assert {s["reason"] for t, s in states.items() if t not in WAIVED_CONTROLS} == {"pass"}


def test_the_waiver_is_an_approved_deviation_behind_its_controls() -> None:
    result = result_of(export(EXAMPLE, "--today", TODAY))
    assert len(result["risks"]) == 1
    risk = result["risks"][0]
    assert risk["status"] == "deviation-approved"
    assert risk["deadline"] == "2028-03-31T23:59:59Z"
    assert risk["title"] == (
        "Waiver w\\-2026\\-engage\\-single\\-admin: GK206 on engage\\-social\\-hub"
    )
    assert by_value(risk["props"], "approved-by") == "Hanna Kristiansen"
    gk206 = next(o for o in result["observations"] if o["title"].startswith("GK206 "))
    assert risk["related-observations"] == [{"observation-uuid": gk206["uuid"]}]
    evidence = gk206["relevant-evidence"]
    assert [e.get("href") for e in evidence] == [None, "policies/accounts.yaml"]
    assert evidence[1]["description"].startswith("policies/accounts\\.yaml:475:9: warning:")
    waived = [f for f in result["findings"] if f["target"]["target-id"] in WAIVED_CONTROLS]
    assert [f["related-risks"] for f in waived] == [[{"risk-uuid": risk["uuid"]}]] * 3
    assert all({"observation-uuid": gk206["uuid"]} in f["related-observations"] for f in waived)


def test_two_exports_of_the_same_state_and_date_are_byte_identical(tmp_path: Path) -> None:
    first = export(EXAMPLE, "--today", TODAY)
    written = tmp_path / "ar.json"
    assert govkit("report", EXAMPLE, "--today", TODAY, "--format", "oscal-ar", "-o", written)
    assert written.read_text(encoding="utf-8") == first == export(EXAMPLE, "--today", TODAY)
    other_day = export(EXAMPLE, "--today", "2026-11-25")
    assert (
        json.loads(other_day)["assessment-results"]["uuid"]
        != (json.loads(first)["assessment-results"]["uuid"])
    )


def test_as_of_names_the_commit_read(history: Path, reference: Path) -> None:
    text = export(history, "--as-of", "2026-06-30")
    assert errors(json.loads(text), reference, AR_SCHEMA) == []
    assert text == export(history, "--as-of", "2026-06-30")
    repo = git.Repo(history.parent)
    commit = next(c for c in repo.iter_commits() if c.summary == "Register the careers page")
    result = result_of(text)
    assert by_value(result["props"], "as-of") == "2026-06-30"
    assert by_value(result["props"], "source") == (
        f"commit {sha(history, 'Register the careers page')} of 2026-05-12"
    )
    for observation in result["observations"]:
        state = observation["relevant-evidence"][0]
        assert by_value(state["props"], "git-commit") == commit.hexsha
        assert by_value(state["props"], "committed") == commit.committed_datetime.isoformat()
        assert observation["collected"] == "2026-06-30T00:00:00Z"
    september = json.loads(export(history, "--as-of", "2026-09-30"))["assessment-results"]
    assert september["uuid"] != json.loads(text)["assessment-results"]["uuid"]


def test_a_secret_in_a_justification_never_reaches_the_export(
    example: Path, reference: Path
) -> None:
    planted = [token for _, token in samples(1, seed=19)]

    def plant(data: dict) -> None:
        waiver = item(data, "waivers", "w-2026-engage-single-admin")
        waiver["justification"] = "Accepted. " + " ".join(planted)

    edit_yaml(example / "waivers.yaml", plant)
    text = export(example, "--today", TODAY)
    assert errors(json.loads(text), reference, AR_SCHEMA) == []
    leaked = [token for token in planted if secret_part(token) in text]
    assert leaked == []
    risk = result_of(text)["risks"][0]
    assert risk["description"].startswith("Accepted\\. ")


def broken(document: dict) -> dict:
    """The document with a space in a token, a UUID of no version, and a newline ending a line."""
    changed = copy.deepcopy(document)
    result = changed["assessment-results"]["results"][0]
    result["findings"][0]["target"]["target-id"] = "cc6 2"
    result["observations"][0]["uuid"] = "6f1c3c55-2b1e-0a57-9a55-5c1d0e3b7a10"
    result["risks"][0]["title"] = "Waiver\n"
    return changed


def test_the_validator_rejects_what_the_schema_patterns_forbid(reference: Path) -> None:
    with pytest.raises(re.error):
        re.compile(r"^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$")  # why Python's re cannot be used
    document = json.loads(export(EXAMPLE, "--today", TODAY))
    token = "^(\\p{L}|_)(\\p{L}|\\p{N}|[.\\-_])*$"
    uuid = (
        "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[45][0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}$"
    )
    assert errors(broken(document), reference, AR_SCHEMA) == [
        f"assessment-results/results/0/findings/0/target/target-id: 'cc6 2' does not match "
        f"{token!r}",
        f"assessment-results/results/0/observations/0/uuid: "
        f"'6f1c3c55-2b1e-0a57-9a55-5c1d0e3b7a10' does not match {uuid!r}",
        "assessment-results/results/0/risks/0/title: 'Waiver\\n' does not match '^[^\\n]+$'",
    ]


def test_check_jsonschema_accepts_the_export_and_rejects_the_broken_one(
    tmp_path: Path, reference: Path
) -> None:
    text = export(EXAMPLE, "--today", TODAY)
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(text, encoding="utf-8")
    bad.write_text(json.dumps(broken(json.loads(text))), encoding="utf-8")
    schema = str(reference / AR_SCHEMA)
    command = [sys.executable, "-m", "check_jsonschema", "--schemafile", schema]
    accepted = subprocess.run([*command, str(good)], capture_output=True, text=True, check=False)
    assert (accepted.returncode, accepted.stdout.strip()) == (0, "ok -- validation done")
    rejected = subprocess.run([*command, str(bad)], capture_output=True, text=True, check=False)
    assert rejected.returncode == 1
    assert "'cc6 2' does not match" in rejected.stdout
    assert "'Waiver\\n' does not match" in rejected.stdout


def trestle_model(module: str, name: str) -> type:
    try:
        loaded = __import__(f"trestle.oscal.{module}", fromlist=[name])
    except ImportError:
        require_in_ci(False, "compliance-trestle (test extras) is not installed")
    return getattr(loaded, name)


def test_compliance_trestle_reads_the_export() -> None:
    model = trestle_model("assessment_results", "AssessmentResults")
    document = json.loads(export(EXAMPLE, "--today", TODAY))
    loaded = model.model_validate(document["assessment-results"])
    assert len(loaded.results[0].observations) == len(all_rules())
    dumped = loaded.model_dump(mode="json", by_alias=True, exclude_none=True)
    assert dumped["results"][0]["risks"][0]["status"] == "deviation-approved"
    with pytest.raises(ValueError, match="target-id"):
        model.model_validate(broken(document)["assessment-results"])


def test_a_date_oscal_cannot_write_is_one_line() -> None:
    run = govkit("report", EXAMPLE, "--today", "3001-01-01", "--format", "oscal-ar")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "govkit: error: --today: OSCAL writes dates from 1900 to 2999, not 3001-01-01 "
        "(hint: give --today (or --as-of) a date from 1900 to 2999)\n"
    )


def test_a_company_control_that_is_no_token_gets_one(example: Path, reference: Path) -> None:
    def own(data: dict) -> None:
        data["spec"]["controls"]["extra"]["Nordlys:SM(3)"] = "Passwords live in the vault"
        data["spec"]["controls"]["map"]["GK305"] = ["Nordlys:SM(3)"]

    edit_yaml(example / "settings.yaml", own)
    text = export(example, "--today", TODAY)
    assert errors(json.loads(text), reference, AR_SCHEMA) == []
    [finding] = [
        f for f in result_of(text)["findings"] if by_value(f["props"], "control") == "Nordlys:SM(3)"
    ]
    assert re.fullmatch(r"Nordlys-SM-3-[0-9a-f]{8}", finding["target"]["target-id"])
    assert by_value(finding["props"], "framework") == "own"
    assert finding["target"]["status"] == {"state": "satisfied", "reason": "pass"}
