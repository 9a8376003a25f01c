"""The progress bar shows on a terminal after a second, never on stdout, never in CI."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import generate  # noqa: E402

pytestmark = pytest.mark.xdist_group("progress")
"""One worker runs the module, so that the large repository is generated once."""


@pytest.fixture(scope="module")
def slow_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository that takes more than a second to validate."""
    return generate(
        tmp_path_factory.mktemp("slow") / "repo", accounts=16000, people=8000, documents=60, seed=5
    )


def run_with_terminal_stderr(repo: Path, ci: bool) -> tuple[str, str, float]:
    """Run `govkit validate` with stderr on a pseudo-terminal; return (stdout, tty, seconds)."""
    started = time.monotonic()
    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["GOVKIT_JOBS"] = "1"
    if ci:
        env["CI"] = "true"
    process = subprocess.Popen(
        [sys.executable, "-m", "governance_kit", "validate", str(repo)],
        stdout=subprocess.PIPE,
        stderr=follower,
        env=env,
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    stdout = process.communicate()[0].decode()
    os.close(leader)
    return stdout, seen.decode(errors="replace"), time.monotonic() - started


def test_bar_on_a_terminal_but_not_on_stdout(slow_repo: Path) -> None:
    stdout, terminal, seconds = run_with_terminal_stderr(slow_repo, ci=False)
    if seconds < 1.5:
        pytest.skip(f"validation took {seconds:.1f} s: too fast for the bar to appear")
    assert f"reading {slow_repo}" in terminal
    assert planted_passwords(stdout)
    assert terminal.rstrip().endswith(f"problems in {slow_repo}")


def test_no_bar_in_ci(slow_repo: Path) -> None:
    stdout, terminal, _ = run_with_terminal_stderr(slow_repo, ci=True)
    assert "reading" not in terminal
    assert terminal.strip() == f"{planted_passwords(stdout)} problems in {slow_repo}"


def planted_passwords(stdout: str) -> int:
    """The generator pastes a password into one account in 1,000: validate reports each (GK305)
    and nothing else."""
    lines = stdout.splitlines()
    assert lines and all(line.endswith("op://vault/item)") and "[GK305]" in line for line in lines)
    return len(lines)
