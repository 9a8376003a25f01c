"""--select and --ignore name known rules: a typo is a usage error, never a green run."""

from __future__ import annotations

import pytest

from governance_kit.checker import select_rules
from tests.conftest import TODAY, govkit


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--select", "GK3O5", "--select: unknown rule code 'GK3O5' (hint: did you mean GK305?)"),
        (
            "--select",
            "GK101,GK3O5",
            "--select: unknown rule code 'GK3O5' (hint: did you mean GK305?)",
        ),
        ("--ignore", "GK1O1", "--ignore: unknown rule code 'GK1O1' (hint: did you mean GK101?)"),
        ("--select", "GK9x", "--select: unknown rule code 'GK9x' (hint: did you mean GK209?)"),
        (
            "--select",
            "GKP01",
            "--select: unknown rule code 'GKP01' (hint: GKP01 is a rule of 'govkit post check')",
        ),
        (
            "--select",
            "XYZ",
            "--select: unknown rule code 'XYZ' (hint: run 'govkit rules' to list them)",
        ),
    ],
)
def test_an_unknown_code_is_a_usage_error(option: str, value: str, message: str) -> None:
    run = govkit("check", "policies", "--today", TODAY, option, value)
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == f"govkit: error: {message}\n"


@pytest.mark.parametrize(
    ("value", "rules"),
    [
        ("GK3", "14 rules"),
        ("GK", f"{len(select_rules())} rules"),
        ("gk305", "1 rule"),
        ("owner-leaving", "1 rule"),
        ("GK0", "0 rules"),
    ],
)
def test_prefixes_and_names_that_match_a_rule_still_select(value: str, rules: str) -> None:
    run = govkit("check", "policies", "--today", TODAY, "--select", value)
    assert run.exit_code == 0
    assert run.stdout.splitlines()[-1].endswith(f"({rules}, today {TODAY})")
