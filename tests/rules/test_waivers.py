"""GK901 (expired waivers) and GK902 (waivers that match no finding, found by the checker)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from ruamel.yaml.comments import CommentedMap

from governance_kit.rules import rule_by_code
from tests.conftest import TODAY, edit_yaml, govkit, line_of
from tests.rules.helpers import DAY, brief, check, item, line_after

WAIVER = "w-2026-youtube-se-legacy"


@pytest.fixture(autouse=True)
def one_waiver(example: Path) -> None:
    """The example's waivers replaced by one of GK304 for an archived account (never flagged)."""
    waiver = CommentedMap(
        id=WAIVER,
        rule="GK304",
        target="youtube-sverige-legacy",
        justification="The archived channel has no login of its own.",
        approved_by="hanna",
        approved_on=date(2026, 10, 15),
        expires=date(2028, 3, 31),
    )
    edit_yaml(example / "waivers.yaml", lambda data: data["spec"].update(waivers=[waiver]))


def edit_waiver(root: Path, **changes: object) -> Path:
    path = root / "waivers.yaml"
    edit_yaml(path, lambda data: item(data, "waivers", WAIVER).update(changes))
    return path


def test_expired_waiver_points_at_its_expiry(example: Path) -> None:
    path = edit_waiver(example, expires=date(2026, 11, 1))
    [finding] = check(example, "GK901")
    assert brief([finding]) == [
        (
            "waivers.yaml",
            line_of(path, "expires: 2026-11-01"),
            "GK901",
            WAIVER,
            f"waiver '{WAIVER}' of GK304 for 'youtube-sverige-legacy' expired on 2026-11-01",
        )
    ]
    assert finding.severity == "error"


def test_waiver_expiring_today_still_applies(example: Path) -> None:
    edit_waiver(example, expires=DAY)
    assert check(example, "GK901") == []


def waive_pinterest_secret(root: Path) -> None:
    def drop_secret(data: dict) -> None:
        del item(data, "accounts", "pinterest-nordlysoutdoor")["credentials"]["secret_ref"]

    edit_yaml(root / "accounts.yaml", drop_secret)
    edit_waiver(root, target="pinterest-nordlysoutdoor")


def run(root: Path, *codes: str) -> list[tuple[str, int, str, str | None, str]]:
    result = govkit(
        "check", root, "--today", TODAY, "--select", ",".join(codes), "--format", "json"
    )
    return [
        (Path(f["path"]).name, f["line"], f["code"], f["target"], f["waived_by"] or "")
        for f in json.loads(result.stdout)["findings"]
    ]


def test_waiver_matching_a_finding_waives_it_and_is_used(example: Path) -> None:
    waive_pinterest_secret(example)
    assert run(example, "GK304", "GK902") == [
        (
            "accounts.yaml",
            line_after(example / "accounts.yaml", "- id: pinterest-nordlysoutdoor", "login_email:"),
            "GK304",
            "pinterest-nordlysoutdoor",
            WAIVER,
        )
    ]


def test_unused_waiver_is_reported_once_its_rule_ran(example: Path) -> None:
    path = example / "waivers.yaml"
    rule = rule_by_code("GK902")
    assert rule is not None and rule.severity == "info"
    result = govkit("check", example, "--today", TODAY, "--select", "GK304,GK902")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        f"{path}:{line_of(path, f'- id: {WAIVER}')}:7: info: waiver '{WAIVER}' of GK304 for "
        "'youtube-sverige-legacy' matches no finding [GK902] (hint: delete it if the risk is "
        "gone, or correct its 'rule' or 'target')"
    )


def test_waivers_of_rules_that_did_not_run_are_not_judged(example: Path) -> None:
    assert check(example, "GK902") == []


def test_waiver_of_an_unknown_rule_is_unused(example: Path) -> None:
    edit_waiver(example, rule="GK999")
    [finding] = check(example, "GK902")
    assert finding.target == WAIVER
    assert finding.message == (
        f"waiver '{WAIVER}' of GK999 for 'youtube-sverige-legacy' matches no finding"
    )


def test_expired_waivers_are_not_also_unused(example: Path) -> None:
    edit_waiver(example, expires=date(2026, 1, 5))
    assert run(example, "GK304", "GK9") == [
        (
            "waivers.yaml",
            line_of(example / "waivers.yaml", "expires: 2026-01-05"),
            "GK901",
            WAIVER,
            "",
        )
    ]


def test_settings_can_ignore_unused_waivers(example: Path) -> None:
    def ignore(data: dict) -> None:
        data["spec"]["check"]["ignore"] = ["GK902"]

    edit_yaml(example / "settings.yaml", ignore)
    assert run(example, "GK304", "GK902") == []


def test_second_waiver_for_the_same_finding(example: Path) -> None:
    waive_pinterest_secret(example)

    def add(data: dict) -> None:
        copy = CommentedMap(item(data, "waivers", WAIVER))
        copy["id"] = "w-duplicate"
        data["spec"]["waivers"].insert(0, copy)

    edit_yaml(example / "waivers.yaml", add)
    found = run(example, "GK304", "GK902")
    assert [(code, target, waiver) for _, _, code, target, waiver in found] == [
        ("GK304", "pinterest-nordlysoutdoor", WAIVER),
        ("GK902", "w-duplicate", ""),
    ]
