"""GK972 handbook-file-refused: `govkit check` flags what `govkit docs build` would refuse."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tests.conftest import EXAMPLE
from tests.handbook.real import VICTIM, govkit_in

OUT = "symbolic link points outside the policy repository; not published [GK972]"
OUT_HINT = "(hint: copy what it points to into the repository instead)"
PIPE = (
    "not a regular file; not published [GK972] "
    "(hint: handbook pages are plain files, not pipes, sockets or devices)"
)


def test_check_flags_every_file_the_build_refuses(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text(f"{VICTIM}\n", encoding="utf-8")
    policies = tmp_path / "repo" / "policies"
    shutil.copytree(EXAMPLE, policies)
    handbook = policies / "handbook"
    (handbook / "leak.md").symlink_to(victim)
    (handbook / "zero.md").symlink_to("/dev/zero")
    os.mkfifo(handbook / "pipe.md")
    (handbook / "latin.md").write_bytes(b"# Caf\xe9\n")
    (handbook / "again").symlink_to(".", target_is_directory=True)
    (handbook / "gone.md").symlink_to("missing.md")
    (handbook / "same.md").symlink_to("welcome.md")
    (policies / "mkdocs.yml").unlink()
    (policies / "mkdocs.yml").symlink_to("../../victim.txt")

    run = govkit_in(tmp_path / "repo", "check", "policies", "--select", "GK970,GK972")

    assert (run.returncode, run.stderr) == (1, "")
    assert run.stdout.splitlines() == [
        "policies/handbook/again:1:1: error: symbolic link to a folder; not published [GK972] "
        "(hint: move the pages into handbook/ instead of linking a folder)",
        "policies/handbook/gone.md:1:1: error: symbolic link points to nothing; not published "
        "[GK972] (hint: remove the link or restore what it points to)",
        "policies/handbook/latin.md:1:6: error: file is not valid UTF-8 (byte 0xe9); "
        "not published [GK972] (hint: save it as UTF-8)",
        f"policies/handbook/leak.md:1:1: error: {OUT} {OUT_HINT}",
        f"policies/handbook/pipe.md:1:1: error: {PIPE}",
        f"policies/handbook/zero.md:1:1: error: {OUT} {OUT_HINT}",
        "policies/mkdocs.yml:1:1: error: mkdocs.yml is a symbolic link to a file outside the "
        "policy folder [GK970] (hint: replace the link with the file itself)",
        "policies: 7 errors, 0 warnings, 0 info, 0 waived (2 rules, today 2026-11-24)",
    ]
    assert VICTIM not in run.stdout
    assert victim.read_text(encoding="utf-8") == f"{VICTIM}\n"


def test_check_is_quiet_about_a_plain_handbook(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "policies")
    (tmp_path / "policies" / "handbook" / "same.md").symlink_to("welcome.md")
    run = govkit_in(tmp_path, "check", "policies", "--select", "GK972")
    assert (run.returncode, run.stdout.splitlines()[0]) == (
        0,
        "policies: 0 errors, 0 warnings, 0 info, 0 waived (1 rule, today 2026-11-24)",
    )
