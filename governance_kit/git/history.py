"""The policy repository in Git history: its state on a date, and the reviews recorded in it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import git
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from ..loading.repository import Repository
from .codeowners import policy_prefix
from .refs import (
    GitProblem,
    _relative,
    is_shallow,
    missing_history,
    open_repo,
    repo_root,
    snapshot_at,
    validate_snapshot,
)


@dataclass(frozen=True)
class Recorded:
    """A review found in Git history: a commit that changed a document's last_reviewed."""

    document: str
    title: str
    reviewed: dt.date
    reviewer: str | None
    commit: str
    committed: dt.date


@dataclass(frozen=True)
class State:
    """The policy repository as it stood at a commit, and other files the rules read."""

    repository: Repository
    commit: git.Commit
    files: dict[Path, str | None]


def commit_on(policy_path: Path, day: dt.date) -> git.Commit:
    """The last commit of the current branch committed on or before the end of `day`."""
    repo = open_repo(policy_path)
    try:
        for commit in repo.iter_commits("HEAD", first_parent=True):
            if commit.committed_datetime.date() <= day:
                return commit
    except (git.GitCommandError, ValueError):
        raise GitProblem(f"{repo_root(repo)}: the current branch has no commits") from None
    if is_shallow(repo):
        raise missing_history(repo, f"no commit on or before {day.isoformat()}")
    raise GitProblem(f"no commit on or before {day.isoformat()} on the current branch")


def state_on(policy_path: Path, day: dt.date, reads: Iterable[str] = ()) -> State:
    """Every policy file as committed on `day`, loaded and cross-checked like the working tree,
    and the files `reads` names as committed (see `state_at`)."""
    return state_at(policy_path, commit_on(policy_path, day), reads)


def state_at(policy_path: Path, commit: git.Commit, reads: Iterable[str] = ()) -> State:
    """Every policy file as at `commit`, loaded and cross-checked like the working tree, and
    the files `reads` names (as rules declare them) as committed."""
    snapshot = snapshot_at(policy_path, commit, commit.hexsha[:12])
    findings = validate_snapshot(snapshot, policy_path)
    repository = Repository(
        policy_path, snapshot.documents, list(findings), invalid=dict(snapshot.kinds)
    )
    prefix = policy_prefix(policy_path, repo_root(commit.repo))
    return State(repository, commit, committed_files(commit, paths_from_root(prefix, reads)))


def paths_from_root(prefix: str, names: Iterable[str]) -> tuple[PurePosixPath, ...]:
    """File names as rules declare them (`reads_files`: from the policy folder, or from the
    repository root when they start with '/') as paths from the repository root; `prefix` is
    the policy folder's path there. Folders (ending in '/') are not taken from a commit."""
    paths = {
        PurePosixPath(name[1:] if name.startswith("/") else prefix + name)
        for name in names
        if not name.endswith("/")
    }
    return tuple(sorted(paths))


def committed_files(commit: git.Commit, names: tuple[PurePosixPath, ...]) -> dict[Path, str | None]:
    """Each file (path from the repository root) as committed: its text, or None if absent."""
    root = repo_root(commit.repo)
    found: dict[Path, str | None] = {}
    for name in names:
        try:
            blob = commit.tree / name.as_posix()
            found[root / name] = blob.data_stream.read().decode("utf-8")
        except (KeyError, UnicodeDecodeError):
            found[root / name] = None
    return found


def recorded_reviews(policy_path: Path, tip: git.Commit | None = None) -> list[Recorded]:
    """Each commit up to `tip` (HEAD) that changed metadata.review.last_reviewed of a document.

    A document's first appearance records nothing: only a change of the date is a review.
    """
    try:
        repo = open_repo(policy_path)
        start = tip or repo.head.commit
        relative = _relative(policy_path, repo_root(repo))
    except (GitProblem, ValueError):
        return []
    seen: dict[str, dt.date | None] = {}
    found: list[Recorded] = []
    parsed: dict[str, Review | None] = {}
    where = [] if str(relative) == "." else [str(relative)]
    commits = (
        repo.iter_commits(start, paths=where, first_parent=True)
        if where
        else (repo.iter_commits(start, first_parent=True))
    )
    for commit in reversed(list(commits)):
        for ident, review in _reviews_at(commit, relative, parsed).items():
            date, reviewer, title = review
            if ident in seen and date is not None and date != seen[ident]:
                found.append(
                    Recorded(
                        ident,
                        title,
                        date,
                        reviewer,
                        commit.hexsha,
                        commit.committed_datetime.date(),
                    )
                )
            seen[ident] = date
    return found


Review = tuple[str, dt.date | None, str | None, str]
"""Document id, last_reviewed, reviewed_by and title, as written in one file."""


def _reviews_at(
    commit: git.Commit, relative: PurePosixPath, parsed: dict[str, Review | None]
) -> dict[str, tuple[dt.date | None, str | None, str]]:
    """Document id -> (last_reviewed, reviewed_by, title) of every policy file at a commit.

    Files are parsed once per content (`parsed`, by blob id), so a long history stays cheap.
    """
    found = {}
    for blob in _policy_blobs(commit, relative):
        if blob.hexsha not in parsed:
            parsed[blob.hexsha] = _review_of(blob.data_stream.read())
        review = parsed[blob.hexsha]
        if review is not None:
            found[review[0]] = review[1:]
    return found


def _policy_blobs(commit: git.Commit, relative: PurePosixPath) -> list[Any]:
    tree = commit.tree
    if str(relative) != ".":
        try:
            tree = tree / str(relative)
        except KeyError:
            return []
    if tree.type == "blob":
        return [tree]
    return [
        item
        for item in tree.traverse()
        if item.type == "blob"
        and PurePosixPath(item.path).suffix in (".yaml", ".yml")
        and not any(part.startswith(".") for part in PurePosixPath(item.path).parts)
    ]


def _review_of(data: bytes) -> Review | None:
    try:
        loaded: Any = YAML(typ="safe", pure=True).load(data)
    except (YAMLError, ValueError, UnicodeDecodeError):
        return None
    metadata = loaded.get("metadata") if isinstance(loaded, dict) else None
    review = metadata.get("review") if isinstance(metadata, dict) else None
    if not isinstance(review, dict) or not isinstance(metadata.get("id"), str):
        return None
    date = review.get("last_reviewed")
    reviewer = review.get("reviewed_by")
    return (
        metadata["id"],
        date if isinstance(date, dt.date) else None,
        reviewer if isinstance(reviewer, str) else None,
        str(metadata.get("title") or metadata["id"]),
    )
