"""`govkit reconcile`: the registry compared with exports of the systems of record."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from .. import formats
from ..checker import select_rules
from ..exports import KINDS, Export, ExportProblem
from ..model.governance import Governance
from ..output import terminal
from ..reconcile.check import read_exports, reconcile
from ..reconcile.rules import all_reconcile_rules
from ..reconcile.rules.base import Fix
from .common import EXIT_INVALID, fail, load, policy_path, rule_codes, today_option

F = TypeVar("F", bound=Callable[..., Any])


def export_options(about: str, *, required: bool = False) -> Callable[[F], F]:
    """--from [NAME=]FILE (repeatable, `about` its help) and --kind, for every command that
    reconciles with exports."""

    def decorate(command: F) -> F:
        command = click.option(
            "--kind",
            type=click.Choice(list(KINDS)),
            default=None,
            help="What every --from file is, when not recognised by its shape.",
        )(command)
        return click.option(
            "--from",
            "sources",
            multiple=True,
            required=required,
            metavar="[NAME=]FILE",
            help=about,
        )(command)

    return decorate


@click.command()
@policy_path
@export_options(
    "An export to compare with (repeat for several). NAME names the account (Meta, LinkedIn) "
    "or the vault (1Password vault users) when the file does not.",
    required=True,
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(formats.FORMATS)),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Lowest severity that makes the exit code 1 (default from Settings: error).",
)
@today_option
@click.option(
    "--select", multiple=True, metavar="CODES", help="Run only these codes (e.g. GKR01,GKR1)."
)
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these codes.")
@click.option(
    "--apply",
    is_flag=True,
    help=(
        "Write the obvious fixes, then reconcile again: remove access entries the platform does "
        "not have (GKR04), mark people disabled in the identity provider as left on the "
        "export's date (GKR01); comments kept, versions bumped."
    ),
)
def reconcile_command(
    path: Path,
    sources: tuple[str, ...],
    kind: str | None,
    fmt: str,
    fail_on: str | None,
    today: date | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    apply: bool,
) -> None:
    """Compare the registry in PATH with exports of the identity provider, the password
    manager and the platforms (codes GKR01-GKR10), offline.

    Recognised exports: Microsoft Entra ID "Download users" CSV, Google Workspace users CSV,
    1Password `op item list` and `op vault user list` JSON, Bitwarden JSON and CSV, Meta Graph
    API assigned_users and business_users JSON, LinkedIn organizationAcls JSON, an HR CSV
    (columns named in Settings, spec.reconcile.hr), and a CSV of account,person,role.
    Every finding cites its export's file, SHA-256 and date. Exit codes: 0 clean, 1 findings
    at or above --fail-on, 2 invalid input or usage.
    """
    family = all_reconcile_rules()
    rules = select_rules(
        rule_codes("--select", select, family), rule_codes("--ignore", ignore, family), family
    )
    repository = load(path, finish=apply)
    if not repository.valid:
        fail(f"{path}: the policies are invalid", f"run 'govkit validate {path}'")
    exports = exports_or_fail(sources, kind, repository.governance)
    result = reconcile(repository.governance, path, exports, today or date.today(), rules)
    if apply and result.fixes:
        _apply(path, repository.governance, result.fixes, today or date.today())
        repository = load(path)
        result = reconcile(repository.governance, path, exports, today or date.today(), rules)
    click.echo(formats.render(result, fmt), nl=False)
    sys.exit(result.exit_code(fail_on or repository.governance.settings.fail_on))


def _apply(path: Path, governance: Governance, fixes: list[Fix], today: date) -> None:
    """Write the fixes in one validated, atomic change; one line each on standard error."""
    from ..edit.reconcile import apply_fixes
    from ..edit.yaml_edit import Changeset, EditProblem

    changeset = Changeset(path)
    try:
        done = apply_fixes(changeset, governance, fixes, today)
        written = changeset.write()
    except EditProblem as problem:
        fail(str(problem))
    for line in done:
        click.echo(f"govkit: fixed: {terminal(line)}", err=True)
    for file in written:
        click.echo(f"govkit: wrote {terminal(file)}", err=True)


def exports_or_fail(
    sources: tuple[str, ...], kind: str | None, governance: Governance
) -> tuple[Export, ...]:
    """The exports given to --from, read (an HR export with the columns the governance's
    Settings name); the first that cannot be is one line, exit 2."""
    try:
        return read_exports(list(sources), kind, governance)
    except ExportProblem as problem:
        _unreadable(problem)


def _unreadable(problem: ExportProblem) -> NoReturn:
    click.echo(
        f"{terminal(problem.path)}:{int(problem.line)}:{int(problem.column)}: error: "
        f"{terminal(str(problem))} (hint: {terminal(problem.hint)})",
        err=True,
    )
    sys.exit(EXIT_INVALID)
