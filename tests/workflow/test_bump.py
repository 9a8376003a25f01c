"""`govkit bump`, and the new version `review` and `handover` give what they change: only the
version lines change, the changelog gains its line, and a pull request that commits the change
passes the version rules (GK951-GK955) of `govkit check --base`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import TODAY, edit_yaml, govkit
from tests.workflow.test_editing import _changes, _snapshot

from .conftest import PolicyRepo

BRAND_SUMMARY = [
    "    Rules every draft is checked against with 'govkit post check': length and hashtag limits",
    "    per platform, UTM parameters on links, calls to action, banned and discouraged words, and",
    "    the disclosure labels accepted in each market.",
]


def test_patch_bump_moves_the_previous_summary_into_the_changelog(example: Path) -> None:
    before = _snapshot(example)
    run = govkit(
        "bump", "nordlys-brand", example, "--summary", "Typo in the tone section.", "--today", TODAY
    )
    assert run.exit_code == 0, run.stderr
    assert run.stdout == f"{example / 'brand.yaml'}: 'nordlys-brand' version 2.3.0 -> 2.3.1\n"
    after = _snapshot(example)
    assert {n for n in before if before[n] != after[n]} == {"brand.yaml"}
    assert _changes(before["brand.yaml"], after["brand.yaml"]) == [
        ("  version: 2.3.0", "  version: 2.3.1"),
        ("  effective_date: 2026-11-23", "  effective_date: 2026-11-24"),
        (BRAND_SUMMARY[0], "    Typo in the tone section."),
        (BRAND_SUMMARY[1], ""),
        (BRAND_SUMMARY[2], ""),
        ("", "    - version: 2.3.0"),
        ("", "      date: 2026-11-23"),
        ("", "      summary: >-"),
        *[("", "    " + line) for line in BRAND_SUMMARY],
    ]
    assert govkit("check", example, "--today", TODAY, "--select", "GK1").exit_code == 0


def test_major_bump_where_the_changelog_lists_the_current_version(example: Path) -> None:
    def changelog_style(data: dict) -> None:
        metadata = data["metadata"]
        del metadata["change_summary"]
        metadata["changelog"][0]["version"] = "2.1.0"
        metadata["changelog"][0]["summary"] = "Pinterest channel added."

    scope = example / "scope.yaml"
    edit_yaml(scope, changelog_style)
    before = scope.read_text(encoding="utf-8").splitlines()
    run = govkit(
        "bump",
        "nordlys-scope",
        example,
        "--major",
        "--summary",
        "X leaves scope.",
        "--today",
        TODAY,
    )
    assert run.exit_code == 0, run.stderr
    assert run.stdout.endswith("'nordlys-scope' version 2.1.0 -> 3.0.0\n")
    after = scope.read_text(encoding="utf-8").splitlines()
    assert _changes(before, after) == [
        ("  version: 2.1.0", "  version: 3.0.0"),
        ("  effective_date: 2026-10-01", "  effective_date: 2026-11-24"),
        ("", "  change_summary: X leaves scope."),
        ("", "    - version: 3.0.0"),
        ("", "      date: 2026-11-24"),
        ("", "      summary: X leaves scope."),
    ]
    assert govkit("check", example, "--today", TODAY, "--select", "GK1").exit_code == 0


def test_minor_bump(example: Path) -> None:
    run = govkit("bump", "nordlys-people", example, "--minor", "--summary", "New role.")
    assert run.exit_code == 0, run.stderr
    assert run.stdout.endswith("'nordlys-people' version 3.2.0 -> 3.3.0\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("nordlys-brand", "--major", "--minor", "--summary", "x"),
            "govkit: error: --major and --minor cannot be given together "
            "(hint: give one of --major, --minor or --patch)",
        ),
        (
            ("nordlys-brand",),
            "govkit: error: --summary is required (hint: say what changed in the new version, "
            "in words a reader understands)",
        ),
        (
            ("nordlys-brand", "--summary", "  "),
            "govkit: error: --summary is required (hint: say what changed in the new version, "
            "in words a reader understands)",
        ),
        (
            ("nordlys-brnd", "--summary", "x"),
            "govkit: error: unknown policy document 'nordlys-brnd' "
            "(hint: did you mean 'nordlys-brand'?)",
        ),
        (
            ("nordlys-settings", "--summary", "x"),
            "govkit: error: 'nordlys-settings' is a Settings document, which records facts and "
            "has no owner, version or review",
        ),
    ],
)
def test_bump_usage_errors(example: Path, args: tuple[str, ...], message: str) -> None:
    before = _snapshot(example)
    run = govkit("bump", args[0], example, *args[1:], "--today", TODAY)
    assert (run.exit_code, run.stdout, run.stderr) == (2, "", message + "\n")
    assert _snapshot(example) == before


def test_review_bumps_the_patch_version_with_a_changelog_line(example: Path) -> None:
    before = _snapshot(example)
    run = govkit("review", "nordlys-brand", example, "--by", "ben", "--note", "All good.",
                 "--today", TODAY)  # fmt: skip
    assert run.exit_code == 0, run.stderr
    assert run.stderr == "'nordlys-brand' version 2.3.0 -> 2.3.1\n"
    changes = _changes(before["brand.yaml"], _snapshot(example)["brand.yaml"])
    assert ("  version: 2.3.0", "  version: 2.3.1") in changes
    assert (BRAND_SUMMARY[0], "    Reviewed by ben on 2026-11-24: All good.") in changes


def test_review_with_a_chosen_part_and_summary(example: Path) -> None:
    run = govkit("review", "nordlys-brand", example, "--by", "ben", "--bump", "minor",
                 "--summary", "Reviewed; tone section rewritten.", "--today", TODAY)  # fmt: skip
    assert run.exit_code == 0, run.stderr
    text = (example / "brand.yaml").read_text(encoding="utf-8")
    assert "  version: 2.4.0\n" in text
    assert "  change_summary: >-\n    Reviewed; tone section rewritten.\n" in text


def test_review_with_an_empty_summary_is_a_usage_error(example: Path) -> None:
    before = _snapshot(example)
    run = govkit("review", "nordlys-brand", example, "--by", "ben", "--summary", " ")
    assert (run.exit_code, run.stderr) == (
        2,
        "govkit: error: --summary is empty (hint: say what changed, or leave --summary out)\n",
    )
    assert _snapshot(example) == before


def version_check(policy_repo: PolicyRepo) -> str:
    run = govkit("check", policy_repo.policies, "--today", TODAY, "--base", "main",
                 "--select", "GK9", "--format", "json")  # fmt: skip
    return run.stdout


def codes(policy_repo: PolicyRepo) -> list[tuple[str, str]]:
    import json

    found = json.loads(version_check(policy_repo))["findings"]
    return [(f["code"], f["target"]) for f in found]


def test_a_committed_bump_passes_the_version_rules(policy_repo: PolicyRepo) -> None:
    brand = policy_repo.policies / "brand.yaml"
    edit_yaml(brand, lambda d: d["spec"]["disclosure"].__setitem__("ads_label", "#reklame"))
    policy_repo.commit("Change the ads label")
    assert codes(policy_repo) == [("GK951", "nordlys-brand")]
    run = govkit("bump", "nordlys-brand", policy_repo.policies, "--summary", "Ads label changed.",
                 "--today", TODAY)  # fmt: skip
    assert run.exit_code == 0, run.stderr
    policy_repo.commit("Bump the brand guide")
    assert codes(policy_repo) == []


def test_a_committed_review_passes_the_version_rules(policy_repo: PolicyRepo) -> None:
    run = govkit("review", "nordlys-scope", policy_repo.policies, "--by", "ana",
                 "--today", TODAY)  # fmt: skip
    assert run.exit_code == 0, run.stderr
    policy_repo.commit("Review of the scope")
    assert codes(policy_repo) == []
    assert "  version: 2.1.1\n" in (policy_repo.policies / "scope.yaml").read_text("utf-8")


HANDED_OVER = ["nordlys-accounts", "nordlys-continuity", "nordlys-moderation", "nordlys-people"]


def test_a_committed_handover_passes_the_version_rules(policy_repo: PolicyRepo) -> None:
    run = govkit("handover", "carl", policy_repo.policies, "--to", "dina", "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    assert [line for line in run.stderr.splitlines() if "version" in line] == [
        "'nordlys-accounts' version 4.3.0 -> 4.3.1",
        "'nordlys-continuity' version 2.0.1 -> 2.0.2",
        "'nordlys-moderation' version 3.1.0 -> 3.1.1",
        "'nordlys-people' version 3.2.0 -> 3.2.1",
    ]
    policy_repo.commit("Handover of carl")
    assert codes(policy_repo) == []
    people = (policy_repo.policies / "people.yaml").read_text("utf-8")
    assert "  change_summary: >-\n    Handover of carl to dina (handover-carl-2026-11-24).\n" in (
        people
    )
    check = govkit("check", policy_repo.policies, "--today", TODAY, "--select", "GK503")
    assert check.exit_code == 0, check.stdout


def test_a_handover_without_a_bump_fails_the_version_rules(policy_repo: PolicyRepo) -> None:
    run = govkit("handover", "carl", policy_repo.policies, "--to", "dina", "--bump", "none",
                 "--today", TODAY)  # fmt: skip
    assert run.exit_code == 0, run.stderr
    policy_repo.commit("Handover of carl")
    assert codes(policy_repo) == [("GK951", ident) for ident in HANDED_OVER]
