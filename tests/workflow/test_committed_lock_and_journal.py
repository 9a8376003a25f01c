"""A lock or a journal committed to the repository by a pull request: `govkit review` neither
waits on it, reads through it, nor lets it move files (real `govkit` processes)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, TODAY
from tests.handbook.real import govkit_in

REVIEW = ("review", "nordlys-brand", "policies", "--by", "ben", "--date", TODAY)


def _repo(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE, tmp_path / "policies")
    return tmp_path


def test_lock_linked_to_dev_zero_is_not_read(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "policies" / ".govkit.lock").symlink_to("/dev/zero")
    run = govkit_in(repo, *REVIEW, today=False)
    assert run.returncode == 2
    assert run.stderr == (
        "govkit: error: policies/.govkit.lock: not a lock file govkit makes, so not used "
        "(hint: delete it, then run the command again)\n"
    )


def test_committed_journal_moves_nothing(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "hooks").mkdir()
    payload = repo / "policies" / "payload.sh"
    payload.write_text("echo pwned\n", encoding="utf-8")
    journal = {"replace": [["payload.sh", "../hooks/pre-commit"]]}
    (repo / "policies" / ".govkit.journal").write_text(json.dumps(journal), encoding="utf-8")
    run = govkit_in(repo, *REVIEW, today=False)
    assert (run.returncode, run.stderr) == (
        2,
        "govkit: error: policies/.govkit.journal: not replayed: it is not a journal govkit "
        "writes (hint: if it came with a pull request or a copy of the files, delete it and "
        "run the command again)\n",
    )
    assert list((repo / "hooks").iterdir()) == []
    assert payload.read_text(encoding="utf-8") == "echo pwned\n"


def test_policy_file_swapped_for_a_link_out_is_not_edited(tmp_path: Path) -> None:
    from governance_kit.edit.yaml_edit import Changeset, EditProblem

    repo = _repo(tmp_path)
    outside = tmp_path / "outside.yaml"
    shutil.copy(repo / "policies" / "brand.yaml", outside)
    before = outside.read_bytes()
    (repo / "policies" / "brand.yaml").unlink()
    (repo / "policies" / "brand.yaml").symlink_to(outside)
    changeset = Changeset(repo / "policies")
    with pytest.raises(EditProblem) as problem:
        changeset.file(repo / "policies" / "brand.yaml")
    assert str(problem.value) == (
        f"{repo / 'policies' / 'brand.yaml'}: symbolic link points outside the policy "
        "repository; not changed"
    )
    assert outside.read_bytes() == before
