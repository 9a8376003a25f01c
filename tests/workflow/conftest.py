"""Real Git repositories holding a copy of the example policies, built with gitpython."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import git
import pytest

from tests.conftest import EXAMPLE


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


@pytest.fixture
def policy_repo(tmp_path: Path) -> PolicyRepo:
    root = tmp_path / "repo"
    root.mkdir()
    repo = git.Repo.init(root, initial_branch="main")
    with repo.config_writer() as config:
        config.set_value("user", "name", "Test")
        config.set_value("user", "email", "test@example.com")
    shutil.copytree(EXAMPLE, root / "policies")
    made = PolicyRepo(repo, root)
    made.commit("Example policies")
    repo.create_head("change").checkout()
    return made
