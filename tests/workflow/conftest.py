"""Real Git repositories holding a copy of the example policies, built with gitpython."""

from __future__ import annotations

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
