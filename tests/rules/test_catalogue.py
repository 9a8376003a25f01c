"""The rule catalogue as a whole, and the bundled example judged by every rule."""

from __future__ import annotations

import json
import re

import pytest

from governance_kit.controls import unknown
from governance_kit.rules import all_rules
from tests.conftest import EXAMPLE, govkit

CONTROL = re.compile(r"^(SOC2|ISO27001|CIS|NIST):[A-Z0-9][A-Za-z0-9.()-]*$")


def test_codes_and_names_are_unique() -> None:
    rules = all_rules()
    assert len({rule.code for rule in rules}) == len(rules)
    assert len({rule.name for rule in rules}) == len(rules)


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.code)
def test_rule_is_documented(rule) -> None:  # type: ignore[no-untyped-def]
    assert re.fullmatch(r"GK\d{3}", rule.code)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    assert rule.severity in ("error", "warning", "info")
    assert rule.summary and "\n" not in rule.summary and rule.summary.endswith(".")
    paragraphs = [p for p in rule.explanation().split("\n\n") if p.strip()]
    assert len(paragraphs) >= 2, "what it finds and why, then how to fix it"


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.code)
def test_rule_names_its_controls(rule) -> None:  # type: ignore[no-untyped-def]
    assert rule.controls
    assert all(CONTROL.match(control) for control in rule.controls), rule.controls
    assert len(set(rule.controls)) == len(rule.controls)


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.code)
def test_every_control_of_a_rule_is_in_the_catalogue(rule) -> None:  # type: ignore[no-untyped-def]
    assert unknown(rule.controls) == []


@pytest.mark.parametrize("today", ["2026-11-24", "2027-12-31"])
def test_example_is_clean(today: str) -> None:
    run = govkit("check", EXAMPLE, "--today", today, "--format", "json")
    assert run.exit_code == 0, run.stdout
    report = json.loads(run.stdout)
    active = [f for f in report["findings"] if not f["waived_by"]]
    assert [f for f in active if f["severity"] != "info"] == []
    text = govkit("check", EXAMPLE, "--today", today)
    assert text.exit_code == 0
    assert " 0 errors, 0 warnings" in text.stdout
