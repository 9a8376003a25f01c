"""Hypothesis profiles and output checks of the hostile-input tests.

The `hostile` profile bounds every property to a time budget so the fuzzing runs in the normal
suite; set HYPOTHESIS_PROFILE=hostile-long to fuzz for longer by hand.
"""

from __future__ import annotations

import os
import re

from hypothesis import HealthCheck, settings

from tests.conftest import Run, examples

settings.register_profile(
    "hostile",
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "hostile-long",
    deadline=None,
    max_examples=50_000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
__all__ = ["PROFILE", "Run", "assert_no_crash", "examples"]

PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "hostile"))
"""Parent of the settings of every property here: `@settings(PROFILE, max_examples=...)`."""

FINDING_LINE = re.compile(r"^[^\n]+?:\d+:\d+: (error|warning|info): .+ \[GK\d{3}\]")
EXCEPTION_NAME = re.compile(
    r"Traceback|\b[A-Z][A-Za-z]*(Error|Exception)\b|\b(KeyboardInterrupt|StopIteration)\b"
)


def assert_no_crash(run: Run) -> None:
    """No traceback, no Python exception name anywhere in what the user sees."""
    output = run.stdout + run.stderr
    assert not EXCEPTION_NAME.search(output), output[:2000]
