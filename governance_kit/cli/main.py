"""The `govkit` entry point: registers the commands and turns crashes into one line."""

from __future__ import annotations

import importlib
import os
import sys

import click

from .locate import PATH_RULE
from .program import settle

LAZY_COMMANDS = {
    "validate": "validate:validate",
    "check": "check:check",
    "rules": "rules:rules",
    "controls": "controls:controls",
    "schema": "schema:schema",
    "docs": "docs:docs",
    "diff": "diff:diff",
    "codeowners": "codeowners:codeowners",
    "review": "review:review",
    "bump": "bump:bump",
    "handover": "handover:handover",
    "init": "init:init",
    "calendar": "calendar:calendar",
    "post": "post:post",
    "report": "report:report",
    "reconcile": "reconcile:reconcile_command",
}
"""Command name -> module:attribute in this package, imported only when the command runs, so
that `govkit check` does not pay for MkDocs, Git or iCalendar."""


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in LAZY_COMMANDS and cmd_name not in self.commands:
            module_name, attribute = LAZY_COMMANDS[cmd_name].split(":")
            module = importlib.import_module(f"{__package__}.{module_name}")
            self.add_command(getattr(module, attribute), cmd_name)
            settle()
        return super().get_command(ctx, cmd_name)


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="governance-kit: social-media governance as code.\n\n"
    "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 invalid input or usage.\n\n"
    + PATH_RULE,
)
@click.version_option(package_name="governance-kit")
def cli() -> None:
    """The command group; resets what was learnt of secrets in a previous run."""
    from ..redaction import forget

    forget()


GIT_ENVIRONMENT = {"GIT_TERMINAL_PROMPT": "0", "GIT_NO_LAZY_FETCH": "1"}
"""Git never asks for a password nor fetches missing objects of a partial clone: a command
that needs history it lacks fails at once with one line instead of waiting on the network."""


def main() -> None:
    for name, value in GIT_ENVIRONMENT.items():
        os.environ.setdefault(name, value)
    try:
        cli.main(prog_name="govkit")
    except KeyboardInterrupt:
        click.echo("govkit: interrupted", err=True)
        sys.exit(130)
    except OSError as error:
        from ..output import terminal

        click.echo(f"govkit: error: {terminal(error.filename or '')}: {error.strerror}", err=True)
        sys.exit(2)
    except Exception as error:  # a bug of ours: one line, and the traceback on request
        if os.environ.get("GOVKIT_DEBUG"):
            raise
        click.echo(
            f"govkit: internal error ({type(error).__name__}); rerun with "
            "GOVKIT_DEBUG=1 for details, and please report it",
            err=True,
        )
        sys.exit(2)
