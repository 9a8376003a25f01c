"""The Hypothesis profile of CI: bounded, reproducible, and applied to every property."""

from __future__ import annotations

import pytest
from hypothesis import settings

from tests.conftest import CI_MIN_EXAMPLES, examples


def test_ci_profile_is_bounded_and_reproducible() -> None:
    profile = settings.get_profile("ci")
    assert profile.max_examples == 25
    assert profile.deadline is None
    assert profile.derandomize is True


def test_properties_run_a_quarter_of_their_examples_under_ci(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CI", "true")
    assert [examples(n) for n in (2000, 150, 40, 25)] == [500, 37, CI_MIN_EXAMPLES, CI_MIN_EXAMPLES]


def test_properties_run_all_their_examples_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    assert [examples(n) for n in (2000, 150, 25)] == [2000, 150, 25]
