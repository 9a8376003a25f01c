"""`govkit post check` on a draft that is a link out of the current folder, a pipe or a device
(a pull request may add one where CI checks drafts): refused in one line, never read."""

from __future__ import annotations

import os
from pathlib import Path

from tests.drafts.conftest import Drafts, front, run_post
from tests.handbook.real import VICTIM, govkit_in

HINT = "(hint: give the draft file itself, or - to read standard input)"


def test_draft_linked_out_of_the_folder_is_not_read(drafts: Drafts, tmp_path: Path) -> None:
    victim = tmp_path / "victim.md"
    victim.write_text(front() + f"{VICTIM} miljøvennlig\n", encoding="utf-8")
    (drafts.folder / "draft.md").symlink_to(victim)
    run = run_post("draft.md", drafts.policies)
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        f"draft.md:1:1: error: symbolic link points outside the current folder; not read {HINT}\n"
    )


def test_draft_linked_inside_the_folder_is_read(drafts: Drafts) -> None:
    drafts.write(front() + "Ny jakke. Hva synes du?\n", name="real.md")
    (drafts.folder / "draft.md").symlink_to("real.md")
    run = run_post("draft.md", drafts.policies)
    assert run.exit_code == 0, run.stdout + run.stderr


def test_draft_that_is_a_pipe_or_dev_zero_is_refused_at_once(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "zero.md").symlink_to("/dev/zero")
    for name, problem in [
        ("pipe.md", "not a regular file"),
        ("zero.md", "symbolic link points outside the current folder"),
    ]:
        run = govkit_in(tmp_path, "post", "check", name, "x")
        assert (run.returncode, run.stderr) == (
            2,
            f"{name}:1:1: error: {problem}; not read {HINT}\n",
        )
