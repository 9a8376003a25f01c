"""Without PATH, a command finds the policies from any folder inside the repository, and never
looks above the Git work tree root nor through a symlink."""

from __future__ import annotations

from pathlib import Path

import git
import pytest

from governance_kit.cli.locate import find_policies
from tests.conftest import TODAY, govkit


@pytest.fixture
def repository(example: Path) -> Path:
    """A Git work tree holding the example as policies/, with a docs/guides subfolder."""
    root = example.parent
    git.Repo.init(root)
    (root / "docs" / "guides").mkdir(parents=True)
    return root


def test_check_runs_inside_policies(repository: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repository / "policies")
    run = govkit("check", "--today", TODAY)
    assert (run.exit_code, run.stderr) == (0, "")
    assert find_policies(Path.cwd()) == Path(".")


def test_check_runs_in_a_subfolder_of_the_repository(
    repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repository / "docs" / "guides")
    run = govkit("check", "--today", TODAY)
    assert (run.exit_code, run.stderr) == (0, "")
    assert find_policies(Path.cwd()) == Path("../../policies")


def test_a_subfolder_of_policies_finds_the_parent_policies(repository: Path) -> None:
    assert find_policies(repository / "policies" / "handbook") == Path("..")


def test_policies_in_the_current_folder_come_first(repository: Path) -> None:
    assert find_policies(repository) == Path("policies")


def test_never_looks_above_the_git_work_tree_root(tmp_path: Path) -> None:
    (tmp_path / "policies").mkdir()
    inner = tmp_path / "project"
    git.Repo.init(inner)
    (inner / "docs").mkdir()
    assert find_policies(inner / "docs") == Path("policies")
    assert find_policies(inner) == Path("policies")


def test_a_symlink_named_policies_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    git.Repo.init(tmp_path)
    (tmp_path / "policies").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "docs").mkdir()
    assert find_policies(tmp_path / "docs") == Path("policies")


def test_nothing_found_reports_the_missing_policies_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    git.Repo.init(tmp_path)
    (tmp_path / "notes.yaml").write_text("apiVersion: other/v1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = govkit("check", "--today", TODAY)
    assert run.exit_code == 2
    assert run.stderr == (
        "govkit: error: policies: no such file or directory"
        " (hint: give the folder of the policy files, e.g. policies/)\n"
    )
