"""Finding secrets in a file's text: a `#` that starts a comment, and one that is text.

Each case is a small YAML file with made-up tokens; the expectation is every (line, column,
kind, where) the scan reports, where is the key of the value, or None for a comment.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from governance_kit.loading import secret_scan
from governance_kit.loading.yaml_source import read_yaml

GH = "ghp_R8x2Lq9ZtV4mN7pK3wY6sB1cD5fH0jGa2eUo"
AWS = "AKIAZ7Q4M2XK9LP3TB5W"


def scan(tmp_path: Path, text: str, newline: str = "\n") -> list[tuple[int, int, str, object]]:
    path = tmp_path / "file.yaml"
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return [(s.line, s.column, s.kind, s.key) for s in read_yaml(path).scan()]


def at(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """(line, column) of the n-th `needle` in `text`, as an editor shows it."""
    offset = -1
    for _ in range(occurrence):
        offset = text.index(needle, offset + 1)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def case(name: str, text: str, *found: tuple[str, int, str, object]) -> tuple:
    """A case: each secret by its text (and which occurrence), kind and key."""
    return (name, text, [(*at(text, needle, n), kind, key) for needle, n, kind, key in found])


CASES = [
    case(
        "full-line and end-of-line comments",
        f"# {GH}\na: b  # {AWS}\n",
        (GH, 1, "GitHub token", None),
        (AWS, 1, "AWS access key", None),
    ),
    case("a '#' with no blank before it is text", f"a: b#{AWS}\n", (AWS, 1, "AWS access key", "a")),
    case(
        "quoted text with ' #' is text; the comment after it is a comment",
        f"a: 'x #{AWS}'  # {GH}\nb: \"y # {GH}\"\n",
        (AWS, 1, "AWS access key", "a"),
        (GH, 1, "GitHub token", None),
        (GH, 2, "GitHub token", "b"),
    ),
    case(
        "a block's header comment is a comment, its lines are text",
        f"a: |  # {AWS}\n  # {GH}\n  x {AWS}\nb: 1\n",
        (AWS, 1, "AWS access key", None),
        (GH, 1, "GitHub token", "a"),
        (AWS, 2, "AWS access key", "a"),
    ),
    case(
        "a comment less indented than a block ends it",
        f"k:\n  a: >\n      text\n    # {GH}\n  b: 1\n",
        (GH, 1, "GitHub token", None),
    ),
    case(
        "a flow collection and its comment",
        f"a: [x, '#{AWS}']  # pw: Fjell#2026x\n",
        (AWS, 1, "AWS access key", 1),
        ("Fjell#2026x", 1, "password", None),
    ),
    case(
        "a password key in any language, its value where it stands",
        "spec:\n  Passwort: Sommer2026\n  密码: 'Xia2026'\n",
        ("Sommer2026", 1, "plaintext credential", "Passwort"),
        ("Xia2026", 1, "plaintext credential", "密码"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_secrets_in_text_and_comments_where_they_stand(
    tmp_path: Path, text: str, expected: list, newline: str
) -> None:
    assert scan(tmp_path, text, newline) == expected


def test_comments_without_secrets_are_not_told_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Comments that hold no secret never cost a second parse of the file."""
    parses = []
    real = secret_scan._scalar_spans
    monkeypatch.setattr(secret_scan, "_scalar_spans", lambda *a: parses.append(1) or real(*a))
    lines = [f"k{n}: v  # owner ben, see the wiki #{n}" for n in range(200)]
    assert scan(tmp_path, "# policies\n" + "\n".join(lines) + "\n") == []
    assert parses == []
    assert scan(tmp_path, f"a: b  # {GH}\n") == [(1, 9, "GitHub token", None)]
    assert parses == [1]


def test_a_token_deep_in_a_long_indented_block_is_found_on_its_line(tmp_path: Path) -> None:
    lines = ["k:", "  notes: |"] + ["            x"] * 300 + [f"            {GH}", "  b: 1"]
    assert scan(tmp_path, "\n".join(lines) + "\n") == [(303, 13, "GitHub token", "notes")]
