"""What every command shares: the policy path argument, loading, and exit codes."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from ..edit import JOURNAL_NAME
from ..loading.repository import Repository, load_repository
from ..loading.untrusted import kind_of
from ..model.common import LAST_DATE
from ..output import terminal
from .locate import find_policies
from .progress import progress

if TYPE_CHECKING:
    from ..rules import BaseRule

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_INVALID = 2


def _policies_or_found(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path:
    """PATH as given, or where `find_policies` finds the policies from the current folder."""
    return value if value is not None else find_policies(Path.cwd())


policy_path = click.argument(
    "path",
    type=click.Path(path_type=Path),
    default=None,
    required=False,
    callback=_policies_or_found,
)


def fail(message: str, hint: str | None = None) -> NoReturn:
    """Stop with one line on standard error and exit code 2."""
    text = f"govkit: error: {terminal(message)}"
    if hint:
        text += f" (hint: {terminal(hint)})"
    click.echo(text, err=True)
    sys.exit(EXIT_INVALID)


def rule_codes(
    option: str, values: tuple[str, ...], among: Iterable[BaseRule] | None = None
) -> list[str]:
    """The codes given to --select or --ignore, for the rules `among` (those of `govkit check`
    by default); one that matches none of them is a usage error, with the closest code or the
    command whose rule it is as the hint."""
    from ..checker import unknown_code  # only for the commands that run rules

    codes = [code.strip() for value in values for code in value.split(",") if code.strip()]
    unknown = unknown_code(codes, among)
    if unknown is not None:
        from ..ruledocs import rule_by_code, suggestion
        from ..rules import all_rules

        family = tuple(all_rules() if among is None else among)
        other = rule_by_code(unknown)
        hint = (
            f"{other.code} is a rule of '{other.command}'"
            if other is not None
            else suggestion(unknown, family)
        )
        fail(f"{option}: unknown rule code '{unknown}'", hint)
    return codes


def load(path: Path, finish: bool = False) -> Repository:
    """Read the policies; with `finish`, first finish a change a stopped run left half made."""
    if not path.exists():
        fail(
            f"{path}: no such file or directory",
            "give the folder of the policy files, e.g. policies/",
        )
    kind = kind_of(path.stat().st_mode)
    if kind is not None and kind != "a folder":
        fail(
            f"{path}: {kind}, not a folder or a policy file",
            "give the folder of the policy files, e.g. policies/",
        )
    if finish:
        finish_stopped_change(path)
    else:
        warn_if_interrupted(path)
    with progress(f"reading {terminal(path)}") as step:
        return load_repository(path, step)


def warn_if_interrupted(path: Path) -> None:
    """One line on standard error when a change to several files was stopped half-way."""
    journal = (path if path.is_dir() else path.parent) / JOURNAL_NAME
    if journal.is_symlink() or journal.exists():
        click.echo(
            f"govkit: warning: {terminal(journal)}: a change to several policy files was stopped "
            "half-way, some files may be old and others new (hint: run the same govkit "
            "review or handover again: it finishes the change first)",
            err=True,
        )


def finish_stopped_change(path: Path) -> None:
    """Finish the change to several files a stopped review or handover left half made.

    A journal that is not trusted stops the command with one line and exit code 2."""
    from ..edit import files  # the journal's key and lock only for commands that write

    folder = path if path.is_dir() else path.parent
    try:
        finished = files.finish_interrupted(folder)
    except files.EditProblem as problem:
        fail(str(problem))
    if finished:
        click.echo(
            f"govkit: warning: {terminal(folder / JOURNAL_NAME)}: finished the change to "
            "several policy files that a stopped run had left half made",
            err=True,
        )


FIRST_DAY = dt.date(1970, 1, 1)
"""The earliest --today (or --as-of, --date, --last-day) accepted."""


class TodayType(click.ParamType):
    """A --today date, written YYYY-MM-DD, between 1970-01-01 and 9000-12-31.

    A wrong date is one line, `govkit: error: --today: ... (hint: ...)`, and exit code 2.
    """

    name = "YYYY-MM-DD"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        option = param.opts[0] if param is not None and param.opts else "date"
        if isinstance(value, dt.date):
            day = value
        else:
            try:
                day = dt.date.fromisoformat(str(value))
            except ValueError:
                fail(f"{option}: '{value}' is not a date", "write YYYY-MM-DD, e.g. 2026-11-24")
        if not FIRST_DAY <= day <= LAST_DATE:
            fail(
                f"{option}: '{day.isoformat()}' is outside the dates governance-kit works with",
                f"give a date between {FIRST_DAY} and {LAST_DATE}",
            )
        return day


today_option = click.option(
    "--today",
    type=TodayType(),
    default=None,
    help="Check as if today were this date (YYYY-MM-DD); makes results reproducible.",
)


text_or_json = click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
