"""docs/security.md backs every claim with a named test: each one it names exists."""

from __future__ import annotations

import re

from tests.conftest import ROOT

_REFERENCE = re.compile(r"`(tests/[\w/]+\.py)?(::\w+)?")


def named_tests() -> list[tuple[str, str | None]]:
    """(test file, test function or None) for every test docs/security.md names, in order;
    a bare `::name` belongs to the file named last before it."""
    text = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    named, current = [], None
    for match in _REFERENCE.finditer(text):
        path, name = match.groups()
        if path:
            current = path
        if path or name:
            named.append((current, name[2:] if name else None))
    return named


def test_security_doc_names_tests() -> None:
    assert len(named_tests()) >= 50


def test_every_test_the_security_doc_names_exists() -> None:
    missing = []
    for path, name in named_tests():
        assert path is not None, f"'::{name}' is named before any test file"
        source = ROOT / path
        if not source.is_file():
            missing.append(path)
        elif name and not re.search(rf"^def {name}\(", source.read_text(), re.MULTILINE):
            missing.append(f"{path}::{name}")
    assert missing == []
