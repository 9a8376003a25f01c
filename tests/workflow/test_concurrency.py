"""Real concurrent processes: one holder of the lock at a time, and no edit is ever lost.

Processes are forked from the test so that each trial is quick; each one runs the real lock,
the real review or handover command (in-process, click's runner) and the real files. The
lock trials take about two seconds; the 50 review and handover trials about 8 to 17 seconds
each (two cores, shared).
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from multiprocessing.synchronize import Barrier, Event
from pathlib import Path
from typing import Any

import pytest

from governance_kit.edit import files, yaml_edit
from governance_kit.edit.files import LOCK_NAME, Locked, hold_lock
from tests.conftest import EXAMPLE, TODAY, govkit
from tests.workflow.conftest import tree

FORK = multiprocessing.get_context("fork")
TRIALS = 50
REVIEW = ("review", "nordlys-people", "{root}", "--by", "ben", "--date", TODAY)
HANDOVER = ("handover", "carl", "{root}", "--to", "dina", "--today", TODAY)
EDITED_MEANWHILE = "# edited by another program while govkit ran\n"


def take_turns(folder: Path, marks: Path, barrier: Barrier, attempts: int) -> None:
    """Take the lock `attempts` times; while holding it, write start and end marks."""
    barrier.wait()
    held = 0
    for _ in range(attempts):
        try:
            with hold_lock(folder):
                with marks.open("a", encoding="utf-8") as stream:
                    stream.write(f"start {os.getpid()}\n")
                time.sleep(0.0005)
                with marks.open("a", encoding="utf-8") as stream:
                    stream.write(f"end {os.getpid()}\n")
                held += 1
        except Locked:
            pass
    raise SystemExit(held)


def test_two_writers_racing_on_a_stale_lock_never_both_hold_it(tmp_path: Path) -> None:
    total = 0
    for trial in range(TRIALS):
        folder = tmp_path / f"trial-{trial}"
        folder.mkdir()
        (folder / LOCK_NAME).write_text("a run that was killed\n", encoding="utf-8")
        marks = folder / "marks"
        marks.touch()
        barrier = FORK.Barrier(3)
        writers = [
            FORK.Process(target=take_turns, args=(folder, marks, barrier, 8)) for _ in range(3)
        ]
        for writer in writers:
            writer.start()
        for writer in writers:
            writer.join(30)
        lines = marks.read_text(encoding="utf-8").splitlines()
        starts, ends = lines[0::2], lines[1::2]
        assert [line.split()[0] for line in starts] == ["start"] * len(starts), lines
        assert [e.replace("end", "start") for e in ends] == starts, lines
        assert sum(writer.exitcode for writer in writers) == len(starts)
        assert not (folder / LOCK_NAME).exists()
        total += len(starts)
    assert total >= TRIALS, "the lock was hardly ever taken"


def run_in_child(args: tuple[str, ...], root: Path, results: Any, barrier: Barrier) -> None:
    barrier.wait()
    if args[0] == "edit":
        try:
            yaml_edit.edit(root, root / "people.yaml", set_title)
        except yaml_edit.EditProblem as problem:
            results.put(("edit", 2, f"{problem}\n"))
            return
        results.put(("edit", 0, ""))
        return
    run = govkit(*(a.format(root=root) for a in args))
    results.put((args[0], run.exit_code, run.stderr))


def set_title(data: Any) -> None:
    data["metadata"]["title"] = "People, retitled by another govkit command"


@pytest.mark.slow
def test_a_review_and_another_edit_at_once_never_lose_a_change(example: Path, warm: None) -> None:
    """Both change people.yaml: each one that says it wrote has its change in the file."""
    before = tree(example)
    outcomes = set()
    for _ in range(TRIALS):
        restore(example, before)
        results = FORK.Queue()
        barrier = FORK.Barrier(2)
        runs = [
            FORK.Process(target=run_in_child, args=(args, example, results, barrier))
            for args in (REVIEW, ("edit",))
        ]
        for run in runs:
            run.start()
        ended = {}
        for _ in runs:
            name, code, error = results.get(timeout=60)
            ended[name] = (code, error)
        for run in runs:
            run.join(30)
        people = (example / "people.yaml").read_text(encoding="utf-8")
        for code, error in ended.values():
            assert code in (0, 2), error
            if code == 2:
                assert len(error.splitlines()) == 1, error
                assert "another govkit command" in error or "changed by another" in error
        assert ("reviewed_by: ben" in people) == (ended["review"][0] == 0)
        assert ("retitled by another" in people) == (ended["edit"][0] == 0)
        assert ended["review"][0] == 0 or ended["edit"][0] == 0
        assert {p.name for p in example.iterdir() if p.name.startswith(".")} == set()
        outcomes.add((ended["review"][0], ended["edit"][0]))
    assert outcomes <= {(0, 0), (0, 2), (2, 0)}, outcomes  # which one wins depends on the load


@pytest.fixture
def warm(tmp_path: Path) -> None:
    """One review and one handover in this process first: forked children start warm."""
    shutil.copytree(EXAMPLE, tmp_path / "warm")
    for args in (REVIEW, HANDOVER):
        assert govkit(*(a.format(root=tmp_path / "warm") for a in args)).exit_code == 0


def restore(folder: Path, files_before: dict[str, bytes | str]) -> None:
    """Put `folder` back as it was: files it did not have removed, changed files rewritten (only
    those: rewriting a file in place costs a flush on ext4, 2 ms a file, every trial)."""
    for path in list(folder.rglob("*")):
        if path.is_file() and path.relative_to(folder).as_posix() not in files_before:
            path.unlink()
    for name, content in files_before.items():
        assert isinstance(content, bytes)
        path = folder / name
        if not path.is_file() or path.is_symlink() or path.read_bytes() != content:
            path.unlink(missing_ok=True)
            path.write_bytes(content)


def paused_after(module: Any, name: str, ready: Event, go: Event) -> None:
    """Make `module.name` stop, once it has run, until the test says go."""
    real: Callable[..., Any] = getattr(module, name)

    def pause(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        ready.set()
        go.wait(30)
        return result

    setattr(module, name, pause)


def paused_run(
    args: tuple[str, ...],
    root: Path,
    where: tuple[Any, str],
    events: tuple[Event, Event],
    results: Any,
) -> None:
    paused_after(*where, *events)
    run = govkit(*(a.format(root=root) for a in args))
    results.put((run.exit_code, run.stderr))


PAUSES = [
    (REVIEW, (yaml_edit, "open_for_edit"), "people.yaml"),
    (REVIEW, (yaml_edit.Changeset, "validate"), "people.yaml"),
    (REVIEW, (files, "_prepare"), "people.yaml"),
    (REVIEW, (yaml_edit, "open_for_edit"), "people.yaml"),
    (REVIEW, (yaml_edit.Changeset, "validate"), "people.yaml"),
    (REVIEW, (files, "_prepare"), "people.yaml"),
    (REVIEW, (files, "_prepare"), "people.yaml"),
    (REVIEW, (files, "_prepare"), "people.yaml"),
    (HANDOVER, (yaml_edit.Changeset, "validate"), "accounts.yaml"),
    (HANDOVER, (files, "_write_journal"), "continuity.yaml"),
]
"""Where the command pauses while the other program writes: after reading, after validating,
after writing the new text to a temporary file, after writing the journal (handover, which
changes several files). Handovers are slower, so fewer of them."""


@pytest.mark.slow
def test_a_file_another_program_changes_while_govkit_runs_is_never_overwritten(
    example: Path, warm: None
) -> None:
    """The other program writes after the file was read: after reading, after validating,
    after the new texts are written to temporary files, after the journal is written."""
    before = tree(example)
    for trial in range(TRIALS):
        args, where, name = PAUSES[trial % len(PAUSES)]
        restore(example, before)
        ready, go, results = FORK.Event(), FORK.Event(), FORK.Queue()
        child = FORK.Process(target=paused_run, args=(args, example, where, (ready, go), results))
        child.start()
        assert ready.wait(30), "the command never reached the pause"
        with (example / name).open("a", encoding="utf-8") as stream:
            stream.write(EDITED_MEANWHILE)
        go.set()
        code, error = results.get(timeout=60)
        child.join(30)
        assert (code, error) == (
            2,
            f"govkit: error: {example / name}: changed by another command while this one "
            "ran; nothing written, run it again\n",
        ), (args[0], where)
        now = tree(example)
        assert now[name] == before[name] + EDITED_MEANWHILE.encode()
        assert {n: b for n, b in now.items() if n != name} == {
            n: b for n, b in before.items() if n != name
        }


PAUSING_REVIEW = """
import sys, time
from pathlib import Path
from governance_kit.cli.main import main
from governance_kit.edit import files

