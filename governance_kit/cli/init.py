"""`govkit init`: scaffold a new policy repository."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import click

from ..edit.scaffold import ScaffoldProblem, init_git, scaffold, unpublished_registries
from ..model.settings import HTTPS_URL
from ..output import terminal
from .common import fail, today_option


@click.command()
@click.argument("directory", type=click.Path(path_type=Path), default=Path("."), required=False)
@click.option(
    "--minimal",
    is_flag=True,
    help="A small valid model to fill in instead of the example of Nordlys Outdoor.",
)
@click.option(
    "--org",
    "organisation",
    default=None,
    help="The organisation's name, for the handbook's site_name (and, with --minimal, the "
    "scope); default: the folder's name.",
)
@click.option(
    "--site-url",
    default=None,
    metavar="URL",
    help="The address the handbook will be published at (https://...), for mkdocs.yml's "
    "site_url; without it, 'govkit check' asks for one (GK973).",
)
@today_option
def init(
    directory: Path,
    minimal: bool,
    organisation: str | None,
    site_url: str | None,
    today: date | None,
) -> None:
    """Scaffold a policy repository in DIRECTORY (default: the current folder).

    Writes policies/ (the example model of Nordlys Outdoor, or with --minimal a small one to
    fill in), schemas/, policies/mkdocs.yml, policies/.gitignore (keeps govkit's lock,
    journal and temporary files out of commits), .pre-commit-config.yaml, CI for GitHub
    (.github/workflows/governance.yml) and GitLab (.gitlab-ci.yml), and .github/CODEOWNERS and
    .gitlab/CODEOWNERS, and a .gitignore for the built site/ and .venv/ unless there is one.
    Runs `git init` when DIRECTORY is not inside a Git repository yet. Never overwrites a file.
    The handbook's site_name is "ORG social media handbook" (--org, or the folder's name).
    """
    if organisation is not None and not organisation.strip():
        fail("--org is empty", "give the organisation's name, e.g. --org 'Acme AS'")
    if site_url is not None and not re.fullmatch(HTTPS_URL, site_url):
        fail(
            f"--site-url {terminal(site_url)} is not an https address",
            "give the handbook's address, e.g. --site-url https://handbook.example.com/",
        )
    try:
        written = scaffold(
            directory,
            minimal=minimal,
            today=today or date.today(),
            organisation=organisation.strip() if organisation else None,
            site_url=site_url,
        )
    except ScaffoldProblem as problem:
        fail(str(problem))
    for path in written:
        click.echo(terminal(path))
    for registry in unpublished_registries(directory):
        click.echo(
            f"govkit: warning: {terminal(registry)} is classified confidential, so the handbook "
            "will have no account directory (hint: set 'classification: internal' to publish it; "
            "its confidential fields are never published)",
            err=True,
        )
    if init_git(directory):
        click.echo(f"initialised a Git repository in {terminal(directory)}", err=True)
    if not minimal:
        click.echo(
            "wrote the example of Nordlys Outdoor; "
            "for a small model to fill in, use 'govkit init --minimal' in an empty folder",
            err=True,
        )
    click.echo(f"next: cd {terminal(directory)} && govkit check policies", err=True)
