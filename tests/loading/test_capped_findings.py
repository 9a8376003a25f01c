"""A file with very many problems: the first 100 are told, then how many more; lists longer
than a validation slice are judged exactly as a whole list would be."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from governance_kit.checker import select_rules
from governance_kit.loading.documents import Document, load_document
from governance_kit.loading.repository import load_repository
from governance_kit.loading.validation import CHUNK
from governance_kit.loading.yaml_source import UnreadableYaml, read_yaml
from governance_kit.model.accounts import Account
from tests.conftest import ROOT, TODAY, govkit

sys.path.insert(0, str(ROOT / "benchmarks"))

from invalid_list import HEADER, HEADER_LINES, write_registry

RULES = len(select_rules())
NOT_AN_ACCOUNT = "input should be a valid dictionary or instance of Account"
MORE_HINT = "(hint: fix the problems above and check again to see the rest)"


def test_twenty_thousand_invalid_items_give_a_hundred_lines_and_a_count(tmp_path: Path) -> None:
    path = write_registry(tmp_path / "accounts.yaml", 20_000)
    run = govkit("check", tmp_path, "--today", TODAY)
    assert run.exit_code == 2
    # the other lines say which kinds are missing (GK003) and which rules could not run (GK004)
    lines = [
        line for line in run.stdout.splitlines() if line.startswith(f"{path}:") and "GK002" in line
    ]
    assert len(lines) == 101
    first = HEADER_LINES + 1
    assert lines[0] == f"{path}:{first}:5: error: spec.accounts[0]: {NOT_AN_ACCOUNT} [GK002]"
    assert lines[99] == f"{path}:{first + 99}:5: error: spec.accounts[99]: {NOT_AN_ACCOUNT} [GK002]"
    assert lines[100] == (
        f"{path}:{first + 100}:5: error: and 19,900 more problems in this file [GK002] {MORE_HINT}"
    )
    assert run.stdout.splitlines()[-1].startswith(f"{tmp_path}: 108 errors, 0 warnings, 8 info")


def test_the_count_is_in_every_format(tmp_path: Path) -> None:
    write_registry(tmp_path / "accounts.yaml", 20_000)
    run = govkit("check", tmp_path, "--today", TODAY, "--format", "json")
    findings = [f for f in json.loads(run.stdout)["findings"] if f["code"] == "GK002"]
    assert len(findings) == 101
    assert findings[-1]["message"] == "and 19,900 more problems in this file"
    assert findings[-1]["code"] == "GK002"


def test_a_hundred_problems_are_all_told(tmp_path: Path) -> None:
    write_registry(tmp_path / "accounts.yaml", 100)
    findings = [f for f in load_repository(tmp_path).findings if f.code == "GK002"]
    assert len(findings) == 100
    assert findings[-1].message == f"spec.accounts[99]: {NOT_AN_ACCOUNT}"


def test_one_more_problem_is_singular(tmp_path: Path) -> None:
    write_registry(tmp_path / "accounts.yaml", 101)
    findings = [f for f in load_repository(tmp_path).findings if f.code == "GK002"]
    assert len(findings) == 101
    assert (findings[-1].line, findings[-1].message) == (
        HEADER_LINES + 101,
        "and 1 more problem in this file",
    )


def _account(index: int) -> str:
    return (
        f"  - id: acct-{index}\n    platform: instagram\n    channel: main\n"
        f"    handle: '@a{index}'\n    url: https://example.org/{index}\n    purpose: p\n"
        "    status: active\n    credentials:\n      mfa: true\n"
    )


def test_a_long_list_is_judged_item_by_item_as_a_whole(tmp_path: Path) -> None:
    items = 2 * CHUNK + 500
    wrong = {5: "  - 5\n", CHUNK + 1: "  - true\n", 2 * CHUNK + 499: "  - oops\n"}
    text = HEADER + "".join(wrong.get(i, _account(i)) for i in range(items))
    path = tmp_path / "accounts.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_document(read_yaml(path, text))
    assert not isinstance(loaded, Document)
    lines = text.splitlines()
    assert [(f.line, f.column, f.message) for f in loaded] == [
        (
            lines.index(wrong[i].rstrip("\n"), HEADER_LINES) + 1,
            5,
            f"spec.accounts[{i}]: {NOT_AN_ACCOUNT}",
        )
        for i in sorted(wrong)
    ]


def test_a_long_valid_list_makes_one_document_of_validated_accounts(tmp_path: Path) -> None:
    items = CHUNK + 1
    text = HEADER + "".join(_account(i) for i in range(items))
    loaded = load_document(read_yaml(tmp_path / "accounts.yaml", text))
    assert isinstance(loaded, Document)
    accounts = loaded.model.spec.accounts
    assert len(accounts) == items
    assert all(isinstance(account, Account) for account in accounts)
    assert [accounts[0].id, accounts[-1].id] == ["acct-0", f"acct-{CHUNK}"]


def test_a_problem_beside_a_long_valid_list_is_found(tmp_path: Path) -> None:
    text = HEADER.replace("  title: Accounts\n", "  title: Accounts\n  colour: red\n") + "".join(
        _account(i) for i in range(CHUNK + 1)
    )
    loaded = load_document(read_yaml(tmp_path / "accounts.yaml", text))
    assert not isinstance(loaded, Document)
    assert [(f.line, f.message, f.hint) for f in loaded] == [
        (
            6,
            "metadata.colour: unknown field 'colour'",
            "allowed fields: id, title, description, owner, version, status, effective_date, "
            "review, approved_by, approved_on, change_summary, changelog, classification, "
            "applies_to_roles",
        )
    ]


@pytest.mark.parametrize(("indent", "where"), [("  ", "spec."), ("", "")])
def test_a_long_mapping_of_unknown_keys_is_capped_too(
    tmp_path: Path, indent: str, where: str
) -> None:
    keys = "".join(f"{indent}k{i}: 1\n" for i in range(20_000))
    path = tmp_path / "accounts.yaml"
    path.write_text(HEADER.replace("  accounts:\n", "  accounts: []\n" + keys), encoding="utf-8")
    findings = [f for f in load_repository(tmp_path).findings if f.code == "GK002"]
    assert len(findings) == 101
    assert [(f.line, f.message) for f in findings[:2]] == [
        (HEADER_LINES + 1, f"{where}k0: unknown field 'k0'"),
        (HEADER_LINES + 2, f"{where}k1: unknown field 'k1'"),
    ]
    assert findings[-1].message == "and 19,900 more problems in this file"


def test_a_long_mapping_missing_a_field_says_so_once(tmp_path: Path) -> None:
    keys = "".join(f"  k{i}: 1\n" for i in range(CHUNK + 5))
    text = HEADER.replace("  title: Accounts\n", keys)
    loaded = load_document(read_yaml(tmp_path / "accounts.yaml", text))
    assert not isinstance(loaded, Document)
    messages = [f.message for f in loaded]
    assert messages.count("metadata: missing required field 'title'") == 1
    # CHUNK + 5 unknown keys, the missing title and the empty accounts (told after the 100)
    assert messages[-1] == f"and {CHUNK + 7 - 100:,} more problems in this file"


def test_a_long_valid_mapping_keeps_every_entry(tmp_path: Path) -> None:
    extra = "".join(f"      ACME-{i}: Control {i}\n" for i in range(CHUNK + 500))
    text = (
        "apiVersion: governance-kit.dev/v1\nkind: Settings\nmetadata:\n  id: settings\n"
        f"  title: Settings\nspec:\n  controls:\n    extra:\n{extra}"
    )
    loaded = load_document(read_yaml(tmp_path / "settings.yaml", text))
    assert isinstance(loaded, Document)
    assert len(loaded.model.spec.controls.extra) == CHUNK + 500
    assert loaded.model.spec.controls.extra["ACME-1499"] == "Control 1499"


def _add_people(people: Path, count: int, role: str, prefix: str) -> None:
    text = people.read_text(encoding="utf-8")
    added = "".join(
        f"    - {{id: {prefix}{i}, name: P {i}, email: {prefix}{i}@nordlys.example, team: t, "
        f"roles: [{role}]}}\n"
        for i in range(count)
    )
    people.write_text(text.replace("  people:\n", "  people:\n" + added, 1), encoding="utf-8")


def test_broken_references_are_capped_per_file(example: Path) -> None:
    people = example / "people.yaml"
    _add_people(people, 150, "nosuch", "extra-")
    found = [f for f in load_repository(example).findings if f.path.name == "people.yaml"]
    assert len(found) == 101
    assert {f.message for f in found[:100]} == {"unknown role 'nosuch'"}
    assert (found[-1].code, found[-1].message) == ("GK003", "and 50 more problems in this file")


def test_duplicate_ids_are_capped_per_file(example: Path) -> None:
    people = example / "people.yaml"
    _add_people(people, 120, "editor", "dup-")
    _add_people(people, 120, "editor", "dup-")
    found = [f for f in load_repository(example).findings if f.path.name == "people.yaml"]
    assert len(found) == 101
    assert found[0].message.startswith("duplicate person id 'dup-")
    assert found[-1].message == "and 20 more problems in this file"


def test_reading_only_the_data_gives_the_same_data_and_the_same_errors(tmp_path: Path) -> None:
    text = "base: &b {x: 1, y: [1, 2]}\nmerged:\n  <<: *b\n  z: 3\nlist: [a, {k: v}]\n"
    full = read_yaml(tmp_path / "a.yaml", text)
    data_only = read_yaml(tmp_path / "a.yaml", text, positions=False)
    assert data_only.positions is None
    assert data_only.data == full.data
    assert data_only.locate(("merged", "x")) == full.locate(("merged", "x")) == (1, 14)
    duplicate = "a: 1\nb: 2\na: 3\n"
    with pytest.raises(UnreadableYaml) as raised:
        read_yaml(tmp_path / "d.yaml", duplicate, positions=False)
    assert (raised.value.finding.line, raised.value.finding.message) == (
        3,
        "duplicate key 'a' (first defined on line 1)",
    )
