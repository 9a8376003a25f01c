"""Fuzzing dates, intervals, durations, day counts, --today and file names through the command
line (in-process): whatever the values, every command answers with findings or one usage line,
exit code 0, 1 or 2, never a traceback or an internal error."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLE, TODAY, Run, govkit

from .conftest import PROFILE, assert_no_crash, examples

pytestmark = pytest.mark.slow

DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
INTERVAL = re.compile(r"(?:interval|_review|_every|refresh): (\S+)")
DURATION = re.compile(r"(?:first_response|within|turnaround): (\S+)")
DAYS = re.compile(r"_days: (\d+)")
DRAFT = "---\naccount: x-nordlyssupport\nauthor: erik\n---\nHei! Vi svarer i dag.\n"

EDGE_DATES = ("0001-01-01", "1899-12-31", "1900-01-01", "1969-12-31", "1970-01-01")
EDGE_DATES += ("9000-12-31", "9001-01-01", "9999-12-31", "0000-01-01", "10000-01-01")
dates = st.one_of(
    st.sampled_from(EDGE_DATES),
    st.dates(dt.date.min, dt.date.max).map(dt.date.isoformat),
    st.integers(0, 99_999).map(lambda year: f"{year:04d}-12-31"),
    st.from_regex(r"\A\d{1,6}-\d{1,2}-\d{1,2}\Z"),
)
intervals = st.one_of(
    st.sampled_from(["P9999Y", "P99999999D", "P100Y", "P1200M", "P1200M1D", "P36525D", "P9999W"]),
    st.from_regex(r"\AP(\d{1,12}Y)?(\d{1,12}M)?(\d{1,12}W)?\d{1,12}D\Z"),
    st.from_regex(r"\AP\d{1,12}[YMWD]\Z"),
)
durations = st.one_of(
    st.sampled_from(["P99999999D", "PT99999999999H", "P36525D", "P36526D"]),
    st.from_regex(r"\AP(\d{1,12}D)?T\d{1,12}H\Z|\AP\d{1,12}D\Z"),
)
days = st.one_of(
    st.sampled_from([10**20, 36_525, 36_526, 2_932_897, 0, -1]),
    st.integers(-(10**30), 10**30),
).map(str)
names = st.text(
    st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)),
    min_size=1,
    max_size=40,
)


def assert_answered(run: Run) -> None:
    assert run.exit_code in (0, 1, 2), (run.exit_code, run.stdout[-1000:], run.stderr[-1000:])
    assert_no_crash(run)
    assert "internal error" not in run.stdout + run.stderr


@pytest.fixture(scope="module")
def policies(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the example for the whole module; each example restores what it changed."""
    target = tmp_path_factory.mktemp("bounds") / "policies"
    shutil.copytree(EXAMPLE, target)
    return target


class Changed:
    """A file of `policies` with the value (group 1) of the n-th match of `pattern` replaced,
    restored on exit."""

    def __init__(self, policies: Path, pattern: re.Pattern[str], index: int, value: str) -> None:
        self.policies, self.pattern, self.index, self.value = policies, pattern, index, value

    def __enter__(self) -> None:
        places = [
            (path, match)
            for path in sorted(self.policies.glob("*.yaml"))
            for match in self.pattern.finditer(path.read_text(encoding="utf-8"))
        ]
        self.path, match = places[self.index % len(places)]
        self.original = self.path.read_text(encoding="utf-8")
        start, end = match.span(1)
        changed = self.original[:start] + self.value + self.original[end:]
        self.path.write_text(changed, encoding="utf-8")

    def __exit__(self, *_: object) -> None:
        self.path.write_text(self.original, encoding="utf-8")


def run_commands(policies: Path, today: str) -> Iterator[Run]:
    yield govkit("validate", policies)
    yield govkit("check", policies, "--today", today)
    yield govkit("calendar", policies, "--today", today, "--out", policies.parent / "x.ics")


@settings(PROFILE, max_examples=examples(60))
@given(st.integers(0, 10_000), dates, dates)
def test_any_date_in_any_field(policies: Path, index: int, value: str, today: str) -> None:
    with Changed(policies, DATE, index, value):
        for run in run_commands(policies, today):
            assert_answered(run)


@settings(PROFILE, max_examples=examples(60))
@given(st.sampled_from([INTERVAL, DURATION, DAYS]), st.integers(0, 10_000), st.data())
def test_any_interval_duration_or_day_count(
    policies: Path, pattern: re.Pattern[str], index: int, data: st.DataObject
) -> None:
    value = data.draw({INTERVAL: intervals, DURATION: durations, DAYS: days}[pattern])
    with Changed(policies, pattern, index, value):
        for run in run_commands(policies, "9000-12-31"):
            assert_answered(run)


@settings(PROFILE, max_examples=examples(40))
@given(names)
def test_any_file_name(policies: Path, name: str) -> None:
    moved = policies / f"{name}.yaml"
    if moved.exists() or name in (".", ".."):
        return
    (policies / "scope.yaml").rename(moved)
    try:
        for run in run_commands(policies, TODAY):
            assert_answered(run)
    finally:
        moved.rename(policies / "scope.yaml")


@settings(PROFILE, max_examples=examples(40))
@given(names)
def test_any_draft_name(policies: Path, name: str) -> None:
    folder = policies.parent / "drafts"
    folder.mkdir(exist_ok=True)
    draft = folder / name
    if name in (".", ".."):
        return
    draft.write_text(DRAFT, encoding="utf-8")
    try:
        run = govkit("post", "check", draft, policies, "--today", TODAY)
        assert_answered(run)
        assert run.exit_code == 0, run.stdout
    finally:
        draft.unlink()


@pytest.mark.slow
@settings(PROFILE, max_examples=examples(100))
@given(st.integers(0, 10_000), dates, dates)
def test_report_and_handbook_on_any_date(
    policies: Path, index: int, value: str, as_of: str
) -> None:
    with Changed(policies, DATE, index, value):
        assert_answered(govkit("report", policies, "--today", as_of))
        assert_answered(govkit("report", policies, "--as-of", as_of))
        site = policies.parent / "site"
        assert_answered(govkit("docs", "build", policies, "--today", as_of, "--site-dir", site))
