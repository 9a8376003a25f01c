"""`govkit validate`: schema and cross-reference validation of a policy repository."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from ..findings import Finding
from ..formats.text import format_finding
from ..output import counted, terminal
from .common import EXIT_CLEAN, EXIT_FINDINGS, EXIT_INVALID, load, policy_path, today_option


@click.command()
@policy_path
@today_option
def validate(path: Path, today: date | None) -> None:
    """Validate the policy files in PATH (default: policies/) against the model.

    Reports every problem of every file at once as file:line:column: message: schema errors,
    unknown ids (account owners included) and, in every file valid or not, what looks like a
    password, token or key (GK305; a waiver in force on --today waives it). Exit code 0 when every
    file is valid and holds no secret, 1 when the files are valid but hold one, 2 when any
    file is invalid.
    """
    from ..checker import secret_findings  # the rule engine, for GK305 only

    repository = load(path)
    secrets = [f for f in secret_findings(repository, today or date.today()) if not f.waived]
    found = sorted(repository.findings + secrets, key=Finding.sort_key)
    for finding in found:
        click.echo(format_finding(finding))
    if found:
        click.echo(f"{counted(len(found), 'problem')} in {terminal(path)}", err=True)
        sys.exit(EXIT_INVALID if repository.findings else EXIT_FINDINGS)
    click.echo(f"{terminal(path)}: {len(repository.documents)} documents valid", err=True)
    sys.exit(EXIT_CLEAN)
