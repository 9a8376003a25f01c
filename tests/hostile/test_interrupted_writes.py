"""`govkit review` and `govkit handover` killed at random moments, and run two at a time.

Each file is always exactly its old or its new text, never a mix, and once the journal a
killed run leaves is finished the files are all old or all new; what a killed run leaves
(temporary files, journal, lock) is cleaned up by the next run; two runs started together
never lose a change: the second refuses with one line and exit code 2, or runs after the
first.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from governance_kit.edit.files import JOURNAL_NAME, finish_interrupted
from governance_kit.edit.review import record_review
from governance_kit.edit.yaml_edit import LOCK_NAME, Changeset, EditProblem
from governance_kit.loading.repository import load_repository
from tests.conftest import EXAMPLE, TODAY, govkit

pytestmark = pytest.mark.slow
ITERATIONS = 8
PADDING = "# " + "padding to make the file large enough that writing it takes a while " * 2 + "\n"
REVIEW = ("review", "nordlys-accounts", "{root}", "--by", "ben", "--date", TODAY, "--note", "OK.")
HANDOVER = ("handover", "carl", "{root}", "--to", "dina", "--today", TODAY)


@pytest.fixture(autouse=True)
def journal_key_in_tmp(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The runs and the test share a journal key in a private folder, not in the real home."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))


def command(args: tuple[str, ...], root: Path) -> list[str]:
    return [sys.executable, "-m", "governance_kit", *(a.format(root=root) for a in args)]


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(root.iterdir()) if p.is_file()}


def large_example(root: Path) -> Path:
    """The example policies with accounts.yaml grown to about 700 kB of comments."""
    shutil.copytree(EXAMPLE, root)
    accounts = root / "accounts.yaml"
    accounts.write_text(accounts.read_text(encoding="utf-8") + PADDING * 5_000, "utf-8")
    return root


def expected_after(args: tuple[str, ...], tmp_path: Path) -> tuple[dict[str, bytes], float]:
    """The files before and after an uninterrupted run, and how long the run took."""
    root = large_example(tmp_path / "reference")
    start = time.monotonic()
    done = subprocess.run(command(args, root), capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return snapshot(root), time.monotonic() - start


@pytest.mark.parametrize("args", [REVIEW, HANDOVER], ids=["review", "handover"])
def test_killed_run_leaves_each_file_old_or_new(args: tuple[str, ...], tmp_path: Path) -> None:
    after, duration = expected_after(args, tmp_path)
    root = large_example(tmp_path / "policies")
    before = snapshot(root)
    assert {n for n in after if after[n] != before[n]}, "the command changes nothing"
    chance = random.Random(7)
    outcomes = set()
    for _ in range(ITERATIONS):
        for name, content in before.items():
            (root / name).write_bytes(content)
        process = subprocess.Popen(
            command(args, root), stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        time.sleep(chance.uniform(0.3, 1.05) * duration)
        process.send_signal(signal.SIGKILL)
        process.communicate()
        now = snapshot(root)
        for name in before:
            assert now[name] in (before[name], after[name]), f"{name} is neither old nor new"
        leftovers = [p.name for p in root.iterdir() if p.name.startswith(".")]
        assert all(leftover(name, before) for name in leftovers), leftovers
        finish_interrupted(root)
        now = snapshot(root)
        policies = {name: now[name] for name in before}
        assert policies in (before, after), "a change to several files was left half made"
        outcomes.add("new" if policies == after else "old")
    assert "old" in outcomes
    for name, content in before.items():
        (root / name).write_bytes(content)
    rerun = subprocess.run(command(args, root), capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert snapshot(root) == after
    assert [p.name for p in root.iterdir() if p.name.startswith(".")] == []


def leftover(name: str, files: dict[str, bytes]) -> bool:
    """What a killed run may leave: its lock, its journal, or temporary files beside policy
    files."""
    temporary = name.endswith(".tmp") and any(name.startswith(f".{file}.") for file in files)
    return name in (LOCK_NAME, JOURNAL_NAME) or temporary


def test_two_runs_together_lose_no_change(tmp_path: Path) -> None:
    """A review and a handover that both change people.yaml, started at the same moment."""
    review = ("review", "nordlys-people", "{root}", "--by", "ben", "--date", TODAY)
    for attempt in range(3):
        root = tmp_path / f"policies-{attempt}"
        shutil.copytree(EXAMPLE, root)
        runs = [
            subprocess.Popen(command(args, root), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for args in (review, HANDOVER)
        ]
        errors = [run.communicate(timeout=60)[1].decode() for run in runs]
        results = [(run.returncode, error) for run, error in zip(runs, errors, strict=True)]
        people = (root / "people.yaml").read_text(encoding="utf-8")
        (reviewed, _), (handed, _) = results
        for code, error in results:
            assert code in (0, 2), error
            if code == 2:
                assert len(error.strip().splitlines()) == 1, error
                assert "another govkit command" in error or "changed by another" in error
        assert reviewed == 0 or handed == 0
        if reviewed == 0:
            assert "reviewed_by: ben" in people
        if handed == 0:
            assert "status: leaving" in people.split("- id: carl", 1)[1].split("- id:", 1)[0]
        assert govkit("validate", root).exit_code == 0
        assert not (root / ".govkit.lock").exists()


def test_stale_lock_of_a_dead_process_is_taken_over(example: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (example / ".govkit.lock").write_text(f"{dead.pid}\n", encoding="utf-8")
    run = govkit("review", "nordlys-brand", example, "--by", "ben", "--date", TODAY)
    assert run.exit_code == 0, run.stderr
    assert not (example / ".govkit.lock").exists()


def test_a_file_changed_meanwhile_is_not_overwritten(example: Path) -> None:
    governance = load_repository(example).governance
    changeset = Changeset(example)
    changeset.file(example / "brand.yaml").data["metadata"]["title"] = "Brand guide, new title"
    assert record_review(example, governance, "nordlys-brand", "ben", dt.date(2026, 11, 24))
    reviewed = (example / "brand.yaml").read_text(encoding="utf-8")
    with pytest.raises(EditProblem, match="changed by another command while this one ran"):
        changeset.write()
    assert (example / "brand.yaml").read_text(encoding="utf-8") == reviewed
