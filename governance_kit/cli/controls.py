"""`govkit controls`: the controls the rules serve, as text or as an OSCAL Component Definition."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from .. import output as out
from ..formats.text import format_finding
from ..model.scope import Scope
from ..oscal import date_problem
from ..oscal.component import Control, component_definition, served_controls
from .common import EXIT_INVALID, TodayType, fail, load


@click.command()
@click.argument("path", type=click.Path(path_type=Path), required=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "oscal-component"]),
    default="text",
    show_default=True,
    help="Output format: a list, or an OSCAL 1.2 Component Definition (JSON).",
)
@click.option(
    "--today",
    type=TodayType(),
    default=None,
    help="The date of the Component Definition (YYYY-MM-DD); makes it reproducible.",
)
def controls(path: Path | None, fmt: str, today: date | None) -> None:
    """List the controls of every catalogue the rules serve, and the rules serving each.

    With PATH (a policy folder) the company's own controls and mapping from its Settings are
    included. --format oscal-component writes governance-kit as an OSCAL Component Definition
    for GRC tools, its last-modified date --today. Exit codes: 0 written, 2 invalid input.
    """
    settings, organisation = None, ""
    if path is not None:
        repository = load(path)
        if repository.findings:
            for finding in repository.findings:
                click.echo(format_finding(finding), err=True)
            sys.exit(EXIT_INVALID)
        governance = repository.governance
        settings = governance.control_settings
        scope = governance.spec(Scope)
        organisation = scope.organisation.name if scope else ""
    found = served_controls(settings)
    if fmt == "oscal-component":
        day = oscal_day(today or date.today())
        click.echo(component_definition(found, day, organisation), nl=False)
    else:
        click.echo("\n".join(text_line(control) for control in found))


def text_line(control: Control) -> str:
    """'SOC2:CC6.2  Users are registered ...: GK201, GK704' on one line."""
    rules = ", ".join(rule.code for rule in control.rules) or "no rule"
    title = f"  {out.terminal(control.title)}" if control.title else ""
    return f"{out.terminal(control.id)}{title}: {rules}"


def oscal_day(day: date) -> date:
    """The date of an OSCAL export; a usage error for one OSCAL cannot write."""
    problem = date_problem(day)
    if problem is not None:
        fail(f"--today: {problem}", "give --today (or --as-of) a date from 1900 to 2999")
    return day
