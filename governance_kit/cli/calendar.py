"""`govkit calendar`: an iCalendar file of reviews, handover deadlines and the rota."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ..output import terminal
from ..workflow.ical import CalendarProblem, build_calendar
from .common import fail, load, policy_path, today_option


@click.command("calendar")
@policy_path
@click.option(
    "--out", type=click.Path(path_type=Path), default=None, help="Write to this .ics file."
)
@click.option(
    "--months", type=click.IntRange(1, 60), default=12, show_default=True, help="How far ahead."
)
@today_option
def calendar(path: Path, out: Path | None, months: int, today: date | None) -> None:
    """Write an iCalendar (.ics) file of governance dates for the policies in PATH.

    Upcoming policy reviews (owner invited), each account's next access review, handover
    deadlines, and the moderation rota as weekly recurring events in the rota's time zone.
    Event UIDs are stable, so re-importing the file updates the events.
    """
    repository = load(path)
    if repository.findings:
        fail(f"{path}: the policy files are not valid", "run 'govkit validate' first")
    try:
        ics = build_calendar(repository.governance, today or date.today(), months).to_ical()
    except CalendarProblem as problem:
        fail(str(problem))
    if out is None:
        click.echo(ics.decode("utf-8"), nl=False)
    else:
        out.write_bytes(ics)
        click.echo(terminal(out), err=True)
