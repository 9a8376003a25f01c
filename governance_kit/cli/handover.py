"""`govkit handover`: move a leaver's ownership, access and rota shifts to a successor."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from ..edit.bump import bump_changed
from ..edit.handover import (
    NeedsBackup,
    apply_handover,
    checklist,
    handover_summary,
    plan_handover,
)
from ..edit.yaml_edit import Changeset, EditProblem
from ..model.governance import Governance
from ..output import terminal
from ..workflow.semantic_diff import diff_governance, render_markdown
from .bump import bump_options, echo_bumped, new_version
from .common import TodayType, fail, load, policy_path, today_option


@click.command()
@click.argument("person")
@policy_path
@click.option("--to", "successor", default=None, help="Person id who takes over everything.")
@click.option(
    "--backup",
    default=None,
    help="Person id who becomes backup owner where the successor would be both business and "
    "backup owner (default: the first the continuity plan's successor rules yield).",
)
@click.option("--dry-run", is_flag=True, help="Print what would change; write nothing.")
@click.option(
    "--last-day",
    type=TodayType(),
    default=None,
    help="The leaver's last working day (default: the handover deadline, if none is set). "
    "Until then the leaver keeps their access: each entry gets 'until' with this day.",
)
@bump_options
@today_option
def handover(
    person: str,
    path: Path,
    successor: str | None,
    backup: str | None,
    dry_run: bool,
    last_day: date | None,
    bump_part: str,
    bump_summary: str | None,
    today: date | None,
) -> None:
    """Hand PERSON's accounts, access and rota shifts over to a successor.

    Without --to, each account goes to the successor its continuity plan names (the backup
    owner, then a holder of the role). The successor also becomes the recovery phone's holder
    where PERSON held it, and an account is never left with the same business and backup owner
    (see --backup; at a terminal, govkit asks when it cannot tell). With a last day after today,
    PERSON keeps their access until then (the entries get 'until', which GK314 enforces). Marks
    PERSON as leaving, records the handover in the continuity plan, gives each changed document
    a new patch version (see --bump), warns on one line for each account left with a single
    admin, and prints the checklist per account. Comments and formatting are kept.
    """
    repository = load(path, finish=not dry_run)
    if repository.findings:
        fail(f"{path}: the policy files are not valid", "run 'govkit validate' first")
    governance = repository.governance
    today = today or date.today()
    bump = new_version(bump_part, bump_summary, today)
    try:
        while True:
            changeset = Changeset(path)
            try:
                plan = plan_handover(governance, person, successor, today, last_day, backup)
                apply_handover(changeset, governance, plan, last_day)
                break
            except NeedsBackup as problem:
                if not at_terminal():
                    raise
                backup = ask_backup(problem)
        bumped = (
            []
            if bump is None
            else bump_changed(changeset, governance, bump, handover_summary(plan))
        )
        if dry_run:
            changeset.validate()
            documents, _ = changeset.documents()
            after = Governance.build(list(documents))
            changes = diff_governance(governance, after)
            click.echo(render_markdown(changes, governance, after, "now", "after the handover"))
            warn(plan.warnings)
            return
        written = changeset.write()
        warn(plan.warnings)
    except EditProblem as problem:
        fail(str(problem))
    click.echo(checklist(governance, plan), nl=False)
    for file in written:
        click.echo(f"{terminal(file)}: updated", err=True)
    echo_bumped(bumped)


def at_terminal() -> bool:
    """Both ends are a person at a terminal, who can be asked."""
    return sys.stdin.isatty() and sys.stderr.isatty()


def ask_backup(problem: NeedsBackup) -> str:
    """Ask for the backup owner of the account the handover cannot find one for."""
    return str(
        click.prompt(
            f"account '{terminal(problem.account)}': its business owner will be "
            f"'{terminal(problem.owner)}'; who becomes backup owner (person id)?",
            err=True,
        )
    ).strip()


def warn(warnings: list[str]) -> None:
    """Each warning of the handover, one line on standard error."""
    for text in warnings:
        click.echo(
            f"govkit: warning: {terminal(text)} (hint: give a second person admin access)",
            err=True,
        )
