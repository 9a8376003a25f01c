"""Dates and durations beyond what governance-kit computes with: one line at the value, in
every command; --today and the other date options outside 1970-01-01..9000-12-31: usage error."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import TODAY, govkit, line_of

DATE_HINT = "(hint: write a date between 1900-01-01 and 9000-12-31)"
DATE_RANGE = "is outside the dates governance-kit works with (1900-01-01 to 9000-12-31)"
INTERVAL_HINT = "(hint: write an interval of at most 100 years, e.g. P1Y, P6M or P90D)"


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def column_of(path: Path, line: int, text: str) -> int:
    return path.read_text(encoding="utf-8").splitlines()[line - 1].index(text) + 1


def where(path: Path, text: str) -> str:
    line = line_of(path, text)
    return f"{path}:{line}:{column_of(path, line, text)}"


@pytest.fixture
def far_future(example: Path) -> Path:
    """The example with a date past 9000-12-31 and an interval of 9,999 years."""
    accounts = example / "accounts.yaml"
    replace_in(accounts, "effective_date: 2026-11-16", "effective_date: 9999-12-31")
    replace_in(accounts, "interval: P2Y", "interval: P9999Y")
    return example


def expected_far_future(example: Path) -> list[str]:
    accounts = example / "accounts.yaml"
    return [
        f"{where(accounts, '9999-12-31')}: error: metadata.effective_date: '9999-12-31' "
        f"{DATE_RANGE} [GK002] {DATE_HINT}",
        f"{where(accounts, 'P9999Y')}: error: metadata.review.interval: 'P9999Y' is longer "
        f"than 100 years [GK002] {INTERVAL_HINT}",
    ]


def test_far_future_date_and_interval_are_findings_at_the_value(far_future: Path) -> None:
    run = govkit("check", far_future, "--today", TODAY)
    assert run.exit_code == 2
    lines = run.stdout.splitlines()
    assert [line for line in lines if "[GK002]" in line] == expected_far_future(far_future)


@pytest.mark.parametrize(
    ("command", "options"),
    [
        (["validate"], []),
        (["check"], ["--today", TODAY]),
        (["calendar"], ["--today", TODAY]),
        (["report"], ["--today", TODAY]),
        (["docs", "build"], ["--today", TODAY]),
    ],
)
def test_every_command_reports_instead_of_crashing(
    far_future: Path, command: list[str], options: list[str]
) -> None:
    run = govkit(*command, far_future, *options)
    told = run.stdout + run.stderr
    assert run.exit_code == 2
    assert "internal error" not in told and "Traceback" not in told
    if command[0] == "calendar":
        assert run.stderr == (
            f"govkit: error: {far_future}: the policy files are not valid "
            "(hint: run 'govkit validate' first)\n"
        )
    else:
        assert set(expected_far_future(far_future)) <= set(told.splitlines())


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("effective_date: 2026-11-16", "effective_date: 1899-12-31", f"'1899-12-31' {DATE_RANGE}"),
        ("interval: P2Y", "interval: P99999999D", "'P99999999D' is longer than 100 years"),
        ("interval: P2Y", "interval: P1200M1D", "'P1200M1D' is longer than 100 years"),
        (
            "effective_date: 2026-11-16",
            "effective_date: 0000-01-01",
            "'0000-01-01' is not a valid date (year 0 is out of range)",
        ),
    ],
)
def test_out_of_range_values_in_the_envelope(
    example: Path, old: str, new: str, message: str
) -> None:
    accounts = example / "accounts.yaml"
    replace_in(accounts, old, new)
    run = govkit("validate", example)
    assert run.exit_code == 2
    value = new.split(": ")[1]
    field = "metadata.effective_date" if "date" in old else "metadata.review.interval"
    assert run.stdout.splitlines()[0].startswith(f"{where(accounts, value)}: error: {field}: ")
    assert message in run.stdout.splitlines()[0]


def test_a_duration_longer_than_a_century(example: Path) -> None:
    moderation = example / "moderation.yaml"
    replace_in(moderation, "first_response: PT1H", "first_response: P99999999D")
    run = govkit("validate", example)
    assert run.exit_code == 2
    (line,) = run.stdout.splitlines()
    assert line.startswith(f"{where(moderation, 'P99999999D')}: error: spec.")
    assert line.endswith(
        "first_response: 'P99999999D' is longer than 100 years [GK002] "
        "(hint: write a duration of at most 100 years, e.g. PT2H, PT30M or P1D)"
    )


def test_a_threshold_of_days_is_at_most_a_century(example: Path) -> None:
    settings = example / "settings.yaml"
    replace_in(settings, "dormant_after_days: 430", "dormant_after_days: 100000000000000000000")
    run = govkit("check", example, "--today", TODAY)
    assert run.exit_code == 2
    assert [line for line in run.stdout.splitlines() if line.startswith(f"{settings}:")] == [
        f"{settings}:1:1: info: GK973 handbook-address-missing did not run: settings.yaml is not "
        "a valid Settings document [GK004] (hint: it runs once the document is valid)",
        f"{settings}:1:1: info: settings.yaml is not a valid Settings document: the default "
        "settings are used (thresholds, ignored rules, fail-on) [GK004] "
        "(hint: fix the document; the findings above say how)",
        f"{where(settings, '100000000000000000000')}: error: spec.check.dormant_after_days: "
        "input should be less than or equal to 36525 [GK002]",
    ]


def test_the_last_date_and_the_longest_interval_still_compute(example: Path) -> None:
    for path in example.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("interval: P2Y", "interval: P100Y"), encoding="utf-8")
    replace_in(example / "accounts.yaml", "last_reviewed: 2026-11-12", "last_reviewed: 9000-12-31")
    for command in ("check", "calendar", "report"):
        run = govkit(command, example, "--today", "9000-12-31")
        assert run.exit_code in (0, 1), (command, run.stdout[-500:], run.stderr[-500:])
        assert "internal error" not in run.stderr


@pytest.mark.parametrize("day", ["0001-01-01", "1969-12-31", "9001-01-01", "9999-12-31"])
@pytest.mark.parametrize(
    ("command", "option"),
    [("check", "--today"), ("calendar", "--today"), ("report", "--as-of"), ("review", "--date")],
)
def test_date_options_outside_the_range_are_usage_errors(
    example: Path, day: str, command: str, option: str
) -> None:
    extra = ["nordlys-accounts", "--by", "ana"] if command == "review" else []
    run = govkit(command, example, *extra, option, day)
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        f"govkit: error: {option}: '{day}' is outside the dates governance-kit works with "
        "(hint: give a date between 1970-01-01 and 9000-12-31)\n"
    )


@pytest.mark.parametrize("day", ["2026-13-01", "yesterday", "2026-02-30"])
def test_a_date_option_that_is_no_date(example: Path, day: str) -> None:
    run = govkit("check", example, "--today", day)
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        f"govkit: error: --today: '{day}' is not a date (hint: write YYYY-MM-DD, e.g. 2026-11-24)\n"
    )


def test_the_first_and_last_day_are_accepted(example: Path) -> None:
    for day in ("1970-01-01", "9000-12-31"):
        run = govkit("check", example, "--today", day)
        assert run.exit_code in (0, 1)
        assert run.stdout.splitlines()[-1].endswith(f"today {day})")
