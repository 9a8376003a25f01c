"""Invalid documents and broken references: exact file, line, column and message."""

from __future__ import annotations

from pathlib import Path

from governance_kit.loading.repository import load_repository
from tests.conftest import edit_yaml, govkit, line_of


def findings_of(path: Path) -> list[tuple[str, int, str, str, str | None]]:
    return [
        (f.path.name, f.line, f.code, f.message, f.hint) for f in load_repository(path).findings
    ]


def test_example_policies_are_valid() -> None:
    run = govkit("validate", "policies")
    assert (run.exit_code, run.stdout) == (0, "")
    assert run.stderr.startswith("policies: ")
    assert run.stderr.endswith(" documents valid\n")


def test_unknown_field_with_did_you_mean(example: Path) -> None:
    accounts = example / "accounts.yaml"
    text = accounts.read_text(encoding="utf-8")
    accounts.write_text(text.replace("backup_owner:", "bakup_owner:", 1), encoding="utf-8")
    line = line_of(accounts, "bakup_owner:")
    column = accounts.read_text().splitlines()[line - 1].index("bakup_owner") + 1
    (finding,) = load_repository(example).findings
    assert (finding.path.name, finding.line, finding.column) == ("accounts.yaml", line, column)
    assert finding.message == "spec.accounts[0].bakup_owner: unknown field 'bakup_owner'"
    assert finding.hint == "did you mean 'backup_owner'?"


def test_impossible_date_and_wrong_type(example: Path) -> None:
    people = example / "people.yaml"

    def change(data):
        data["spec"]["people"][0]["start_date"] = "2026-02-30"
        data["spec"]["people"][1]["roles"] = "editor"

    edit_yaml(people, change)
    found = findings_of(example)
    assert found == [
        (
            "people.yaml",
            line_of(people, "2026-02-30"),
            "GK002",
            "spec.people[0].start_date: '2026-02-30' is not a valid date "
            "(day value is outside expected range)",
            "write dates as YYYY-MM-DD, e.g. 2026-03-31",
        ),
        (
            "people.yaml",
            line_of(people, "roles: editor"),
            "GK002",
            "spec.people[1].roles: input should be a valid list",
            None,
        ),
    ]


def test_literal_choice_with_hint(example: Path) -> None:
    accounts = example / "accounts.yaml"
    edit_yaml(accounts, lambda d: d["spec"]["accounts"][0].__setitem__("status", "actve"))
    (found,) = findings_of(example)
    assert found == (
        "accounts.yaml",
        line_of(accounts, "status: actve"),
        "GK002",
        "spec.accounts[0].status: 'actve' is not one of: active, dormant, archived",
        "did you mean 'active'?",
    )


def test_missing_field_points_at_its_mapping(example: Path) -> None:
    accounts = example / "accounts.yaml"
    edit_yaml(accounts, lambda d: d["spec"]["accounts"][0].pop("url"))
    (found,) = findings_of(example)
    first_id = line_of(accounts, "- id:")
    assert found == (
        "accounts.yaml",
        first_id,
        "GK002",
        "spec.accounts[0]: missing required field 'url'",
        None,
    )


def test_unknown_kind_and_api_version(example: Path) -> None:
    edit_yaml(example / "objectives.yaml", lambda d: d.__setitem__("kind", "Objective"))
    edit_yaml(
        example / "training.yaml", lambda d: d.__setitem__("apiVersion", "governance-kit.dev/v9")
    )
    found = findings_of(example)
    assert found == [
        (
            "objectives.yaml",
            line_of(example / "objectives.yaml", "kind: Objective"),
            "GK002",
            "unknown kind 'Objective'",
            "did you mean 'Objectives'?",
        ),
        (
            "training.yaml",
            line_of(example / "training.yaml", "apiVersion:"),
            "GK002",
            "unsupported apiVersion 'governance-kit.dev/v9'",
            "this version of governance-kit reads 'governance-kit.dev/v1'",
        ),
    ]


def test_unknown_reference_and_duplicate_id(example: Path) -> None:
    moderation = example / "moderation.yaml"
    edit_yaml(moderation, lambda d: d["spec"]["rota"]["shifts"][0].__setitem__("person", "nobody"))
    people = example / "people.yaml"
    first = None

    def duplicate(data):
        nonlocal first
        first = data["spec"]["people"][0]["id"]
        data["spec"]["people"][2]["id"] = first

    edit_yaml(people, duplicate)
    found = findings_of(example)
    lines = [line.strip() for line in people.read_text(encoding="utf-8").splitlines()]
    first_line = lines.index(f"- id: {first}") + 1
    messages = [(name, code, message) for name, _, code, message, _ in found]
    assert ("moderation.yaml", "GK003", "unknown person 'nobody'") in messages
    assert (
        "people.yaml",
        "GK003",
        f"duplicate person id '{first}' (first defined in people.yaml:{first_line})",
    ) in messages
    shift_line = line_of(moderation, "person: nobody")
    assert ("moderation.yaml", shift_line) in [(n, line) for n, line, *_ in found]


def test_every_file_is_checked_when_one_is_broken(example: Path) -> None:
    (example / "scope.yaml").write_text("kind: [\n", encoding="utf-8")
    edit_yaml(
        example / "accounts.yaml", lambda d: d["spec"]["accounts"][1].__setitem__("status", "gone")
    )
    names = sorted(f.path.name for f in load_repository(example).findings)
    assert names == ["accounts.yaml", "scope.yaml"]
