"""Fuzzing the loader and validator with Hypothesis, bounded so it runs in the normal suite.

Random bytes, YAML-shaped text and mutated example files go through the reader and the document
validation (thousands of examples), and mutated example files through `govkit validate` and
`govkit check` (a few hundred). Nothing may raise; every output line has the finding shape.
Set GOVKIT_FUZZ_SCALE=10 (or more) to fuzz longer. A crash found here becomes a corpus case.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from governance_kit.findings import Finding
from governance_kit.loading.documents import Document, load_document
from governance_kit.loading.yaml_source import UnreadableYaml, decode, read_yaml
from tests.conftest import EXAMPLE, TODAY, govkit

from .conftest import FINDING_LINE, PROFILE, assert_no_crash, examples

pytestmark = pytest.mark.slow

SCALE = int(os.environ.get("GOVKIT_FUZZ_SCALE", "1"))
EXAMPLE_FILES = sorted(path.name for path in EXAMPLE.glob("*.yaml"))
TEXTS = {name: (EXAMPLE / name).read_text(encoding="utf-8") for name in EXAMPLE_FILES}
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
YAML_CHARACTERS = st.sampled_from(list(":-[]{},&*!|>'\"#%@`?~ \n\t\\.0123456789ab\x00é€😀\ufeff"))


def load_text(text: str) -> Document | list[Finding]:
    """Read and validate one text as a policy file; raises only on a bug."""
    path = Path("fuzz.yaml")
    try:
        return load_document(read_yaml(path, text))
    except UnreadableYaml as problem:
        return [problem.finding]


def check_findings(result: Document | list[Finding], text: str) -> None:
    if isinstance(result, Document):
        return
    lines = len(LINE_BREAK.split(text))
    for finding in result:
        assert finding.message and "\n" not in finding.message
        assert 1 <= finding.line <= lines, (finding, lines)
        assert finding.column >= 1
        assert finding.code in ("GK001", "GK002")


@st.composite
def mutated(draw: st.DrawFn, names: list[str] = EXAMPLE_FILES) -> tuple[str, str]:
    """An example file with one to three line or character mutations."""
    name = draw(st.sampled_from(names))
    lines = TEXTS[name].splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 3))):
        if lines:
            lines = draw(_mutation(lines))
    return name, "".join(lines)


def _mutation(lines: list[str]) -> st.SearchStrategy[list[str]]:
    count = len(lines)
    index = st.integers(0, max(0, count - 1))

    def delete(i: int) -> list[str]:
        return lines[:i] + lines[i + 1 :]

    def duplicate(i: int) -> list[str]:
        return lines[: i + 1] + lines[i:]

    def swap(pair: tuple[int, int]) -> list[str]:
        changed = list(lines)
        a, b = pair
        changed[a], changed[b] = changed[b], changed[a]
        return changed

    def indent(change: tuple[int, int]) -> list[str]:
        i, by = change
        line = lines[i]
        line = " " * by + line if by > 0 else line[min(-by, len(line) - len(line.lstrip(" "))) :]
        return [*lines[:i], line, *lines[i + 1 :]]

    def insert(change: tuple[int, int, str]) -> list[str]:
        i, at, text = change
        line = lines[i]
        at = min(at, len(line))
        return [*lines[:i], line[:at] + text + line[at:], *lines[i + 1 :]]

    def truncate(at: int) -> list[str]:
        return list("".join(lines)[:at].splitlines(keepends=True))

    return st.one_of(
        index.map(delete),
        index.map(duplicate),
        st.tuples(index, index).map(swap),
        st.tuples(index, st.integers(-6, 6)).map(indent),
        st.tuples(index, st.integers(0, 80), st.text(YAML_CHARACTERS, max_size=8)).map(insert),
        st.tuples(index, st.integers(0, 80), st.text(max_size=8)).map(insert),
        st.integers(0, sum(len(line) for line in lines)).map(truncate),
    )


@settings(PROFILE, max_examples=examples(1000 * SCALE))
@given(st.binary(max_size=300))
def test_random_bytes_never_crash_the_reader(raw: bytes) -> None:
    path = Path("fuzz.yaml")
    try:
        text = decode(raw, path)
    except UnreadableYaml as problem:
        assert problem.finding.code == "GK001"
        return
    check_findings(load_text(text), text)


@settings(PROFILE, max_examples=examples(2000 * SCALE))
@given(st.text(YAML_CHARACTERS, max_size=200) | st.text(max_size=100))
def test_yaml_shaped_text_never_crashes_the_loader(text: str) -> None:
    check_findings(load_text(text), text)


@settings(PROFILE, max_examples=examples(1000 * SCALE))
@given(mutated())
def test_mutated_example_files_never_crash_the_loader(case: tuple[str, str]) -> None:
    _, text = case
    check_findings(load_text(text), text)


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    """One copy of the example policies, restored after every example."""
    with tempfile.TemporaryDirectory() as folder:
        policies = Path(folder) / "policies"
        shutil.copytree(EXAMPLE, policies)
        yield policies


@settings(PROFILE, max_examples=examples(100 * SCALE))
@given(case=mutated())
def test_mutated_repository_never_crashes_validate_or_check(
    scratch: Path, case: tuple[str, str]
) -> None:
    name, text = case
    target = scratch / name
    target.write_text(text, encoding="utf-8")
    try:
        validate = govkit("validate", scratch)
        check = govkit("check", scratch, "--today", TODAY)
        sarif = govkit("check", scratch, "--today", TODAY, "--format", "sarif")
        for run in (validate, check, sarif):
            assert_no_crash(run)
            assert run.exit_code in (0, 1, 2)
        assert all(FINDING_LINE.match(line) for line in validate.stdout.splitlines())
        lines = check.stdout.splitlines()
        assert all(FINDING_LINE.match(line) for line in lines[:-1])
        assert lines[-1].startswith(f"{scratch}: ")
    finally:
        target.write_text(TEXTS[name], encoding="utf-8")
