"""`govkit check`: validation, then every rule that has valid documents to judge, reported in
the format CI wants."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from .. import formats
from ..checker import run_check, select_rules
from ..model.governance import Governance
from ..output import terminal
from .common import EXIT_INVALID, fail, load, policy_path, rule_codes, today_option
from .progress import progress


def _base_state(path: Path, base: str) -> tuple[Governance, dict[Path, str]]:
    """The governance at the merge base of `base` and HEAD, and the policy texts there; Git is
    imported only here."""
    from ..git.refs import GitProblem
    from ..workflow.versions import base_state

    try:
        return base_state(path, base)
    except GitProblem as problem:
        fail(str(problem), problem.hint)


@click.command()
@policy_path
@today_option
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help=(
        "Run only these rule codes or prefixes (comma-separated, e.g. GK2,GK301); "
        "a code or prefix that matches no rule is an error."
    ),
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="CODES",
    help="Skip these rule codes or prefixes (which must match a rule).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Lowest severity that makes the exit code 1 (default from Settings: error).",
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
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    default=None,
    help="Write the report to this file instead of standard output.",
)
@click.option(
    "--base",
    metavar="REF",
    default=None,
    help="Also check version discipline (GK951-GK955) against the merge base of REF and HEAD.",
)
def check(
    path: Path,
    today: date | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    fmt: str,
    output: Path | None,
    base: str | None,
) -> None:
    """Check the governance model in PATH (default: policies/).

    Validates every file, then runs every rule whose documents are valid: a rule that needs an
    invalid or missing document does not run, and one info line per such document names the
    rules it stopped (GK004). Exit codes: 0 clean, 1 findings at or above --fail-on, 2 invalid
    input (with the findings of the rules that ran) or usage.

    A repository of 2 MiB of YAML or more is read and checked on every core (at most 8);
    the environment variable GOVKIT_JOBS sets the number of processes (1: this one only).
    On a terminal, a progress bar shows on standard error after a second.
    """
    rules = select_rules(rule_codes("--select", select), rule_codes("--ignore", ignore))
    repository = load(path)
    at_base, texts = _base_state(path, base) if base is not None else (None, None)
    with progress(f"checking {terminal(path)}") as step:
        result = run_check(
            repository,
            today or date.today(),
            rules,
            step=step,
            base=at_base,
            base_label=base,
            base_files=texts,
        )
    color = output is None and fmt == "text" and sys.stdout.isatty()
    report = formats.render(result, fmt, color=color)
    if output is None:
        click.echo(report, nl=False)
    else:
        output.write_text(report, encoding="utf-8")
    if result.invalid:
        sys.exit(EXIT_INVALID)
    sys.exit(result.exit_code(fail_on or repository.governance.settings.fail_on))
