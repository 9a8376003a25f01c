"""Running the real `govkit` in a child process: its own working folder, temporary folder and a
timeout, so that a build that would wait on a pipe fails the test instead of hanging it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, TODAY

VICTIM = "victim-7f3a9c-this-line-must-never-be-published"


def govkit_in(cwd: Path, *args: str | Path, today: bool = True) -> subprocess.CompletedProcess[str]:
    """`govkit ARGS --today TODAY` (without --today if not `today`) run from `cwd`, temporary
    files under cwd/.tmp."""
    temporary = cwd / ".tmp"
    temporary.mkdir(exist_ok=True)
    environment = {
        **os.environ,
        "TMPDIR": str(temporary),
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    return subprocess.run(
        [sys.executable, "-m", "governance_kit", *map(str, args), *(["--today", TODAY] * today)],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def files_holding(folder: Path, text: str) -> list[Path]:
    """Regular files under `folder` (links not followed) whose bytes contain `text`."""
    found = []
    for top, _, names in os.walk(folder):
        for name in names:
            path = Path(top) / name
            if not path.is_symlink() and path.is_file() and text.encode() in path.read_bytes():
                found.append(path)
    return sorted(found)


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry under `folder`: file bytes, link targets, and folders, by relative path."""
    entries: dict[str, bytes | str] = {}
    for top, folders, names in os.walk(folder):
        for name in [*folders, *names]:
            path = Path(top) / name
            key = path.relative_to(folder).as_posix()
            if path.is_symlink():
                entries[key] = f"link to {os.readlink(path)}"
            elif path.is_file():
                entries[key] = path.read_bytes()
            else:
                entries[key] = "folder"
    return entries
