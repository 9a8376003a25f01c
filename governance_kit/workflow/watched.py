"""Files beside the policies that decide what runs or what is published, and which changed.

`govkit diff` names changes to the handbook's mkdocs.yml and pages, to CI and pre-commit
configuration, and to CODEOWNERS, so that reviewers look at them; it never prints their
content. Files are compared by their Git blob hash, at a commit or in the working tree.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import git

from ..git.codeowners import policy_prefix
from ..git.refs import open_repo, repo_root, resolve

MAX_NAMED = 5


@dataclass(frozen=True)
class Group:
    """Files watched together, and what reviewers should check when one changes."""

    title: str
    advice: str
    patterns: tuple[str, ...]
    """Paths from the repository root; `{policies}` is the policy folder, a trailing '/'
    a whole folder."""


GROUPS = (
    Group(
        "Site configuration changed",
        "reviewers, check that it only sets names, colours, links and files in handbook/; "
        "`govkit check` (GK970) refuses settings that run code or read files",
        ("{policies}mkdocs.yml", "{policies}mkdocs.yaml"),
    ),
    Group(
        "Handbook pages changed",
        "reviewers, read them as every employee will; `govkit check` (GK971) refuses "
        "scripts, frames and includes",
        ("{policies}handbook/",),
    ),
    Group(
        "CI configuration changed",
        "reviewers, check what the jobs run and which secrets and permissions they get",
        (".github/workflows/", ".gitlab-ci.yml", ".pre-commit-config.yaml"),
    ),
    Group(
        "Code owners changed",
        "reviewers, check that it matches `govkit codeowners` (GK960): it decides who must approve",
        (".github/CODEOWNERS", ".gitlab/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"),
    ),
)


@dataclass(frozen=True)
class FileChanges:
    """The changed files of one group."""

    group: Group
    paths: list[str]


def changed_files(policy_path: Path, base: str, head: str | None) -> list[FileChanges]:
    """The watched files that differ between BASE and HEAD (or the working tree)."""
    repo = open_repo(policy_path)
    root = repo_root(repo)
    patterns = [(group, _patterns(group, policy_path, root)) for group in GROUPS]
    flat = [pattern for _, found in patterns for pattern in found]
    old = _at_commit(resolve(repo, base), flat)
    new = _in_tree(root, flat) if head is None else _at_commit(resolve(repo, head), flat)
    changed = sorted(path for path in old.keys() | new.keys() if old.get(path) != new.get(path))
    found = []
    for group, own in patterns:
        paths = [path for path in changed if any(_matches(path, p) for p in own)]
        if paths:
            found.append(FileChanges(group, paths))
    return found


def render(changes: list[FileChanges]) -> str:
    """Markdown lines for a pull-request comment, one per group; names, never content."""
    if not changes:
        return ""
    lines = ["### Files beside the policies", ""]
    for change in changes:
        named = ", ".join(f"`{_safe(path)}`" for path in change.paths[:MAX_NAMED])
        more = len(change.paths) - MAX_NAMED
        if more > 0:
            named += f" and {more} more"
        lines.append(f"- **{change.group.title}** ({named}): {change.group.advice}.")
    return "\n".join(lines) + "\n"


def _safe(path: str) -> str:
    """A file name as a Markdown code span can show it: no backticks or control characters."""
    return "".join(c if c.isprintable() and c != "`" else "?" for c in path)


def _patterns(group: Group, policy_path: Path, root: Path) -> list[str]:
    prefix = policy_prefix(policy_path, root)
    return [pattern.format(policies=prefix) for pattern in group.patterns]


def _matches(path: str, pattern: str) -> bool:
    return path.startswith(pattern) if pattern.endswith("/") else path == pattern


def _at_commit(commit: git.Commit, patterns: list[str]) -> dict[str, str]:
    """Blob hash of every watched file at `commit`."""
    return {
        item.path: item.hexsha
        for item in commit.tree.traverse()
        if item.type == "blob" and any(_matches(item.path, p) for p in patterns)
    }


def _in_tree(root: Path, patterns: list[str]) -> dict[str, str]:
    """Blob hash of every watched file in the working tree (links hashed as links)."""
    found: dict[str, str] = {}
    for pattern in patterns:
        start = root / pattern
        if not pattern.endswith("/"):
            _add(found, root, start)
            continue
        if start.is_dir() and not start.is_symlink():
            for directory, _, files in os.walk(start):
                for name in files:
                    _add(found, root, Path(directory) / name)
    return found


def _add(found: dict[str, str], root: Path, path: Path) -> None:
    if path.is_symlink():
        data = os.readlink(path).encode()
    elif path.is_file():
        data = path.read_bytes()
    else:
        return
    header = f"blob {len(data)}\0".encode()
    found[path.relative_to(root).as_posix()] = hashlib.sha1(header + data).hexdigest()
