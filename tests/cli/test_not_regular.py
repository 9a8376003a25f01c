"""Pipes, devices, sockets and folders given as a draft or a policy path: one line, exit 2,
never a hang (real processes with a time limit, so a regression fails instead of hanging)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, TODAY

POLICY_HINT = "(hint: give the folder of the policy files, e.g. policies/)"
DRAFT_HINT = "(hint: give the draft file itself, or - to read standard input)"


def govkit_process(*args: str | Path, stdin: bytes = b"", cwd: Path) -> tuple[int, str, str]:
    run = subprocess.run(
        [sys.executable, "-m", "governance_kit", *map(str, args)],
        input=stdin,
        capture_output=True,
        timeout=60,
        cwd=cwd,
        check=False,
    )
    return run.returncode, run.stdout.decode(), run.stderr.decode()


@pytest.fixture
def specials(tmp_path: Path) -> Iterator[Path]:
    """A folder with a pipe, a socket, a folder and a link to /dev/zero, each named .yaml."""
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "folder.yaml").mkdir()
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "socket.yaml"))
    try:
        yield tmp_path
    finally:
        server.close()


@pytest.mark.parametrize(
    ("name", "kind"),
    [("pipe.yaml", "a pipe"), ("zero.yaml", "a device"), ("socket.yaml", "a socket")],
)
@pytest.mark.parametrize("command", ["check", "validate", "calendar"])
def test_a_policy_path_that_is_not_a_file(specials: Path, name: str, kind: str, command: str):
    code, out, err = govkit_process(command, name, "--today", TODAY, cwd=specials)
    if command == "validate":
        code, out, err = govkit_process(command, name, cwd=specials)
    assert (code, out) == (2, "")
    assert err == f"govkit: error: {name}: {kind}, not a folder or a policy file {POLICY_HINT}\n"


@pytest.mark.parametrize("name", ["pipe.yaml", "socket.yaml", "folder.yaml"])
def test_a_draft_that_is_not_a_file(specials: Path, name: str) -> None:
    code, out, err = govkit_process(
        "post",
        "check",
        name,
        EXAMPLE,
        "--account",
        "x-nordlyssupport",
        "--today",
        TODAY,
        cwd=specials,
    )
    assert (code, out) == (2, "")
    assert err == f"{name}:1:1: error: not a regular file; not read {DRAFT_HINT}\n"


def test_a_pipe_inside_the_policies_is_a_finding(example: Path) -> None:
    os.mkfifo(example / "pipe.yaml")
    (example / "zero.yaml").symlink_to("/dev/zero")
    code, out, _ = govkit_process("validate", "policies", cwd=example.parent)
    assert code == 2
    assert out.splitlines() == [
        "policies/pipe.yaml:1:1: error: not a regular file; not read [GK001] "
        "(hint: policy files are plain files, not pipes, sockets or devices)",
        "policies/zero.yaml:1:1: error: symbolic link points outside the policy repository; "
        "not read [GK001] (hint: copy the file into the repository instead)",
    ]


def test_standard_input_still_reads_a_draft(tmp_path: Path) -> None:
    draft = "---\naccount: x-nordlyssupport\nauthor: erik\n---\nHei! Vi svarer i dag.\n"
    code, out, err = govkit_process(
        "post",
        "check",
        "-",
        EXAMPLE,
        "--today",
        TODAY,
        stdin=draft.encode(),
        cwd=tmp_path,
    )
    assert (code, err) == (0, "")
    assert out.splitlines()[-1].startswith("<stdin>: ")


def test_a_pipe_as_codeowners_is_not_read(example: Path) -> None:
    github = example.parent / ".github"
    github.mkdir()
    (github / "CODEOWNERS").write_text("* @nobody\n", encoding="utf-8")
    code, out, _ = govkit_process("check", "policies", "--today", TODAY, cwd=example.parent)
    assert code == 0
    assert "[GK960]" in out
    (github / "CODEOWNERS").unlink()
    os.mkfifo(github / "CODEOWNERS")
    code, out, _ = govkit_process("check", "policies", "--today", TODAY, cwd=example.parent)
    assert code == 0
    assert "[GK960]" not in out