real_prepare = files._prepare
signals = Path(sys.argv[1])

def prepare(path, text):
    temporary = real_prepare(path, text)
    (signals / "ready").touch()
    while not (signals / "go").exists():
        time.sleep(0.005)
    return temporary

files._prepare = prepare
sys.argv = ["govkit", *sys.argv[2:]]
main()
"""


@pytest.mark.slow
def test_a_separate_govkit_process_never_overwrites_a_file_changed_meanwhile(
    example: Path, tmp_path: Path
) -> None:
    """The same with `govkit review` as its own Python process, paused after it wrote the
    new text to a temporary file, just before it replaces the file."""
    before = tree(example)
    signals = tmp_path / "signals"
    for _ in range(5):
        restore(example, before)
        shutil.rmtree(signals, ignore_errors=True)
        signals.mkdir()
        args = [a.format(root=example) for a in REVIEW]
        child = subprocess.Popen(
            [sys.executable, "-c", PAUSING_REVIEW, str(signals), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 60
        while not (signals / "ready").exists():
            assert child.poll() is None and time.monotonic() < deadline, child.communicate()
            time.sleep(0.005)
        with (example / "people.yaml").open("a", encoding="utf-8") as stream:
            stream.write(EDITED_MEANWHILE)
        (signals / "go").touch()
        _, error = child.communicate(timeout=60)
        assert (child.returncode, error) == (
            2,
            f"govkit: error: {example / 'people.yaml'}: changed by another command while this "
            "one ran; nothing written, run it again\n",
        )
        now = tree(example)
        assert now.pop("people.yaml") == before["people.yaml"] + EDITED_MEANWHILE.encode()
        assert now == {name: b for name, b in before.items() if name != "people.yaml"}
