"""`govkit init`: scaffold a new policy repository."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ..edit.scaffold import ScaffoldProblem, init_git, scaffold
from ..output import terminal
from .common import fail, today_option


@click.command()
@click.argument("directory", type=click.Path(path_type=Path), default=Path("."), required=False)
@click.option(
    "--minimal",
    is_flag=True,
    help="A small valid model to fill in instead of the example of Nordlys Outdoor.",
)
@today_option
def init(directory: Path, minimal: bool, today: date | None) -> None:
    """Scaffold a policy repository in DIRECTORY (default: the current folder).

    Writes policies/ (the example model of Nordlys Outdoor, or with --minimal a small one to
    fill in), schemas/, policies/mkdocs.yml, policies/.gitignore (keeps govkit's lock,
    journal and temporary files out of commits), .pre-commit-config.yaml, CI for GitHub
    (.github/workflows/governance.yml) and GitLab (.gitlab-ci.yml), and .github/CODEOWNERS and
    .gitlab/CODEOWNERS, and a .gitignore for the built site/ and .venv/ unless there is one.
    Runs `git init` when DIRECTORY is not inside a Git repository yet. Never overwrites a file.
    """
    try:
        written = scaffold(directory, minimal=minimal, today=today or date.today())
    except ScaffoldProblem as problem:
        fail(str(problem))
    for path in written:
        click.echo(terminal(path))
    if init_git(directory):
        click.echo(f"initialised a Git repository in {terminal(directory)}", err=True)
    if not minimal:
        click.echo(
            "wrote the example of Nordlys Outdoor; "
            "for a small model to fill in, use 'govkit init --minimal' in an empty folder",
            err=True,
        )
    click.echo(f"next: cd {terminal(directory)} && govkit check policies", err=True)
