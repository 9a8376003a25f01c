"""`govkit check` imports only what the check needs: Git only when a CODEOWNERS file is there."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLE, ROOT, TODAY

SCRIPT = """
import sys
from governance_kit.cli.main import main
sys.argv = ["govkit", *sys.argv[1:]]
try:
    main()
except SystemExit as done:
    print(done.code, "git" in sys.modules, file=sys.stderr)
"""


def check_imports_git(folder: Path) -> str:
    """'<exit code> <whether the module git was imported>' of a real `govkit check` process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, "check", str(folder), "--today", TODAY],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    return run.stderr.splitlines()[-1]


def test_a_check_without_codeowners_does_not_import_git(tmp_path: Path) -> None:
    policies = shutil.copytree(EXAMPLE, tmp_path / "repo" / "policies")
    assert check_imports_git(policies) == "0 False"


def test_a_check_with_codeowners_imports_git_to_compare(tmp_path: Path) -> None:
    policies = shutil.copytree(EXAMPLE, tmp_path / "repo" / "policies")
    (tmp_path / "repo" / ".github").mkdir()
    (tmp_path / "repo" / ".github" / "CODEOWNERS").write_text("* @nobody\n", encoding="utf-8")
    assert check_imports_git(policies) == "0 True"
