"""A shallow clone (CI's default checkout) or missing history: one line with the way to fetch
the history, never an internal error. The clone is made with `git clone --depth 1`."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import git
import pytest

from tests.conftest import EXAMPLE, TODAY, govkit

ACTOR = git.Actor("Ana Berg Haugen", "ana.haugen@nordlys.example")
HINT = "(hint: run 'git fetch --unshallow', or set fetch-depth: 0 on actions/checkout)"


def _commit(repo: git.Repo, message: str, when: str) -> None:
    repo.git.add(A=True)
    repo.index.commit(message, author=ACTOR, committer=ACTOR, author_date=when, commit_date=when)


@pytest.fixture(scope="module")
def shallow(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clone at depth 1 of a repository with three commits (March, June, September 2026)."""
    origin = tmp_path_factory.mktemp("origin")
    repo = git.Repo.init(origin, initial_branch="main")
    shutil.copytree(EXAMPLE, origin / "policies")
    _commit(repo, "Example policies", "2026-03-01T10:00:00")
    accounts = origin / "policies" / "accounts.yaml"
    for month in ("06", "09"):
        with accounts.open("a", encoding="utf-8") as handle:
            handle.write(f"# checked in 2026-{month}\n")
        _commit(repo, f"Checked in {month}", f"2026-{month}-01T10:00:00")
    clone = tmp_path_factory.mktemp("shallow") / "clone"
    subprocess.run(
        ["git", "clone", "--quiet", "--depth", "1", f"file://{origin}", str(clone)], check=True
    )
    assert (clone / ".git" / "shallow").exists()
    return clone


@pytest.fixture
def inside(shallow: Path):
    before = Path.cwd()
    os.chdir(shallow)
    try:
        yield shallow
    finally:
        os.chdir(before)


@pytest.mark.parametrize(
    "command",
    [
        ("check", "policies", "--today", TODAY, "--base", "HEAD~1"),
        ("diff", "HEAD~1", "HEAD"),
        ("diff", "HEAD~1"),
    ],
)
def test_a_commit_beyond_the_depth(inside: Path, command: tuple[str, ...]) -> None:
    run = govkit(*command)
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        f"govkit: error: 'HEAD~1' cannot be read: {inside.resolve()} is a shallow clone, "
        f"without the older history {HINT}\n"
    )


def test_check_base_unknown_in_a_shallow_clone(inside: Path) -> None:
    run = govkit("check", "policies", "--today", TODAY, "--base", "origin/nope")
    assert run.exit_code == 2
    assert run.stderr == (
        f"govkit: error: 'origin/nope' is not a commit, branch or tag: {inside.resolve()} is a "
        f"shallow clone, without the older history {HINT}\n"
    )


def test_check_base_at_the_tip_still_works(inside: Path) -> None:
    run = govkit("check", "policies", "--today", TODAY, "--base", "origin/main")
    assert run.exit_code == 0
    assert run.stderr == ""


def test_report_as_of_before_the_depth(inside: Path) -> None:
    run = govkit("report", "policies", "--today", TODAY, "--as-of", "2026-06-30")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        f"govkit: error: no commit on or before 2026-06-30: {inside.resolve()} is a shallow "
        f"clone, without the older history {HINT}\n"
    )


def test_report_warns_that_recorded_reviews_are_incomplete(inside: Path) -> None:
    run = govkit("report", "policies", "--today", TODAY)
    assert run.exit_code == 0
    assert run.stderr == (
        f"govkit: warning: {inside.resolve()} is a shallow clone: the reviews recorded in "
        f"commits are only those of the commits fetched {HINT}\n"
    )


def test_handbook_warns_that_the_change_history_is_incomplete(inside: Path, tmp_path: Path) -> None:
    run = govkit("docs", "build", "policies", "--today", TODAY, "--site-dir", tmp_path / "site")
    assert run.exit_code == 0, run.stderr
    assert run.stderr == (
        f"govkit: warning: {inside.resolve()} is a shallow clone: the change history of each "
        f"policy lists only the commits fetched {HINT}\n"
    )


def test_an_unknown_ref_in_a_full_clone(tmp_path: Path) -> None:
    repo = git.Repo.init(tmp_path, initial_branch="main")
    shutil.copytree(EXAMPLE, tmp_path / "policies")
    _commit(repo, "Example policies", "2026-03-01T10:00:00")
    run = govkit("diff", "v9", "HEAD", tmp_path / "policies")
    assert run.exit_code == 2
    assert run.stderr == (
        f"govkit: error: 'v9' is not a commit, branch or tag in {tmp_path.resolve()}\n"
    )
