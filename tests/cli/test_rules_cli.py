"""`govkit rules`: the table of every rule, one rule explained, and unknown codes."""

from __future__ import annotations

import json
from pathlib import Path

from governance_kit import ruledocs
from governance_kit.cli.rules import rich_table
from governance_kit.ruledocs import every_rule, rule_by_code
from tests.conftest import govkit


def test_the_list_has_every_rule_in_aligned_columns() -> None:
    run = govkit("rules")
    assert run.exit_code == 0
    lines = run.stdout.splitlines()
    assert lines[0].split() == ["CODE", "NAME", "SEVERITY", "SUMMARY"]
    assert [line.split()[0] for line in lines[1:]] == [rule.code for rule in every_rule()]
    for line, rule in zip(lines[1:], every_rule(), strict=True):
        assert line.index(rule.name) == lines[0].index("NAME")
        assert line.index(rule.severity, len(rule.code) + len(rule.name)) == lines[0].index(
            "SEVERITY"
        )
        assert line[lines[0].index("SUMMARY") :] == rule.summary


def test_the_list_shows_code_name_severity_and_summary() -> None:
    lines = govkit("rules").stdout.splitlines()
    (gk101,) = [line for line in lines if line.startswith("GK101")]
    assert gk101.split(maxsplit=3) == [
        "GK101",
        "review-overdue",
        "error",
        "A policy document's review is overdue.",
    ]


def test_on_a_terminal_the_list_is_a_rich_table() -> None:
    table = rich_table()
    assert "CODE" in table.splitlines()[0]
    assert all(rule.code in table for rule in every_rule())


def test_the_list_as_json() -> None:
    run = govkit("rules", "--format", "json")
    assert run.exit_code == 0
    listed = json.loads(run.stdout)
    assert [entry["code"] for entry in listed] == [rule.code for rule in every_rule()]
    (gk102,) = [entry for entry in listed if entry["code"] == "GK102"]
    assert gk102 == {
        "code": "GK102",
        "name": "review-due-soon",
        "severity": "warning",
        "summary": "A policy document's review falls due within the due-soon window.",
        "controls": ["ISO27001:A.5.1"],
        "control_titles": {"ISO27001:A.5.1": "Policies for information security"},
        "validation": False,
        "kind": "rule",
        "needs": [],
        "explanation": rule_by_code("GK102").explanation(),
        "help_uri": "https://github.com/governance-kit/governance-kit/blob/main/docs/rules/GK102.md",
    }


def test_one_rule_explained() -> None:
    run = govkit("rules", "GK101")
    assert run.exit_code == 0
    lines = run.stdout.splitlines()
    assert lines[:6] == [
        "GK101 review-overdue",
        "Kind: rule (reported by govkit check)",
        "Severity: error",
        "Controls: ISO27001:A.5.1 (Policies for information security), "
        "SOC2:CC5.3 (Control activities deployed through policies and procedures)",
        "Summary: A policy document's review is overdue.",
        "",
    ]
    assert "\n".join(lines[6:-2]) == rule_by_code("GK101").explanation()
    assert lines[-1] == f"More: {ruledocs.help_uri(rule_by_code('GK101'))}"


def test_a_rule_by_name_or_lower_case_code() -> None:
    expected = govkit("rules", "GK101").stdout
    assert govkit("rules", "review-overdue").stdout == expected
    assert govkit("rules", "gk101").stdout == expected


def test_a_validation_rule_names_its_controls_with_titles() -> None:
    lines = govkit("rules", "GK001").stdout.splitlines()
    assert lines[:4] == [
        "GK001 invalid-yaml",
        "Kind: validation (reported by govkit validate and govkit check)",
        "Severity: error",
        "Controls: SOC2:CC8.1 (Changes are authorised, documented, tested and approved), "
        "ISO27001:A.5.36 (Compliance with policies, rules and standards)",
    ]


def test_an_unknown_code_suggests_the_closest() -> None:
    run = govkit("rules", "GK1O1")
    assert run.exit_code == 2
    assert run.stdout == ""
    assert run.stderr == "govkit: error: unknown rule 'GK1O1' (hint: did you mean GK101?)\n"


def test_an_unknown_name_suggests_the_closest() -> None:
    run = govkit("rules", "review-overdu")
    assert run.exit_code == 2
    assert run.stderr == (
        "govkit: error: unknown rule 'review-overdu' (hint: did you mean review-overdue?)\n"
    )


def test_nothing_close_points_at_the_list() -> None:
    run = govkit("rules", "xyzzy")
    assert run.exit_code == 2
    assert run.stderr == (
        "govkit: error: unknown rule 'xyzzy' (hint: run 'govkit rules' to list them)\n"
    )


def test_export_docs_writes_the_pages(tmp_path: Path) -> None:
    target = tmp_path / "rules"
    run = govkit("rules", "--export-docs", target)
    assert run.exit_code == 0
    expected = ruledocs.pages()
    assert sorted(p.name for p in target.iterdir()) == sorted(expected)
    assert run.stdout.splitlines() == [str(target / name) for name in expected]
    for name, content in expected.items():
        assert (target / name).read_text(encoding="utf-8") == content


def test_a_draft_rule_is_listed_and_explained() -> None:
    listed = govkit("rules").stdout.splitlines()
    drafts = [line for line in listed if line.startswith("GKP")]
    assert drafts[-1].split(maxsplit=3) == [
        "GKP13",
        "draft-contains-secret",
        "error",
        "The draft holds what looks like a password, token or key.",
    ]
    lines = govkit("rules", "gkp01").stdout.splitlines()
    assert lines[:6] == [
        "GKP01 post-too-long",
        "Kind: draft rule (reported by govkit post check)",
        "Severity: error",
        "Controls: none",
        "Summary: The post is empty or longer than the platform's limit.",
        "",
    ]
    assert lines[-1] == f"More: {ruledocs.help_uri(rule_by_code('GKP01'))}"
    assert lines[-1].endswith("/docs/rules/GKP01.md")
    assert govkit("rules", "GKP1").stderr == (
        "govkit: error: unknown rule 'GKP1' (hint: did you mean GKP01?)\n"
    )


def test_a_rule_shows_the_kinds_it_needs_valid() -> None:
    lines = govkit("rules", "GK203").stdout.splitlines()
    assert lines[5:7] == [
        "Reads: spec.check.leaving_horizon_days in Settings",
        "Needs valid: AccountRegistry, People",
    ]
    assert not any(
        line.startswith("Needs valid:") for line in govkit("rules", "GK101").stdout.splitlines()
    )


def test_the_json_list_names_the_kinds_a_rule_needs() -> None:
    listed = json.loads(govkit("rules", "--format", "json").stdout)
    needs = {entry["code"]: entry["needs"] for entry in listed}
    assert needs["GK203"] == ["AccountRegistry", "People"]
    assert needs["GK801"] == ["ApprovalFlow", "People"]
    assert needs["GKP01"] == []
