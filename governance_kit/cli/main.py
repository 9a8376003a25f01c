"""The `govkit` entry point: registers the commands and turns crashes into one line."""

from __future__ import annotations

import sys

import click

from .calendar import calendar
from .check import check
from .codeowners import codeowners
from .diff import diff
from .docs import docs
from .handover import handover
from .init import init
from .review import review
from .rules import rules
from .schema import schema
from .validate import validate


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="governance-kit")
def cli() -> None:
    """governance-kit: social-media governance as code.

    Exit codes: 0 clean, 1 findings at or above --fail-on, 2 invalid input or usage.
    """


cli.add_command(validate)
cli.add_command(check)
cli.add_command(docs)
cli.add_command(schema)
cli.add_command(rules)
cli.add_command(diff)
cli.add_command(codeowners)
cli.add_command(review)
cli.add_command(handover)
cli.add_command(init)
cli.add_command(calendar)


def main() -> None:
    try:
        cli.main(prog_name="govkit")
    except KeyboardInterrupt:
        click.echo("govkit: interrupted", err=True)
        sys.exit(130)
    except OSError as error:
        click.echo(f"govkit: error: {error.filename or ''}: {error.strerror}", err=True)
        sys.exit(2)
