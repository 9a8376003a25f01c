"""The `govkit` program: the process around the command line.

A command runs once and exits. While the toolkit and the command's modules are imported, the
cyclic garbage collector has nothing to find but keeps walking the new classes and functions
(about 10 ms of a 0.2 s start); so it is off until the command is imported, and what was
imported is then frozen out of later collections (`settle`).
"""

from __future__ import annotations

import gc


def main() -> None:
    gc.disable()
    from .main import main as run

    run()


def settle() -> None:
    """After the command's import: collections resume, without walking what was imported.
    Outside the program (the tests run commands in-process) the collector is left as it is."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
