"""`govkit codeowners`: write CODEOWNERS for GitHub and GitLab from the approval flow."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..edit.files import atomic_write
from ..git.codeowners import find_root, generated, stale
from ..loading.untrusted import NOT_REGULAR, OUTSIDE, inside, judge
from ..output import terminal
from .common import EXIT_INVALID, fail, load, policy_path


@click.command()
@policy_path
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if a file is out of date.")
def codeowners(path: Path, check: bool) -> None:
    """Write .github/CODEOWNERS and .gitlab/CODEOWNERS from ApprovalFlow.policy_changes.

    Each policy file is owned by the active holders of the roles that approve changes to its
    document, by their `github` user names. PATH/mkdocs.yml, PATH/handbook/, CI and pre-commit
    configuration and CODEOWNERS itself are owned by the approvers of changes to the approval
    flow. Paths are relative to the Git repository root.
    """
    repository = load(path)
    if repository.findings:
        click.echo("govkit: error: the policy files are not valid; see 'govkit validate'", err=True)
        sys.exit(EXIT_INVALID)
    root = find_root(path)
    governance = repository.governance
    if check:
        out_of_date = stale(governance, root, path)
        for name in out_of_date:
            click.echo(f"{terminal(root / name)}: out of date; run 'govkit codeowners'")
        sys.exit(1 if out_of_date else 0)
    for name, text in generated(governance, root, path).items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if not inside(target.parent, root.resolve()):
            fail(
                f"{target.parent}: symbolic link points outside the repository; not written",
                "make it a folder of the repository",
            )
        if judge(target, root.resolve()) in (OUTSIDE, NOT_REGULAR):
            target.unlink()  # a link or a pipe put there: replaced, never written through
        atomic_write(target, text)
        click.echo(terminal(target))
