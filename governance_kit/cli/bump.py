"""`govkit bump`: a new version of a policy document, with a line in its changelog."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

import click

from ..edit.bump import PARTS, Bumped, NewVersion, Part, bump_policy
from ..edit.yaml_edit import EditProblem
from ..output import terminal
from .common import fail, load, policy_path, today_option


def part_of(major: bool, minor: bool, patch: bool, default: Part | None = "patch") -> Part | None:
    """The part of the version that goes up: the one flag given, else `default`."""
    given = [part for part, flag in zip(PARTS, (major, minor, patch), strict=True) if flag]
    if len(given) > 1:
        fail(
            f"--{given[0]} and --{given[1]} cannot be given together",
            "give one of --major, --minor or --patch",
        )
    return given[0] if given else default


def bump_options(command: Callable[..., None]) -> Callable[..., None]:
    """--bump and --summary of the commands that change policy documents (review, handover)."""
    command = click.option(
        "--summary",
        "bump_summary",
        default=None,
        help="The changelog line of the new version (default: what the command did).",
    )(command)
    return click.option(
        "--bump",
        "bump_part",
        type=click.Choice([*PARTS, "none"]),
        default="patch",
        show_default=True,
        help="Which part of the version of each changed document goes up; none: keep it.",
    )(command)


def new_version(part: str, summary: str | None, today: date) -> NewVersion | None:
    """What --bump and --summary ask for; None for --bump none."""
    if summary is not None and not summary.strip():
        fail("--summary is empty", "say what changed, or leave --summary out")
    found = next((p for p in PARTS if p == part), None)
    return None if found is None else NewVersion(found, summary, today)


def described(item: Bumped) -> str:
    """'DOC' version A -> B, every value through the output layer."""
    return f"'{terminal(item.document)}' version {terminal(item.before)} -> {terminal(item.after)}"


def echo_bumped(bumped: Iterable[Bumped]) -> None:
    """One line on standard error per document whose version went up."""
    for item in bumped:
        click.echo(described(item), err=True)


@click.command()
@click.argument("document")
@policy_path
@click.option("--major", is_flag=True, help="A new major version: what people must do changes.")
@click.option("--minor", is_flag=True, help="A new minor version: something is added.")
@click.option("--patch", is_flag=True, help="A new patch version: a correction (the default).")
@click.option("--summary", default=None, help="What changed in the new version (required).")
@today_option
def bump(
    document: str,
    path: Path,
    major: bool,
    minor: bool,
    patch: bool,
    summary: str | None,
    today: date | None,
) -> None:
    """Give DOCUMENT (a metadata.id) a new version, saying what changed.

    Raises metadata.version (the patch version unless --major or --minor), sets effective_date
    to today (or --today) and change_summary to --summary, and adds a changelog line: the
    previous version's summary moves into the changelog, or, where the newest changelog entry is
    the current version, the new version gets its own entry. Comments and formatting are kept;
    the file is replaced atomically, only if the policies stay valid.
    """
    part = part_of(major, minor, patch)
    if summary is None or not summary.strip():
        fail(
            "--summary is required",
            "say what changed in the new version, in words a reader understands",
        )
    repository = load(path, finish=True)
    if repository.findings:
        fail(f"{path}: the policy files are not valid", "run 'govkit validate' first")
    try:
        bumped, written = bump_policy(
            path, repository.governance, document, part, summary, today or date.today()
        )
    except EditProblem as problem:
        fail(str(problem))
    for file in written:
        click.echo(terminal(file) + ": " + described(bumped))
