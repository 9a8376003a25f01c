"""The change history of a policy file, from the Git log of the repository holding it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Change:
    """One commit that touched a file."""

    date: dt.date
    author: str
    subject: str


def git_history(path: Path) -> list[Change] | None:
    """Commits touching `path`, newest first; None when the file is not in a Git repository."""
    import git  # only when a handbook is built: Git is slow to import

    from .refs import GitProblem, open_repo

    path = path.resolve()
    try:
        repo = open_repo(path.parent)
    except GitProblem:
        return None
    try:
        if repo.working_tree_dir is None:
            return None
        relative = path.relative_to(Path(repo.working_tree_dir).resolve())
        return [
            Change(commit.committed_datetime.date(), str(commit.author.name), str(commit.summary))
            for commit in repo.iter_commits(paths=relative.as_posix())
        ]
    except (ValueError, git.GitError):
        return None
    finally:
        repo.close()
