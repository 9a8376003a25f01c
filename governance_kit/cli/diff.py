"""`govkit diff`: the governance changes between two Git states, as Markdown for a PR comment."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..formats.text import format_finding
from ..git.refs import GitProblem
from ..output import counted
from ..workflow.semantic_diff import diff_refs, semantic_diff
from ..workflow.watched import changed_files
from .common import EXIT_INVALID, fail
from .locate import DEFAULT_PATH


@click.command()
@click.argument("base")
@click.argument("head", required=False)
@click.argument("path", type=click.Path(path_type=Path), default=DEFAULT_PATH, required=False)
@click.option(
    "--output", "-o", type=click.Path(path_type=Path), default=None, help="Write to this file."
)
def diff(base: str, head: str | None, path: Path, output: Path | None) -> None:
    """Describe, in words, what changed in the governance model from BASE to HEAD.

    BASE and HEAD are Git commits, branches or tags; without HEAD, BASE is compared with the
    working tree. PATH is the policy folder (default: policies/). Prints Markdown for a
    pull-request comment: items of lists are named by their id or key (an SLA by its channel and
    hours) with their changed fields in words; confidential values are never shown. Changes to
    PATH/mkdocs.yml, PATH/handbook/, CI and pre-commit configuration and CODEOWNERS are named
    (not shown) for the reviewers. To give PATH without HEAD, write HEAD as '.' (the working tree).
    """
    if head == ".":
        head = None
    elif head is not None and Path(head).exists() and path == DEFAULT_PATH:
        head, path = None, Path(head)
    if not path.exists():
        fail(f"{path}: no such file or directory", "give the folder of the policy files")
    try:
        old, new = diff_refs(path, base, head)
        files = changed_files(path, base, head)
    except GitProblem as problem:
        fail(str(problem), problem.hint)
    invalid = old.findings + new.findings
    if invalid:
        for finding in invalid:
            click.echo(format_finding(finding), err=True)
        click.echo(
            f"govkit: error: cannot compare: {counted(len(invalid), 'invalid file')}", err=True
        )
        sys.exit(EXIT_INVALID)
    text = semantic_diff(old, new, files)
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
