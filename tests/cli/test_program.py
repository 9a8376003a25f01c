"""The `govkit` program around the command line (governance_kit/cli/program.py): the cyclic
collector is off while the command is imported, and on again, without the imported objects,
when the command runs."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import EXAMPLE, TODAY

PROBE = """
import gc, sys
from governance_kit.cli import main as cli_main
seen = {}
def spy(self, ctx, name):
    seen["during import"] = gc.isenabled()
    command = original(self, ctx, name)
    seen["when run"] = gc.isenabled()
    seen["frozen"] = gc.get_freeze_count() > 10_000
    return command
original = cli_main.LazyGroup.get_command
cli_main.LazyGroup.get_command = spy
from governance_kit.cli.program import main
sys.argv = ["govkit", "check", sys.argv[1], "--today", sys.argv[2]]
try:
    main()
except SystemExit as exit:
    print(exit.code, seen)
"""


def test_the_collector_is_off_while_the_command_is_imported_and_on_when_it_runs():
    run = subprocess.run(
        [sys.executable, "-c", PROBE, str(EXAMPLE), TODAY], capture_output=True, text=True
    )
    assert run.stderr == ""
    assert run.stdout.splitlines()[-1] == (
        "0 {'during import': False, 'when run': True, 'frozen': True}"
    )


def test_a_command_run_in_process_leaves_the_collector_as_it_was():
    import gc

    from tests.conftest import govkit

    frozen = gc.get_freeze_count()
    assert gc.isenabled()
    assert govkit("check", EXAMPLE, "--today", TODAY).exit_code == 0
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
