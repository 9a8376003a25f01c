"""Malformed YAML: one exact finding per file, with line, column and hint; never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from governance_kit.loading.repository import load_repository
from tests.conftest import govkit

CASES = [
    (
        "tab.yaml",
        "kind: Settings\nspec:\n\tcheck: {}\n",
        3,
        1,
        "invalid YAML: a tab character cannot indent YAML",
        "indent with spaces",
    ),
    (
        "quote.yaml",
        'kind: Settings\nmetadata:\n  title: "Unclosed\n',
        3,
        10,
        "invalid YAML: a quoted text is not closed",
        "add the closing quote",
    ),
    (
        "bracket.yaml",
        "kind: Settings\nspec:\n  ignore: [GK101, GK102\n",
        3,
        11,
        "invalid YAML: a '[' list is not closed",
        "add the closing ']' or a missing comma",
    ),
    (
        "indent.yaml",
        "kind: Settings\nmetadata:\n  id: x\n title: y\n",
        4,
        2,
        "invalid YAML: did not find expected key (while parsing a block mapping)",
        "check the indentation: keys of one mapping start in the same column",
    ),
    (
        "two.yaml",
        "kind: Settings\n---\nkind: Settings\n",
        2,
        1,
        "invalid YAML: more than one YAML document in the file",
        "keep one document per file",
    ),
    (
        "dup.yaml",
        "kind: Settings\nmetadata:\n  id: a\n  id: b\n",
        4,
        3,
        "duplicate key 'id' (first defined on line 3)",
        "remove one of the two",
    ),
    (
        "empty.yaml",
        "# nothing here\n\n",
        1,
        1,
        "file is empty",
        "a policy file needs apiVersion, kind, metadata and spec",
    ),
    (
        "tag.yaml",
        "kind: !!python/object/apply:os.system ['echo pwned']\n",
        1,
        7,
        "YAML tag '!!python/object/apply:os.system' is not allowed",
        "policy files hold plain text, numbers, dates, lists and mappings only",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "line", "column", "message", "hint"), CASES, ids=[case[0] for case in CASES]
)
def test_malformed_yaml_is_one_precise_finding(
    tmp_path: Path, name: str, text: str, line: int, column: int, message: str, hint: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (finding,) = [f for f in load_repository(tmp_path).findings if f.path == path]
    assert (finding.path, finding.line, finding.column) == (path, line, column)
    assert (finding.code, finding.message, finding.hint) == ("GK001", message, hint)


def test_alias_bomb_is_refused_before_expansion(tmp_path: Path) -> None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for index, name in enumerate("bcdefghij"):
        previous = "abcdefghij"[index]
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    (tmp_path / "bomb.yaml").write_text("\n".join(levels) + "\n", encoding="utf-8")
    (finding,) = load_repository(tmp_path).findings
    assert finding.code == "GK001"
    assert finding.message == "aliases expand to more than 200,000 values"


def test_encodings(tmp_path: Path) -> None:
    (tmp_path / "utf16.yaml").write_bytes("kind: Settings\n".encode("utf-16"))
    (tmp_path / "latin1.yaml").write_bytes(
        "kind: Settings\nmetadata:\n  title: Bod\xf8\n".encode().replace(b"\xc3\xb8", b"\xf8")
    )
    findings = {f.path.name: f for f in load_repository(tmp_path).findings}
    assert (findings["utf16.yaml"].line, findings["utf16.yaml"].message) == (
        1,
        "file is UTF-16 encoded",
    )
    latin = findings["latin1.yaml"]
    assert (latin.line, latin.column, latin.message) == (
        3,
        13,
        "file is not valid UTF-8 (byte 0xf8)",
    )
    assert latin.hint == "save it as UTF-8"


def test_not_a_mapping(tmp_path: Path) -> None:
    (tmp_path / "list.yaml").write_text("- a\n- b\n", encoding="utf-8")
    (tmp_path / "scalar.yaml").write_text("just text\n", encoding="utf-8")
    messages = {f.path.name: f.message for f in load_repository(tmp_path).findings}
    assert messages == {
        "list.yaml": "expected a mapping with apiVersion, kind, metadata, spec; found a list",
        "scalar.yaml": "expected a mapping with apiVersion, kind, metadata, spec; "
        "found a single value (str)",
    }


def test_validate_prints_one_line_per_problem_and_exits_2(tmp_path: Path) -> None:
    (tmp_path / "tab.yaml").write_text("kind: Settings\nspec:\n\tcheck: {}\n", encoding="utf-8")
    (tmp_path / "dup.yaml").write_text("a: 1\na: 2\n", encoding="utf-8")
    run = govkit("validate", tmp_path)
    assert run.exit_code == 2
    lines = run.stdout.splitlines()
    assert lines == [
        f"{tmp_path / 'dup.yaml'}:2:1: error: duplicate key 'a' (first defined on line 1) "
        "[GK001] (hint: remove one of the two)",
        f"{tmp_path / 'tab.yaml'}:3:1: error: invalid YAML: a tab character cannot indent YAML "
        "[GK001] (hint: indent with spaces)",
    ]
    assert "Traceback" not in run.stdout + run.stderr


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    run = govkit("validate", tmp_path / "nope")
    assert run.exit_code == 2
    assert run.stderr.strip() == (
        f"govkit: error: {tmp_path / 'nope'}: no such file or directory "
        "(hint: give the folder of the policy files, e.g. policies/)"
    )
