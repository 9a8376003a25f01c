"""`govkit handover`: move a leaver's ownership, access and rota shifts to a successor."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ..edit.handover import apply_handover, checklist, plan_handover
from ..edit.yaml_edit import Changeset, EditProblem
from ..model.governance import Governance
from ..output import terminal
from ..workflow.semantic_diff import diff_governance, render_markdown
from .common import TodayType, fail, load, policy_path, today_option


@click.command()
@click.argument("person")
@policy_path
@click.option("--to", "successor", default=None, help="Person id who takes over everything.")
@click.option("--dry-run", is_flag=True, help="Print what would change; write nothing.")
@click.option(
    "--last-day",
    type=TodayType(),
    default=None,
    help="The leaver's last working day (default: the handover deadline, if none is set).",
)
@today_option
def handover(
    person: str,
    path: Path,
    successor: str | None,
    dry_run: bool,
    last_day: date | None,
    today: date | None,
) -> None:
    """Hand PERSON's accounts, access and rota shifts over to a successor.

    Without --to, each account goes to the successor its continuity plan names (the backup
    owner, then a holder of the role). Marks PERSON as leaving, records the handover in the
    continuity plan and prints the checklist per account. Comments and formatting are kept.
    """
    repository = load(path, finish=not dry_run)
    if repository.findings:
        fail(f"{path}: the policy files are not valid", "run 'govkit validate' first")
    governance = repository.governance
    changeset = Changeset(path)
    try:
        plan = plan_handover(governance, person, successor, today or date.today())
        apply_handover(changeset, governance, plan, last_day)
        if dry_run:
            changeset.validate()
            documents, _ = changeset.documents()
            after = Governance.build(list(documents))
            changes = diff_governance(governance, after)
            click.echo(render_markdown(changes, governance, after, "now", "after the handover"))
            return
        written = changeset.write()
    except EditProblem as problem:
        fail(str(problem))
    click.echo(checklist(governance, plan), nl=False)
    for file in written:
        click.echo(f"{terminal(file)}: updated", err=True)
