"""The `govkit` entry point: registers the commands and turns crashes into one line."""

from __future__ import annotations

import sys

import click

from .check import check
from .docs import docs
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


def main() -> None:
    try:
        cli.main(prog_name="govkit")
    except KeyboardInterrupt:
        click.echo("govkit: interrupted", err=True)
        sys.exit(130)
    except OSError as error:
        click.echo(f"govkit: error: {error.filename or ''}: {error.strerror}", err=True)
        sys.exit(2)
