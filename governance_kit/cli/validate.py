"""`govkit validate`: schema and cross-reference validation of a policy repository."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..formats.text import format_finding
from ..output import terminal
from .common import EXIT_CLEAN, EXIT_INVALID, load, policy_path


@click.command()
@policy_path
def validate(path: Path) -> None:
    """Validate the policy files in PATH (default: policies/) against the model.

    Reports every problem at once as file:line:column: message. Exit code 0 when every file
    is valid, 2 when any is not.
    """
    repository = load(path)
    for finding in repository.findings:
        click.echo(format_finding(finding))
    if repository.findings:
        click.echo(f"{len(repository.findings)} problem(s) in {terminal(path)}", err=True)
        sys.exit(EXIT_INVALID)
    click.echo(f"{terminal(path)}: {len(repository.documents)} documents valid", err=True)
    sys.exit(EXIT_CLEAN)
