"""Real Git repositories holding a copy of the example policies, built with gitpython."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import git
import pytest

from tests.conftest import EXAMPLE, edit_yaml


@dataclass
class PolicyRepo:
    """A Git repository with the example policies committed on `main`, on branch `change`."""

    repo: git.Repo
    root: Path

    @property
    def policies(self) -> Path:
        return self.root / "policies"

    def commit(self, message: str) -> git.Commit:
        self.repo.git.add(A=True)
        return self.repo.index.commit(message)


PINNED_VERSIONS = {"brand.yaml": "2.2.0", "scope.yaml": "2.1.0", "objectives.yaml": "3.0.0"}
"""Versions the tests expect at the base commit, whatever the example says today."""


@pytest.fixture
def policy_repo(tmp_path: Path) -> PolicyRepo:
    root = tmp_path / "repo"
    root.mkdir()
    repo = git.Repo.init(root, initial_branch="main")
    with repo.config_writer() as config:
        config.set_value("user", "name", "Test")
        config.set_value("user", "email", "test@example.com")
    shutil.copytree(EXAMPLE, root / "policies")
    for name, version in PINNED_VERSIONS.items():
        edit_yaml(
            root / "policies" / name,
            lambda data, v=version: data["metadata"].__setitem__("version", v),
        )
    made = PolicyRepo(repo, root)
    made.commit("Example policies")
    repo.create_head("change").checkout()
    return made


@pytest.fixture(autouse=True)
def journal_key_in_tmp(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """The user's journal key lives in a private state folder, not in the real home."""
    state = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    return state


def tree(folder: Path) -> dict[str, bytes | str]:
    """Every file and link under `folder`: its bytes, or where a symbolic link points."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[name] = f"-> {os.readlink(path)}"
        elif path.is_file():
            found[name] = path.read_bytes()
    return found
