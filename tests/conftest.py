"""Shared test helpers: a copy of the example policies to mutate, running `govkit`, and the
Hypothesis profile of CI."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings
from ruamel.yaml import YAML

from governance_kit.cli.main import cli
from governance_kit.redaction import forget

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "policies"
SHARED_REFERENCE = ROOT.parent / "shared" / "reference"
TODAY = "2026-11-24"

# Commands the tests run by name (pre-commit, govkit) come from this interpreter's environment,
# even when it was not activated (the README runs `.venv/bin/python -m pytest`).
os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"


CI_SHARE = 4
"""Under CI, every property runs a quarter of its examples (at least CI_MIN_EXAMPLES)."""
CI_MIN_EXAMPLES = 10

settings.register_profile(
    "ci",
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
if os.environ.get("CI"):
    settings.load_profile("ci")


def examples(count: int) -> int:
    """The examples a property runs: `count`, or under CI a bounded share of it.

    The `ci` profile (loaded when CI is set) fixes the seed (derandomize) so that a CI run can be
    repeated, and has no deadline; a property that names its own number of examples passes it
    through here so that CI bounds it too."""
    if os.environ.get("CI"):
        return max(CI_MIN_EXAMPLES, count // CI_SHARE)
    return count


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Keep each `xdist_group` on one worker under `--dist loadgroup`.

    xdist names a test's group by appending `@group` to its node id; pytest 9.2 keeps the id in
    `Item._id`, which xdist 3.8 does not set, so every group was silently spread over the workers
    and its module fixtures built on each (pytest-xdist issue 1386). This sets the suffix where
    pytest reads it, and does nothing where xdist already did."""
    if not getattr(config.option, "loadgroup", False):
        return
    for item in items:
        marks = item.iter_markers("xdist_group")
        names = sorted(
            {str(m.args[0] if m.args else m.kwargs.get("name", "default")) for m in marks}
        )
        suffix = "@" + "_".join(names)
        if names and not item.nodeid.endswith(suffix) and hasattr(item, "_id"):
            item._id = type(item._id).parse(item.nodeid + suffix)


def require_in_ci(available: bool, reason: str) -> None:
    """Skip a test whose tool is missing here, but fail in CI, which installs every tool."""
    if available:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must install it")
    pytest.skip(reason)


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


def govkit(*args: str | Path) -> Run:
    """Run the `govkit` command line in-process; stdout and stderr kept apart."""
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


def edit_yaml(path: Path, change: Callable[[Any], None]) -> None:
    """Change a YAML file in place, keeping its comments (ruamel.yaml round trip)."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    data = yaml.load(path)
    change(data)
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)


def line_of(path: Path, text: str, occurrence: int = 1) -> int:
    """1-based number of the line holding `text` (the n-th time it occurs)."""
    seen = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{text!r} not found in {path}")


@pytest.fixture(autouse=True)
def _no_confidential_values_from_other_tests() -> None:
    """Confidential values are remembered per process; each test starts without any."""
    forget()


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A private copy of the example policy repository, safe to change."""
    target = tmp_path / "policies"
    shutil.copytree(EXAMPLE, target)
    return target


@pytest.fixture
def reference() -> Path:
    """The official SARIF and JUnit schemas, shared beside the repository."""
    require_in_ci(
        SHARED_REFERENCE.is_dir(),
        "../shared/reference (official SARIF and JUnit schemas) is not present",
    )
    return SHARED_REFERENCE
