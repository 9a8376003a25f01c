"""Reading the policy files as they were at a Git commit, with gitpython (never the git CLI)."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import git

from ..findings import Finding
from ..loading.documents import Document
from ..loading.parallel import kind_in_text
from ..loading.policy_bodies import MAX_BYTES
from ..loading.references import check_references
from ..loading.repository import SKIPPED_NAMES, Repository, load_documents, load_repository
from ..loading.site_pages import MARKDOWN
from ..loading.yaml_source import decode, read_yaml
from ..model.governance import Governance
from ..output import terminal

SYMLINK_MODE = 0o120000
YAML_SUFFIXES = (".yaml", ".yml")


SHALLOW_HINT = "run 'git fetch --unshallow', or set fetch-depth: 0 on actions/checkout"


class GitProblem(Exception):
    """A Git repository or revision that cannot be read; the message is one line for the user."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


def is_shallow(repo: git.Repo) -> bool:
    """Whether the clone holds only part of the history (git clone --depth, CI checkouts)."""
    return (Path(repo.common_dir) / "shallow").exists()


def warn_if_shallow(path: Path, what: str) -> None:
    """One warning line on standard error when `path` lies in a shallow clone, for commands
    whose output draws on the history (`what` says what is incomplete)."""
    folder = path if path.is_dir() else path.parent
    try:
        repo = open_repo(folder)
    except GitProblem:
        return
    try:
        if is_shallow(repo) and repo.working_tree_dir is not None:
            print(
                f"govkit: warning: {terminal(repo_root(repo))} is a shallow clone: {what} "
                f"(hint: {SHALLOW_HINT})",
                file=sys.stderr,
            )
    finally:
        repo.close()


def missing_history(repo: git.Repo, what: str) -> GitProblem:
    """The problem to report when `what` needs commits or objects the clone does not have."""
    if is_shallow(repo):
        return GitProblem(
            f"{what}: {repo_root(repo)} is a shallow clone, without the older history",
            SHALLOW_HINT,
        )
    return GitProblem(
        f"{what}: Git objects are missing from {repo_root(repo)}",
        "run 'git fetch' to complete the clone",
    )


@dataclass
class Snapshot:
    """The policy documents at one state (a commit or the working tree)."""

    label: str
    documents: list[Document]
    findings: list[Finding]
    kinds: dict[Path, str | None] = field(default_factory=dict)
    """The kind each file that is not a valid document was meant to be (None: unknown)."""
    texts: dict[Path, str] = field(default_factory=dict)
    """The Markdown files of the policy folder (policy texts, `body_file`), by path."""

    @property
    def governance(self) -> Governance:
        return Governance.build(list(self.documents))


def open_repo(path: Path) -> git.Repo:
    """The Git repository that holds `path`: the one way into Git, for every command."""
    try:
        return git.Repo(path, search_parent_directories=True)
    except git.GitError:
        raise GitProblem(f"{path}: not inside a Git repository") from None


def repo_root(repo: git.Repo) -> Path:
    if repo.working_tree_dir is None:
        raise GitProblem("a bare Git repository has no working tree")
    return Path(repo.working_tree_dir).resolve()


def resolve(repo: git.Repo, ref: str) -> git.Commit:
    try:
        commit = repo.commit(ref)
    except (git.BadName, git.BadObject, ValueError, git.GitCommandError):
        if is_shallow(repo):
            raise missing_history(repo, f"'{ref}' is not a commit, branch or tag") from None
        raise GitProblem(f"'{ref}' is not a commit, branch or tag in {repo_root(repo)}") from None
    # Reading the tree reads the object: a parent past a shallow clone's depth is named by
    # its child but absent.
    try:
        _ = commit.tree
    except (ValueError, git.GitCommandError):
        raise missing_history(repo, f"'{ref}' cannot be read") from None
    return commit


def merge_base(repo: git.Repo, ref: str, head: str = "HEAD") -> git.Commit:
    """Where the branch of `head` left `ref`: the commit to compare the work against."""
    base = resolve(repo, ref)
    tip = resolve(repo, head)
    try:
        found = repo.merge_base(base, tip)
    except git.GitCommandError:
        raise missing_history(repo, f"the common history of '{ref}' and {head}") from None
    if not found and is_shallow(repo):
        raise missing_history(repo, f"'{ref}' and {head} have no common history")
    if not found:
        raise GitProblem(f"'{ref}' and {head} have no common history")
    return found[0]


def snapshot_at(policy_path: Path, commit: git.Commit, label: str) -> Snapshot:
    """Every policy file under `policy_path` as it was at `commit`, parsed and validated."""
    repo = commit.repo
    relative = _relative(policy_path, repo_root(repo))
    try:
        blobs = _blobs(commit, relative)
        markdown = _blobs(commit, relative, tuple(MARKDOWN))
    except (ValueError, git.GitCommandError):
        raise missing_history(repo, f"the policy files at {label} cannot be read") from None
    texts = {policy_path / PurePosixPath(name).relative_to(relative): data for name, data in blobs}
    documents, findings = load_documents(
        texts, lambda path: read_yaml(path, decode(texts[path], path))
    )
    valid = {document.path for document in documents}
    kinds = {
        path: kind_in_text(data.decode("utf-8", errors="replace"))
        for path, data in texts.items()
        if path not in valid
    }
    texts = {
        policy_path / PurePosixPath(name).relative_to(relative): data.decode("utf-8", "replace")
        for name, data in markdown
        if len(data) <= MAX_BYTES
    }
    return Snapshot(label, documents, findings, kinds, texts)


def snapshot_of_tree(policy_path: Path) -> Snapshot:
    """The policy files in the working tree."""
    repository = load_repository(policy_path)
    return Snapshot(
        "working tree", repository.documents, list(repository.findings), repository.invalid
    )


def validate_snapshot(snapshot: Snapshot, root: Path) -> list[Finding]:
    """Validation findings of a snapshot, cross-file references included (in the valid
    documents, as for the working tree: see `load_repository`)."""
    repository = as_repository(snapshot, root)
    return snapshot.findings + check_references(
        snapshot.governance,
        root,
        broken=repository.broken_kinds,
        partial=bool(repository.unknown) or root.is_file(),
    )


def as_repository(snapshot: Snapshot, root: Path) -> Repository:
    return Repository(
        root, snapshot.documents, list(snapshot.findings), invalid=dict(snapshot.kinds)
    )


def _relative(policy_path: Path, root: Path) -> PurePosixPath:
    try:
        return PurePosixPath(policy_path.resolve().relative_to(root).as_posix())
    except ValueError:
        raise GitProblem(f"{policy_path}: not inside the Git repository at {root}") from None


def _blobs(
    commit: git.Commit, relative: PurePosixPath, suffixes: tuple[str, ...] = YAML_SUFFIXES
) -> list[tuple[str, bytes]]:
    """(repository path, content) of every policy file under `relative` at `commit`: the YAML
    files, or those ending in one of `suffixes` (a single policy file has none beside it)."""
    tree = commit.tree
    if str(relative) != ".":
        try:
            item = tree / str(relative)
        except KeyError:
            return []
        if item.type == "blob":
            return [(item.path, item.data_stream.read())] if suffixes == YAML_SUFFIXES else []
        tree = item
    found = []
    for item in tree.traverse():
        if item.type != "blob" or item.mode == SYMLINK_MODE:
            continue
        inner = PurePosixPath(item.path).relative_to(relative)
        if any(part.startswith(".") for part in inner.parts):
            continue
        if inner.suffix not in suffixes or inner.name in SKIPPED_NAMES:
            continue
        found.append((item.path, item.data_stream.read()))
    return sorted(found)
