"""`govkit post check --select/--ignore`: the selection and the usage errors of `govkit check`,
and the Settings' ignore list, all through the one engine."""

from __future__ import annotations

import json

import pytest

from tests.conftest import TODAY, edit_yaml
from tests.drafts.conftest import Drafts, front

# GKP08 (no call to action) at 5:1 and GKP02 (banned phrase) at 5:18
TEXT = front() + "Ny jakke. Vår er miljøvennlig."


def test_without_options_both_rules_find(drafts: Drafts) -> None:
    assert [code for code, *_ in drafts.findings(TEXT)] == ["GKP08", "GKP02"]


def test_select_runs_only_the_rules_selected(drafts: Drafts) -> None:
    assert [code for code, *_ in drafts.findings(TEXT, "--select", "GKP02")] == ["GKP02"]
    run = drafts.check(TEXT, "--select", "GKP0")
    assert run.stdout.splitlines()[-1] == (
        "draft.md: 2 errors, 0 warnings, 0 info (account instagram-nordlysoutdoor on instagram, "
        f"9 rules, today {TODAY})"
    )


def test_ignore_skips_rules_by_code_or_name(drafts: Drafts) -> None:
    assert [code for code, *_ in drafts.findings(TEXT, "--ignore", "GKP08")] == ["GKP02"]
    run = drafts.check(TEXT, "--ignore", "banned-phrase,GKP08")
    assert (run.exit_code, run.stdout.splitlines()[-1]) == (
        0,
        "draft.md: 0 errors, 0 warnings, 0 info (account instagram-nordlysoutdoor on instagram, "
        f"11 rules, today {TODAY})",
    )


def test_json_lists_the_rules_that_ran(drafts: Drafts) -> None:
    run = drafts.check(TEXT, "--select", "GKP02,GKP11", "--format", "json")
    assert json.loads(run.stdout)["rules"] == ["GKP02", "GKP11"]


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--select", "GKP0x", "--select: unknown rule code 'GKP0x' (hint: did you mean GKP01?)"),
        (
            "--ignore",
            "GKP02,post-to-long",
            "--ignore: unknown rule code 'post-to-long' (hint: did you mean post-too-long?)",
        ),
        (
            "--select",
            "GK101",
            "--select: unknown rule code 'GK101' (hint: GK101 is a rule of 'govkit check')",
        ),
        (
            "--select",
            "XYZ",
            "--select: unknown rule code 'XYZ' (hint: run 'govkit rules' to list them)",
        ),
    ],
)
def test_an_unknown_code_is_a_usage_error(
    drafts: Drafts, option: str, value: str, message: str
) -> None:
    run = drafts.check(TEXT, option, value)
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == f"govkit: error: {message}\n"


def test_the_settings_ignore_list_applies_to_draft_rules(own_drafts: Drafts) -> None:
    edit_yaml(
        own_drafts.policies / "settings.yaml",
        lambda data: data["spec"]["check"]["ignore"].append("GKP02"),
    )
    assert [code for code, *_ in own_drafts.findings(TEXT)] == ["GKP08"]
