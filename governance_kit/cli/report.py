"""`govkit report`: the governance posture for auditors, now or as on a date in Git history."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click
import git

from .. import formats
from ..checker import CheckResult
from ..git.history import GitProblem, recorded_reviews, state_on
from ..git.refs import warn_if_shallow
from ..loading.repository import Repository
from ..posture import FORMATS, InvalidPolicies, Posture, posture_of, render
from ..rules import files_read
from .common import EXIT_INVALID, TodayType, fail, load, policy_path, today_option
from .reconcile import export_options, exports_or_fail
from .report_trend import EveryType, write_trend


@click.command()
@policy_path
@click.option(
    "--as-of",
    "as_of",
    type=TodayType(),
    default=None,
    help="Report the policy repository as committed on this date (YYYY-MM-DD), from Git history.",
)
@today_option
@click.option(
    "--since",
    type=TodayType(),
    default=None,
    help="Start of the review period, or with --trend the first point (default: one year "
    "before the report date).",
)
@click.option(
    "--trend",
    is_flag=True,
    help="The posture at each point from --since to the report date, as committed then: "
    "findings per area, controls satisfied, overdue reviews, accounts per owner status "
    "(HTML adds charts).",
)
@click.option(
    "--every",
    type=EveryType(),
    default=None,
    metavar="[month|week]",
    help="With --trend: a point every month (default) or every week.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted([*FORMATS, "oscal-ar"])),
    default="markdown",
    show_default=True,
    help="Output format; oscal-ar: OSCAL 1.2 Assessment Results (JSON) for GRC tools.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write the report to this file instead of standard output.",
)
@export_options(
    "Also reconcile with this export (as govkit reconcile does): the controls it serves "
    "show the reconciliation's findings and its evidence (file, SHA-256, date)."
)
def report(
    path: Path,
    as_of: date | None,
    today: date | None,
    since: date | None,
    trend: bool,
    every: str | None,
    fmt: str,
    output: Path | None,
    sources: tuple[str, ...],
    kind: str | None,
) -> None:
    """Write the governance posture of PATH (default: policies/) for an auditor.

    Every control, the rules serving it and their findings; waivers with approvers and expiry;
    accounts and their owners; reviews in the period (from the metadata and from every commit
    that recorded one). With --as-of DATE the policy files, and .github/CODEOWNERS, are read
    from the last commit on or before DATE on the current branch and checked as on that date.
    With --trend, the posture at each point instead (see --every), read from Git history.
    Exit codes: 0 report written, 2 invalid input or usage.
    """
    day = today or as_of or date.today()
    if since is not None and since > day:
        fail(f"--since: {since} is after the report date {day}", "give an earlier --since")
    if every is not None and not trend:
        fail("--every: only with --trend", "add --trend")
    if trend:
        if sources:
            fail("--from: not with --trend", "reconcile the report of one date")
        write_trend(path, day, since, every or "month", fmt, output)
        return
    try:
        repository, source, tip, files = _state(path, as_of)
        recorded = recorded_reviews(path, tip)
    except GitProblem as problem:
        fail(str(problem), problem.hint)
    warn_if_shallow(path, "the reviews recorded in commits are only those of the commits fetched")
    exports = exports_or_fail(sources, kind, repository.governance)
    try:
        posture = posture_of(
            repository,
            day,
            files=files,
            exports=exports,
            as_of=as_of,
            source=source,
            recorded=recorded,
            since=since,
        )
    except InvalidPolicies as invalid:
        _invalid(invalid.result)
    text = oscal_ar(posture, tip) if fmt == "oscal-ar" else render(posture, fmt)
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")


def _state(
    path: Path, as_of: date | None
) -> tuple[Repository, str, object, dict[Path, str | None]]:
    """The repository to report, where it comes from, its commit, and the other files read."""
    if as_of is None:
        return load(path), "working tree", None, {}
    if not path.exists():
        load(path)
    state = state_on(path, as_of, files_read())
    commit = state.commit
    committed = commit.committed_datetime.date().isoformat()
    return state.repository, f"commit {commit.hexsha[:12]} of {committed}", commit, state.files


def oscal_ar(posture: Posture, tip: object) -> str:
    """The posture as OSCAL Assessment Results, naming the commit read (with --as-of)."""
    from ..oscal.assessment import Commit, assessment_results
    from .controls import oscal_day

    oscal_day(posture.today)
    commit = Commit(tip.hexsha, tip.committed_datetime) if isinstance(tip, git.Commit) else None
    return assessment_results(posture, commit)


def _invalid(result: CheckResult) -> None:
    click.echo(formats.render(result, "text"), err=True, nl=False)
    sys.exit(EXIT_INVALID)
