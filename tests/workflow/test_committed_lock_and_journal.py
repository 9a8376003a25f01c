"""A lock or a journal committed to the repository by a pull request: `govkit review` neither
waits on it, reads through it, nor lets it move files (real `govkit` processes)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

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
        "govkit: error: policies/.govkit.lock: another govkit command is changing these files; "
        "try again when it is done (delete the lock file if no govkit command is running)\n"
    )


def test_committed_journal_moves_nothing(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "hooks").mkdir()
    payload = repo / "policies" / "payload.sh"
    payload.write_text("echo pwned\n", encoding="utf-8")
    journal = {"replace": [["payload.sh", "../hooks/pre-commit"]]}
    (repo / "policies" / ".govkit.journal").write_text(json.dumps(journal), encoding="utf-8")
    run = govkit_in(repo, *REVIEW, today=False)
    assert run.returncode == 0, run.stderr
    assert list((repo / "hooks").iterdir()) == []
    assert payload.read_text(encoding="utf-8") == "echo pwned\n"
