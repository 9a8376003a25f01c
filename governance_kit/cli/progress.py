"""A progress bar on standard error, for a person waiting at a terminal.

It appears only when standard error is a terminal, CI is not set, and the work has already
taken a second; it never writes to standard output, so reports stay machine-readable.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.progress import Progress

DELAY = 1.0


def wanted() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


@contextmanager
def progress(description: str) -> Iterator[Callable[[int, int], None]]:
    """Yields `step(done, total)`; the bar shows once the work has run for a second."""
    if not wanted():
        yield lambda done, total: None
        return
    started = time.monotonic()
    bar: Progress | None = None
    task = None

    def step(done: int, total: int) -> None:
        nonlocal bar, task
        if bar is None:
            if time.monotonic() - started < DELAY:
                return
            bar = _bar(description)
            task = bar.add_task(description, total=total)
        bar.update(task, completed=done, total=total)

    try:
        yield step
    finally:
        if bar is not None:
            bar.stop()


def _bar(description: str) -> Progress:
    """A started bar on standard error; rich is imported only when a bar is shown."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn(description),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    bar.start()
    return bar
