"""`govkit init`: scaffold a new policy repository."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ..edit.scaffold import ScaffoldProblem, scaffold
from ..output import terminal
from .common import fail, today_option


@click.command()
@click.argument("directory", type=click.Path(path_type=Path), default=Path("."), required=False)
@click.option("--minimal", is_flag=True, help="A small valid model instead of the example.")
@today_option
def init(directory: Path, minimal: bool, today: date | None) -> None:
    """Scaffold a policy repository in DIRECTORY (default: the current folder).

    Writes policies/ (the example model of Nordlys Outdoor, or with --minimal a small one to
    fill in), schemas/, policies/mkdocs.yml, policies/.gitignore (keeps govkit's lock,
    journal and temporary files out of commits), .pre-commit-config.yaml, CI for GitHub
    (.github/workflows/governance.yml) and GitLab (.gitlab-ci.yml), and .github/CODEOWNERS and
    .gitlab/CODEOWNERS.
    Never overwrites a file.
    """
    try:
        written = scaffold(directory, minimal=minimal, today=today or date.today())
    except ScaffoldProblem as problem:
        fail(str(problem))
    for path in written:
        click.echo(terminal(path))
    click.echo(f"next: cd {terminal(directory)} && govkit check policies", err=True)
