"""`govkit post`: check a draft post against the brand rules before it is published."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import NoReturn

import click

from ..checker import select_rules
from ..drafts.check import UnknownId, check_draft
from ..drafts.draft import DraftProblem, read_draft
from ..drafts.rules import all_draft_rules
from ..findings import Finding
from ..formats import drafts as report
from ..formats.text import format_finding
from ..output import terminal
from .common import (
    EXIT_INVALID,
    fail,
    load,
    policy_path,
    rule_codes,
    text_or_json,
    today_option,
)


@click.group()
def post() -> None:
    """Check draft posts against the brand rules and for credentials (codes GKP01-GKP13)."""


@post.command("check")
@click.argument("draft", metavar="DRAFT")
@policy_path
@click.option("--account", "account", metavar="ID", default=None, help="Account id to post on.")
@click.option("--author", "author", metavar="PERSON", default=None, help="Person id publishing.")
@click.option(
    "--sponsored/--not-sponsored",
    default=None,
    help="Paid, gifted or partnership content (overrides the front matter).",
)
@text_or_json
@click.option(
    "--policies",
    "old_policies",
    type=click.Path(path_type=Path),
    default=None,
    help="Deprecated: give the folder of the policy files as PATH.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Lowest severity that makes the exit code 1 (default from Settings: error).",
)
@today_option
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help=(
        "Run only these draft rule codes or prefixes (comma-separated, e.g. GKP0,GKP11); "
        "a code or prefix that matches no draft rule is an error."
    ),
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="CODES",
    help="Skip these draft rule codes or prefixes (which must match a draft rule).",
)
def check(
    draft: str,
    path: Path,
    account: str | None,
    author: str | None,
    sponsored: bool | None,
    fmt: str,
    old_policies: Path | None,
    fail_on: str | None,
    today: date | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
) -> None:
    """Check DRAFT (a Markdown or text file; - reads standard input) before it is posted,
    against the policies in PATH.

    The draft may start with YAML front matter between '---' lines: account, author,
    sponsored, media (type image|video, file, alt_text, subtitles), links and poll. Options
    override the front matter. Exit codes: 0 clean, 1 findings at or above --fail-on, 2
    invalid input or usage.
    """
    policies = _policies(path, old_policies)
    family = all_draft_rules()
    chosen = select_rules(
        rule_codes("--select", select, family), rule_codes("--ignore", ignore, family), family
    )
    try:
        parsed = read_draft(draft)
    except DraftProblem as problem:
        _invalid(problem.finding)
    account_id = account or parsed.meta.account
    if account_id is None:
        fail(
            f"{parsed.path.as_posix()}: no account given",
            "give --account ID or 'account:' in the front matter",
        )
    repository = load(policies)
    if any(finding.is_validation for finding in repository.findings):
        for finding in repository.findings:
            click.echo(format_finding(finding), err=True)
        fail(f"{policies}: the policies are invalid", f"run 'govkit validate {policies}'")
    try:
        result = check_draft(
            repository.governance,
            parsed,
            account_id=account_id,
            author_id=author or parsed.meta.author,
            sponsored=parsed.meta.sponsored if sponsored is None else sponsored,
            today=today or date.today(),
            rules=chosen,
        )
    except UnknownId as problem:
        fail(str(problem), problem.hint)
    click.echo(report.as_json(result) if fmt == "json" else report.text(result), nl=False)
    sys.exit(result.exit_code(fail_on or repository.governance.settings.fail_on))


@post.command("rules")
def rules() -> None:
    """List the draft rules: code, name, severity and what each finds."""
    for rule in all_draft_rules():
        click.echo(f"{rule.code}  {rule.name:<24} {rule.severity:<8} {rule.summary}")


def _policies(path: Path, old_policies: Path | None) -> Path:
    """PATH, or the folder given to the deprecated --policies (with a warning); not both."""
    if old_policies is None:
        return path
    source = click.get_current_context().get_parameter_source("path")
    if source is not click.core.ParameterSource.DEFAULT:
        fail("give the policies folder once", "drop --policies and keep PATH")
    click.echo(
        "govkit: warning: --policies is deprecated"
        f" (hint: give the folder as PATH: govkit post check DRAFT {terminal(old_policies)})",
        err=True,
    )
    return old_policies


def _invalid(finding: Finding) -> NoReturn:
    """One line for a draft that cannot be checked; a code only for front-matter problems."""
    line = format_finding(finding) if finding.code else _plain_line(finding)
    click.echo(line, err=True)
    sys.exit(EXIT_INVALID)


def _plain_line(finding: Finding) -> str:
    place = f"{terminal(finding.display_path())}:{finding.line}:{finding.column}"
    line = f"{place}: error: {terminal(finding.message)}"
    return line + (f" (hint: {terminal(finding.hint)})" if finding.hint else "")
