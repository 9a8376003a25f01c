"""Replacing several policy files: all or none, even when the run stops in the middle."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from governance_kit.edit import files
from governance_kit.edit.files import (
    JOURNAL_NAME,
    EditProblem,
    finish_interrupted,
    replace_all,
)
from tests.conftest import TODAY, govkit
from tests.workflow.conftest import tree


def three_files(folder: Path) -> dict[Path, str]:
    for name in ("a.yaml", "b.yaml", "c.yaml"):
        (folder / name).write_text(f"old {name}\n", encoding="utf-8")
    (folder / "b.yaml").chmod(0o600)
    return {folder / name: f"new {name}\n" for name in ("a.yaml", "b.yaml", "c.yaml")}


def contents(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}


def stopped_replacing(
    monkeypatch: pytest.MonkeyPatch,
    folder: Path,
    texts: dict[Path, str],
    stop: Callable[[str], bool],
) -> None:
    """Run replace_all, stopping it (as a kill would) at the first rename `stop` picks."""
    real_replace = os.replace

    def replace(source: str, target: str) -> None:
        if stop(str(target)):
            raise KeyboardInterrupt
        real_replace(source, target)

    monkeypatch.setattr(files.os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        replace_all(folder, texts)
    monkeypatch.setattr(files.os, "replace", real_replace)


def test_every_file_is_replaced_and_nothing_is_left_beside_them(tmp_path: Path) -> None:
    replace_all(tmp_path, three_files(tmp_path))
    assert contents(tmp_path) == {
        "a.yaml": "new a.yaml\n",
        "b.yaml": "new b.yaml\n",
        "c.yaml": "new c.yaml\n",
    }
    assert stat.S_IMODE((tmp_path / "b.yaml").stat().st_mode) == 0o600


def test_stopped_between_two_replacements_the_next_writer_finishes_the_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = three_files(tmp_path)
    calls: list[str] = []

    def stop_at_the_third(target: str) -> bool:
        calls.append(Path(target).name)
        return len(calls) == 3

    stopped_replacing(monkeypatch, tmp_path, texts, stop_at_the_third)
    assert calls == [JOURNAL_NAME, "a.yaml", "b.yaml"]
    left = contents(tmp_path)
    assert left["a.yaml"] == "new a.yaml\n" and left["b.yaml"] == "old b.yaml\n"
    assert JOURNAL_NAME in left
    assert finish_interrupted(tmp_path) == [tmp_path / "b.yaml", tmp_path / "c.yaml"]
    assert contents(tmp_path) == {
        "a.yaml": "new a.yaml\n",
        "b.yaml": "new b.yaml\n",
        "c.yaml": "new c.yaml\n",
    }
    assert finish_interrupted(tmp_path) == []


def test_stopped_before_the_journal_nothing_changes_and_nothing_is_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = three_files(tmp_path)
    before = contents(tmp_path)
    real_prepare = files._prepare
    prepared: list[Path] = []

    def fail_on_the_third(path: Path, text: str) -> Path:
        if len(prepared) == 2:
            raise OSError(28, "No space left on device")
        prepared.append(real_prepare(path, text))
        return prepared[-1]

    monkeypatch.setattr(files, "_prepare", fail_on_the_third)
    with pytest.raises(OSError, match="No space left"):
        replace_all(tmp_path, texts)
    assert contents(tmp_path) == before
    assert finish_interrupted(tmp_path) == []


def test_a_moved_repository_keeps_its_journal_true(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = tmp_path / "first"
    first.mkdir()
    texts = three_files(first)
    stopped_replacing(monkeypatch, first, texts, lambda target: Path(target).name != JOURNAL_NAME)
    moved = first.rename(tmp_path / "moved")
    assert finish_interrupted(moved) == [moved / n for n in ("a.yaml", "b.yaml", "c.yaml")]
    assert contents(moved) == {n: f"new {n}\n" for n in ("a.yaml", "b.yaml", "c.yaml")}


WARNING = (
    "govkit: warning: {journal}: a change to several policy files was stopped half-way, some "
    "files may be old and others new (hint: run the same govkit review or handover again: it "
    "finishes the change first)\n"
)


def test_check_warns_about_a_change_stopped_half_way_and_review_finishes_it(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    brand, scope = example / "brand.yaml", example / "scope.yaml"
    texts = {
        brand: brand.read_text(encoding="utf-8") + "# new brand\n",
        scope: scope.read_text(encoding="utf-8") + "# new scope\n",
    }
    stopped_replacing(monkeypatch, example, texts, lambda target: target == str(scope))
    journal = example / JOURNAL_NAME
    run = govkit("check", example, "--today", TODAY)
    assert run.exit_code == 0
    assert run.stderr == WARNING.format(journal=journal)
    review = govkit("review", "nordlys-brand", example, "--by", "ben", "--date", TODAY)
    assert review.exit_code == 0, review.stderr
    assert review.stderr == (
        f"govkit: warning: {journal}: finished the change to several policy files that a "
        "stopped run had left half made\n'nordlys-brand' version 2.3.0 -> 2.3.1\n"
    )
    assert scope.read_text(encoding="utf-8").endswith("# new scope\n")
    assert "# new brand\n" in brand.read_text(encoding="utf-8")
    assert "reviewed_by: ben" in brand.read_text(encoding="utf-8")
    assert sorted(p.name for p in example.iterdir() if p.name.startswith(".")) == []
    assert govkit("check", example, "--today", TODAY).stderr == ""


def test_a_journal_govkit_did_not_write_is_warned_about_and_refused(example: Path) -> None:
    journal = example / JOURNAL_NAME
    journal.write_text('{"replace": []}\n', encoding="utf-8")
    run = govkit("check", example, "--today", TODAY)
    assert run.exit_code == 0
    assert run.stderr == WARNING.format(journal=journal)
    before = tree(example)
    review = govkit("review", "nordlys-brand", example, "--by", "ben", "--date", TODAY)
    assert review.exit_code == 2
    assert review.stderr == (
        f"govkit: error: {journal}: not replayed: it is not a journal govkit writes (hint: if "
        "it came with a pull request or a copy of the files, delete it and run the command "
        "again)\n"
    )
    assert tree(example) == before


@pytest.mark.parametrize(
    "pair",
    [
        ["payload.sh", "../.git/hooks/pre-commit"],
        [".pre-commit.x.tmp", "../.git/hooks/pre-commit"],
        ["payload.sh", "a.yaml"],
        ["../outside/.a.yaml.x.tmp", "../outside/a.yaml"],
        [".a.yaml.x.tmp", "linked.yaml"],
    ],
)
def test_a_journal_govkit_did_not_write_moves_nothing(tmp_path: Path, pair: list[str]) -> None:
    """A pull request can commit a journal: it must not move its files over others."""
    folder = tmp_path / "policies"
    folder.mkdir()
    (tmp_path / ".git" / "hooks").mkdir(parents=True)
    (tmp_path / "outside").mkdir()
    for name in ("payload.sh", ".pre-commit.x.tmp", ".a.yaml.x.tmp"):
        (folder / name).write_text("echo pwned\n", encoding="utf-8")
    (tmp_path / "outside" / ".a.yaml.x.tmp").write_text("echo pwned\n", encoding="utf-8")
    (folder / "a.yaml").write_text("kept\n", encoding="utf-8")
    (folder / "linked.yaml").symlink_to(tmp_path / "outside" / "a.yaml")
    (folder / JOURNAL_NAME).write_text(json.dumps({"replace": [pair]}), encoding="utf-8")
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    with pytest.raises(EditProblem, match="not replayed"):
        finish_interrupted(folder)
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before
    assert not (tmp_path / ".git" / "hooks" / "pre-commit").exists()
    assert not (tmp_path / "outside" / "a.yaml").exists()


def test_a_journal_that_is_a_pipe_is_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / JOURNAL_NAME)
    with pytest.raises(EditProblem, match="not replayed"):
        finish_interrupted(tmp_path)
    assert (tmp_path / JOURNAL_NAME).is_fifo()
