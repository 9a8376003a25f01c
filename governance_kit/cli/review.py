"""`govkit review`: record a completed review of a policy document in its file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ..edit.review import record_review
from ..edit.yaml_edit import EditProblem
from ..output import terminal
from .bump import bump_options, echo_bumped, new_version
from .common import TodayType, fail, load, policy_path, today_option


@click.command()
@click.argument("document")
@policy_path
@click.option("--by", "person", required=True, help="Person id of whoever did the review.")
@click.option("--date", "when", type=TodayType(), default=None, help="Review date (today).")
@click.option("--note", default=None, help="What the review concluded.")
@bump_options
@today_option
def review(
    document: str,
    path: Path,
    person: str,
    when: date | None,
    note: str | None,
    bump_part: str,
    bump_summary: str | None,
    today: date | None,
) -> None:
    """Record that DOCUMENT (a metadata.id) was reviewed by PERSON.

    Sets metadata.review.last_reviewed, reviewed_by and note, keeping every comment and the
    formatting of the file. Without --note, the previous review's note is removed. A review
    date later than today (or --today) is refused. The document gets a new patch version (see
    --bump) with a changelog line saying who reviewed it (or --summary).
    """
    today = today or date.today()
    bump = new_version(bump_part, bump_summary, today)
    if when is not None and when > today:
        fail(
            f"--date: '{when}' is in the future (today is {today})",
            "record a review once it has happened",
        )
    repository = load(path, finish=True)
    if repository.findings:
        fail(f"{path}: the policy files are not valid", "run 'govkit validate' first")
    when = when or today
    try:
        written, bumped = record_review(
            path, repository.governance, document, person, when, note, bump
        )
    except EditProblem as problem:
        fail(str(problem))
    for file in written:
        click.echo(
            f"{terminal(file)}: review of '{terminal(document)}' recorded "
            f"({when}, {terminal(person)})"
        )
    echo_bumped(bumped)
