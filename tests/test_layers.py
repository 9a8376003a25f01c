"""The layers of docs/architecture.md, enforced: import-linter runs the contract in pyproject.toml.

The contract is checked on this source tree, and on copies of it into which an upward import
has been planted, to show that the contract catches one (and so a package cycle).
"""

from __future__ import annotations

import os
import pkgutil
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import governance_kit
from tests.conftest import ROOT

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
CONTRACT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
    "importlinter"
]


def lint_imports(source_root: Path, config: Path) -> subprocess.CompletedProcess[str]:
    """import-linter on the `governance_kit` in `source_root`, with the contract in `config`."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-logo", "--no-cache", str(config)],
        cwd=source_root,
        env={**os.environ, "PYTHONPATH": str(source_root), "COLUMNS": "300"},
        capture_output=True,
        text=True,
        check=False,
    )


def layered_names() -> set[str]:
    layers = CONTRACT["contracts"][0]["layers"]
    return {name.strip() for layer in layers for name in layer.replace(":", "|").split("|")}


def test_the_source_keeps_the_layers() -> None:
    run = lint_imports(ROOT, ROOT / "pyproject.toml")
    assert run.returncode == 0, run.stdout
    assert "Contracts: 1 kept, 0 broken." in run.stdout


def test_every_package_and_module_of_the_toolkit_has_a_layer() -> None:
    top = {m.name for m in pkgutil.iter_modules(governance_kit.__path__)} - {"__main__"}
    assert top == layered_names()


@pytest.mark.parametrize(
    ("module", "planted", "broken"),
    [
        # the bottom reaching the top
        (
            "model/people.py",
            "from ..cli import main",
            "governance_kit.model.people -> governance_kit.cli.main",
        ),
        # a cycle: rules import git (GK960), so git importing rules goes up
        (
            "git/refs.py",
            "from ..rules import all_rules",
            "governance_kit.git.refs -> governance_kit.rules",
        ),
        # the package cycle issue 18 found: rules <-> workflow
        (
            "rules/_people.py",
            "from ..workflow import watched",
            "governance_kit.rules._people -> governance_kit.workflow.watched",
        ),
        # and handbook <-> report
        (
            "posture/render.py",
            "from ..handbook import site",
            "governance_kit.posture.render -> governance_kit.handbook.site",
        ),
    ],
)
def test_an_upward_import_breaks_the_contract(
    tmp_path: Path, module: str, planted: str, broken: str
) -> None:
    copy = tmp_path / "governance_kit"
    shutil.copytree(
        Path(governance_kit.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__")
    )
    target = copy / module
    text = target.read_text(encoding="utf-8")
    head, _, rest = text.partition("from __future__ import annotations\n")
    target.write_text(f"{head}from __future__ import annotations\n\n{planted}\n{rest}", "utf-8")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")

    run = lint_imports(tmp_path, tmp_path / "pyproject.toml")

    assert run.returncode == 1
    assert "Contracts: 0 kept, 1 broken." in run.stdout
    line = head.count("\n") + 3
    assert f"- {broken} (l.{line})" in run.stdout
