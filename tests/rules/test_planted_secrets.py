"""Thousands of planted credentials of every shape, each reported by GK305 where it stands.

500 distinct tokens of every shape (tests/planted_secrets.py) go into a copy of the example
policies: into every free-text field, into every field of every kind, under password-like keys
in several languages, into block scalars (where a line starting with `#` is text, not a
comment) and into comments at the end of lines and on lines of their own. `govkit check` must
report exactly the planted lines and columns, and print none of the tokens.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import (
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from tests.conftest import TODAY, govkit
from tests.planted_secrets import PASSWORD_KEYS, SHAPES, samples, secret_part

PER_SHAPE = 500


@functools.cache
def tokens() -> list[str]:
    """The planted tokens; made when a test first needs them, not when the module is collected
    (every parallel worker collects every module)."""
    return [token for _, token in samples(PER_SHAPE, seed=2026)]


FINDING = re.compile(
    r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<column>\d+): \w+: .*\[(?P<code>GK\d+)\]"
)
WINDOW = 12

Planted = set[tuple[str, int, int]]


def dumper() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def walk(node: Any, change: Callable[[Any, Any, Any], None]) -> None:
    """`change(container, key, value)` for every scalar in a round-trip document."""
    items = list(node.items()) if isinstance(node, dict) else list(enumerate(node))
    for key, value in items:
        if isinstance(value, dict | list):
            walk(value, change)
        else:
            change(node, key, value)


def free_text(tokens: Iterator[str]) -> Callable[[Any, Any, Any], None]:
    """Every text with a space in it gets a token; block texts get lines of tokens, one of
    them starting with '#' (text inside a block, not a comment)."""

    def change(node: Any, key: Any, value: Any) -> None:
        if isinstance(value, LiteralScalarString | FoldedScalarString):
            lines = [str(value).rstrip("\n"), next(tokens), f"# not a comment: {next(tokens)}"]
            node[key] = LiteralScalarString("\n".join(lines) + "\n")
        elif isinstance(value, str) and " " in value and key != "title":
            node[key] = f"{value} {next(tokens)}"

    return change


def every_field(tokens: Iterator[str]) -> Callable[[Any, Any, Any], None]:
    """Every value of every field becomes a token (ids, dates, levels, numbers and texts)."""

    def change(node: Any, key: Any, value: Any) -> None:
        if key not in ("apiVersion", "kind"):
            node[key] = quoted(next(tokens))

    return change


def password_keys(data: Any, tokens: Iterator[str], keys: Iterator[str]) -> None:
    """A password-like key with a token in every mapping; `credentials` (whose secret_ref
    already holds a token) gets an extra `password`."""
    mappings = []
    walk_mappings(data, mappings.append)
    for mapping in mappings:
        if "secret_ref" in mapping:
            mapping["password"] = quoted(next(tokens))
        else:
            mapping[next(keys)] = quoted(next(tokens))


def quoted(token: str) -> str:
    """Tokens with a ':' in quotes: ruamel.yaml writes them plain in a flow mapping, which
    YAML 1.1 parsers (libyaml) reject."""
    return SingleQuotedScalarString(token) if ":" in token else token


def walk_mappings(node: Any, found: Callable[[Any], None]) -> None:
    if isinstance(node, dict):
        found(node)
    for value in (
        node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
    ):
        walk_mappings(value, found)


def comments(text: str, tokens: Iterator[str], head: int) -> str:
    """A comment with a token at the end of every line, and `head` comment lines on top."""
    lines = [
        f"{line}  # note {next(tokens)}" if line.strip() else line for line in text.splitlines()
    ]
    top = [f"# {next(tokens)}" for _ in range(head)]
    return "\n".join(top + lines) + "\n"


def plant(root: Path, change: Callable[[Iterator[str]], Callable], keys: bool) -> Planted:
    """Plant every token in the policies under `root`; where each secret stands."""
    files = sorted(root.glob("*.yaml"))
    source = iter(tokens())
    names = itertools.cycle(PASSWORD_KEYS)
    yaml = dumper()
    taken: dict[Path, list[str]] = {}
    for path in files:
        taken[path] = []
        stream = recording(source, taken[path])
        data = yaml.load(path)
        walk(data, change(stream))
        if keys:
            password_keys(data["spec"], stream, names)
        with path.open("w", encoding="utf-8") as handle:
            yaml.dump(data, handle)
        path.write_text(comments(path.read_text(encoding="utf-8"), stream, 0), encoding="utf-8")
    rest = list(source)
    share = -(-len(rest) // len(files))
    for index, path in enumerate(files):
        extra = rest[index * share : (index + 1) * share]
        taken[path] += extra
        text = "\n".join(f"# {token}" for token in extra)
        path.write_text(text + "\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    return where_planted(taken)


def recording(source: Iterator[str], taken: list[str]) -> Iterator[str]:
    """The tokens of `source`, each added to `taken` as it is handed out."""
    for token in source:
        taken.append(token)
        yield token


def where_planted(taken: dict[Path, list[str]]) -> Planted:
    """(file, line, column) of the secret in each token planted in each file."""
    planted: Planted = set()
    for path, planted_here in taken.items():
        text = path.read_text(encoding="utf-8")
        for token in planted_here:
            at = text.find(token)
            if at < 0:
                continue
            line = text.count("\n", 0, at) + 1
            before = text[text.rfind("\n", 0, at) + 1 : at]
            key = KEY.search(before)
            start = 0 if key and whole_value(key.group(1), token) else secret_offset(token)
            planted.add((path.name, line, len(before) + start + 1))
    return planted


KEY = re.compile(r"(?:^\s*(?:-\s+)*|[{,]\s*)([^{},:]+?):\s+['\"]?$")
REFERENCE = re.compile(r"^[a-z][a-z0-9+.-]*://\S+$")


def whole_value(key: str, token: str) -> bool:
    """Whether the whole value is the secret: a password key's value that is no reference."""
    if REFERENCE.match(token):
        return False
    if key == "secret_ref":
        return not any(c.isspace() for c in token)
    return key in PASSWORD_KEYS


