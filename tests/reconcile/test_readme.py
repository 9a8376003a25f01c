"""The README's reconcile run is what the command prints today."""

from __future__ import annotations

import re
import shlex

from tests.conftest import ROOT, govkit

from .conftest import inside


def test_the_readme_run_is_real() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Reconcile with reality", 1)[1]
    block = re.search(r"```console\n\$ (govkit reconcile .*?)\n(.*?)```", section, re.DOTALL)
    assert block is not None
    command, shown = block.groups()
    with inside(ROOT):
        run = govkit(*shlex.split(command)[1:])
    assert run.exit_code == 1
    assert run.stdout == shown
