"""`govkit controls`: the controls the rules serve, as text and as an OSCAL 1.2.1 Component
Definition checked against NIST's official schema (patterns really evaluated) and by trestle."""

from __future__ import annotations

import json
import re
from pathlib import Path

from governance_kit.controls import CATALOGUE
from governance_kit.oscal import NS
from governance_kit.ruledocs import every_rule
from tests.conftest import EXAMPLE, TODAY, edit_yaml, govkit
from tests.oscal_schema import COMPONENT_SCHEMA, errors
from tests.report.test_oscal import trestle_model


def export(*args: str | Path) -> str:
    run = govkit("controls", *args, "--format", "oscal-component", "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    return run.stdout


def implementations(text: str) -> dict[str, list[dict]]:
    """Catalogue title -> its implemented requirements."""
    document = json.loads(text)["component-definition"]
    titles = {r["uuid"]: r["title"] for r in document["back-matter"]["resources"]}
    [component] = document["components"]
    assert component["type"] == "software"
    return {
        titles[i["source"].removeprefix("#")]: i["implemented-requirements"]
        for i in component["control-implementations"]
    }


def value(props: list[dict], name: str) -> list[str]:
    return [p["value"] for p in props if p["name"] == name and p["ns"] == NS]


def test_the_text_lists_each_control_with_its_rules() -> None:
    run = govkit("controls")
    assert run.exit_code == 0
    lines = run.stdout.splitlines()
    assert (
        "NIST:AC-2(10)  Account management: shared and group account credential change: "
        "GK306, GK307, GK308"
    ) in lines
    assert not any(line.startswith("NORDLYS-") for line in lines)
    served = {c for rule in every_rule() for c in rule.controls}
    assert len(lines) == len(served) == 48 - 2


def test_the_component_definition_holds_every_control_of_every_rule(reference: Path) -> None:
    text = export()
    assert errors(json.loads(text), reference, COMPONENT_SCHEMA) == []
    found = implementations(text)
    assert list(found) == [
        "AICPA Trust Services Criteria (SOC 2)",
        "ISO/IEC 27001:2022, Annex A",
        "CIS Critical Security Controls v8",
        "NIST SP 800-53 Revision 5",
    ]
    controls = {value(r["props"], "control")[0]: r for rs in found.values() for r in rs}
    assert set(controls) == {c for rule in every_rule() for c in rule.controls}
    assert set(controls) <= set(CATALOGUE)
    for rule in every_rule():
        for control in rule.controls:
            assert rule.code in value(controls[control]["props"], "rule")
    nist = {r["control-id"]: value(r["props"], "rule") for r in found["NIST SP 800-53 Revision 5"]}
    assert nist["ac-2.10"] == ["GK306", "GK307", "GK308"]
    cis = [r["control-id"] for r in found["CIS Critical Security Controls v8"]]
    assert cis == ["cis-3", "cis-5", "cis-6"]


def test_with_a_policy_folder_the_company_controls_are_included(
    example: Path, reference: Path
) -> None:
    def own(data: dict) -> None:
        controls = data["spec"]["controls"]
        controls["extra"]["Nordlys:SM(3)"] = "Passwords live in the vault"
        controls["extra"]["Nordlys SM 4"] = "Declared, not yet tested"
        controls["map"]["GK305"] = ["Nordlys:SM(3)"]

    edit_yaml(example / "settings.yaml", own)
    text = export(example)
    assert errors(json.loads(text), reference, COMPONENT_SCHEMA) == []
    document = json.loads(text)["component-definition"]
    assert document["metadata"]["parties"][0]["name"] == "Nordlys Outdoor AS"
    found = implementations(text)["The organisation's own controls (Settings: spec.controls.extra)"]
    ids = {r["control-id"]: value(r["props"], "rule") for r in found}
    assert ids["NORDLYS-SM-1"] == ["GK201", "GK704"]
    assert ids["NORDLYS-SM-2"] == ["GK301", "GK306", "GK308"]
    [mapped] = [r for r in found if value(r["props"], "control") == ["Nordlys:SM(3)"]]
    assert re.fullmatch(r"Nordlys-SM-3-[0-9a-f]{8}", mapped["control-id"])
    assert value(mapped["props"], "rule") == ["GK305"]
    [spaced] = [r for r in found if value(r["props"], "control") == ["Nordlys SM 4"]]
    assert re.fullmatch(r"Nordlys-SM-4-[0-9a-f]{8}", spaced["control-id"])
    assert spaced["description"] == "No rule of governance-kit tests this control."
    assert len(found) == 4


def test_two_exports_are_byte_identical() -> None:
    assert export(EXAMPLE) == export(EXAMPLE)


def test_compliance_trestle_reads_the_component_definition() -> None:
    model = trestle_model("component", "ComponentDefinition")
    document = json.loads(export(EXAMPLE))["component-definition"]
    loaded = model.model_validate(document)
    implementations = loaded.components[0].control_implementations
    assert len(implementations) == 5


def test_an_invalid_policy_folder_is_reported_by_line(example: Path) -> None:
    (example / "settings.yaml").write_text(
        (example / "settings.yaml").read_text(encoding="utf-8").replace("map:", "mapx:"),
        encoding="utf-8",
    )
    run = govkit("controls", example, "--format", "oscal-component")
    assert run.exit_code == 2
    assert run.stdout == ""
    assert run.stderr.startswith(f"{example / 'settings.yaml'}:")


def test_a_date_oscal_cannot_write_is_one_line() -> None:
    run = govkit("controls", "--format", "oscal-component", "--today", "1969-12-31")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr.startswith("govkit: error: --today: '1969-12-31' is outside the dates")
    run = govkit("controls", "--format", "oscal-component", "--today", "3000-01-01")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr.startswith(
        "govkit: error: --today: OSCAL writes dates from 1900 to 2999, not 3000-01-01 (hint:"
    )