def secret_offset(token: str) -> int:
    return token.index(secret_part(token))


def reported(output: str, code: str = "GK305") -> Planted:
    found: Planted = set()
    for line in output.splitlines():
        match = FINDING.match(line)
        if match and match["code"] == code:
            found.add((Path(match["file"]).name, int(match["line"]), int(match["column"])))
    return found


def leaked(output: str) -> list[str]:
    """Planted secrets that appear in the output, even in part: 12 characters from the
    middle of the secret (the end of the token for private keys, whose header is shared)."""
    windows = {output[i : i + WINDOW] for i in range(len(output) - WINDOW + 1)}
    return [token for token in tokens() if piece(token) in windows]


def piece(token: str) -> str:
    if token.startswith("-----BEGIN"):
        return token[-WINDOW:]
    secret = secret_part(token)
    middle = max(0, len(secret) // 2 - WINDOW // 2)
    return secret[middle : middle + WINDOW]


def test_every_shape_is_planted_often() -> None:
    assert len(set(tokens())) == len(tokens()) == PER_SHAPE * len(SHAPES)
    assert len(SHAPES) == 28


@pytest.mark.parametrize("today", [TODAY, "2027-12-31"])
def test_secrets_in_free_text_block_text_and_comments_are_each_reported(
    example: Path, today: str
) -> None:
    planted = plant(example, free_text, keys=False)
    run = govkit("check", example, "--today", today)
    assert run.exit_code == 1
    assert len(planted) == len(tokens())
    assert {(n, line) for n, line, _ in reported(run.stdout)} == {
        (n, line) for n, line, _ in planted
    }
    assert reported(run.stdout) == planted
    assert leaked(run.stdout + run.stderr) == []


def test_secrets_in_every_field_and_under_password_keys_are_each_reported(example: Path) -> None:
    planted = plant(example, every_field, keys=True)
    run = govkit("check", example, "--today", TODAY)
    assert run.exit_code == 2
    assert len(planted) == len(tokens())
    assert reported(run.stdout) == planted
    assert "GK002" in run.stdout
    assert leaked(run.stdout + run.stderr) == []
