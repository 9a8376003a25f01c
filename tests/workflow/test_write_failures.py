"""A read-only policy file is not rewritten; a full disk leaves nothing behind.

Each time the command stops with one line naming the file, exit code 2, and every file of the
policy folder is as it was: no temporary file, journal or lock is left.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from governance_kit.edit import files
from governance_kit.edit.journal import make_key
from tests.conftest import TODAY, govkit
from tests.workflow.conftest import tree

REVIEW = ("review", "nordlys-brand", "policies", "--by", "ben", "--date", TODAY)
HANDOVER = ("handover", "carl", "policies", "--to", "dina", "--today", TODAY)
FULL = "No space left on device"
REAL_FSYNC = os.fsync


def test_a_read_only_file_is_not_rewritten(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(example.parent)
    (example / "brand.yaml").chmod(0o444)
    before = tree(example)
    run = govkit(*REVIEW)
    assert (run.exit_code, run.stderr) == (
        2,
        "govkit: error: policies/brand.yaml: the file is read-only, so it is not rewritten; "
        "nothing written (hint: make it writable, e.g. chmod u+w, if it should change)\n",
    )
    assert tree(example) == before
    assert stat.S_IMODE((example / "brand.yaml").stat().st_mode) == 0o444


def test_a_change_to_several_files_with_one_read_only_writes_none(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(example.parent)
    (example / "continuity.yaml").chmod(0o440)
    before = tree(example)
    run = govkit(*HANDOVER)
    assert run.exit_code == 2
    assert run.stderr == (
        "govkit: error: policies/continuity.yaml: the file is read-only, so it is not "
        "rewritten; nothing written (hint: make it writable, e.g. chmod u+w, if it should "
        "change)\n"
    )
    assert tree(example) == before


def disk_full_at(monkeypatch: pytest.MonkeyPatch, call: int) -> list[str]:
    """Make the `call`-th fsync fail as on a full disk; the path it failed on is returned."""
    calls: list[int] = []
    failed: list[str] = []

    def fsync(handle: int) -> None:
        calls.append(handle)
        if len(calls) == call:
            failed.append(os.readlink(f"/proc/self/fd/{handle}"))
            raise OSError(errno.ENOSPC, FULL)
        REAL_FSYNC(handle)

    monkeypatch.setattr(files.os, "fsync", fsync)
    return failed


def named(failed: str) -> str:
    """The file a failed fsync was writing: a temporary file stands for its target."""
    path = Path(failed)
    name = path.name
    if name.endswith(".tmp"):
        name = name[1:].rsplit(".", 2)[0]
    return f"policies/{name}"


def test_a_full_disk_leaves_no_temporary_file_and_names_the_file(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(example.parent)
    before = tree(example)
    failed = disk_full_at(monkeypatch, 1)
    run = govkit(*REVIEW)
    assert (run.exit_code, run.stderr) == (
        2,
        f"govkit: error: policies/brand.yaml: cannot write: {FULL}\n",
    )
    assert named(failed[0]) == "policies/brand.yaml"
    assert tree(example) == before


def test_a_full_disk_at_any_write_of_a_handover_leaves_everything_as_it_was(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every file the handover writes, then the lock's run token, then the journal."""
    monkeypatch.chdir(example.parent)
    make_key()
    before = tree(example)
    names = []
    for call in range(1, 20):
        failed = disk_full_at(monkeypatch, call)
        run = govkit(*HANDOVER)
        if run.exit_code == 0:
            assert Path(failed[0]).is_dir(), "only syncing a folder may fail and not stop"
            break
        names.append(named(failed[0]))
        assert run.stderr == f"govkit: error: {names[-1]}: cannot write: {FULL}\n"
        assert tree(example) == before
    else:
        pytest.fail("the handover never got past its writes")
    assert names == [
        "policies/accounts.yaml",
        "policies/moderation.yaml",
        "policies/people.yaml",
        "policies/continuity.yaml",
        "policies/.govkit.lock",
        "policies/.govkit.journal",
    ]


def test_a_journal_key_that_cannot_be_made_stops_a_change_to_several_files(
    example: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(example.parent)
    not_a_folder = tmp_path / "state-file"
    not_a_folder.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_STATE_HOME", str(not_a_folder))
    before = tree(example)
    run = govkit(*HANDOVER)
    assert (run.exit_code, run.stderr) == (
        2,
        f"govkit: error: {not_a_folder}/govkit/journal.key: cannot write: Not a directory\n",
    )
    assert tree(example) == before
