"""The control catalogue, every rule's controls, and a company's own controls in Settings."""

from __future__ import annotations

from pathlib import Path

from governance_kit.controls import CATALOGUE, controls_of, unknown, with_titles
from governance_kit.loading.repository import load_repository
from governance_kit.rules import all_rules, rule_by_code
from tests.conftest import EXAMPLE, edit_yaml, govkit, line_of


def test_every_rule_supports_at_least_one_known_control() -> None:
    for rule in all_rules():
        assert rule.controls, rule.code
        assert unknown(rule.controls) == [], rule.code


def test_every_control_of_the_catalogue_has_a_title() -> None:
    assert all(title.strip() for title in CATALOGUE.values())
    used = {control for rule in all_rules() for control in rule.controls}
    assert used <= set(CATALOGUE)


def test_titles_are_shown_beside_the_ids() -> None:
    assert with_titles(["NIST:AC-2(10)", "ACME-1"], {"ACME-1": "Own control"}) == [
        "NIST:AC-2(10) (Account management: shared and group account credential change)",
        "ACME-1 (Own control)",
    ]


def test_the_example_maps_its_own_controls() -> None:
    governance = load_repository(EXAMPLE).governance
    own = governance.control_settings
    assert own.extra["NORDLYS-SM-2"] == "Nobody leaves with a working login to an official account"
    for code, ids in own.map.items():
        assert rule_by_code(code) is not None, code
        assert unknown(ids, own.extra) == [], code
    rule = rule_by_code("GK306")
    assert controls_of(rule.code, rule.controls, own) == (*rule.controls, "NORDLYS-SM-2")


def test_an_unknown_control_in_settings_is_a_broken_reference(example: Path) -> None:
    path = example / "settings.yaml"
    edit_yaml(path, lambda data: data["spec"]["controls"]["map"].update(GK303=["ACME-MFA-1"]))
    run = govkit("validate", example)
    assert run.exit_code == 2
    line = line_of(path, "- ACME-MFA-1")
    [reported] = [text for text in run.stdout.splitlines() if "ACME-MFA-1" in text]
    assert reported == (
        f"{path}:{line}:11: error: unknown control 'ACME-MFA-1' for GK303 [GK003] "
        "(hint: add it with a title to 'extra')"
    )


def test_a_company_control_declared_in_extra_is_accepted(example: Path) -> None:
    def declare(data: dict) -> None:
        data["spec"]["controls"]["extra"]["ACME-MFA-1"] = "Brand accounts use hardware keys"
        data["spec"]["controls"]["map"]["GK303"] = ["ACME-MFA-1"]

    edit_yaml(example / "settings.yaml", declare)
    assert govkit("validate", example).exit_code == 0
