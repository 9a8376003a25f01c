"""posture_of: the one pipeline of `govkit report` and the handbook's posture page."""

import datetime as dt
from pathlib import Path

import pytest

from governance_kit.loading.repository import load_repository
from governance_kit.posture import InvalidPolicies, posture_of
from tests.conftest import EXAMPLE

DAY = dt.date(2026, 6, 1)


def test_the_posture_is_checked_as_on_the_day_given() -> None:
    posture = posture_of(load_repository(EXAMPLE), DAY, source="working tree")
    assert posture.today == DAY
    assert posture.source == "working tree"
    assert posture.since == dt.date(2025, 6, 1)


def test_invalid_policies_give_no_posture_but_the_check_that_says_why(example: Path) -> None:
    (example / "scope.yaml").write_text("kind: [\n", encoding="utf-8")
    with pytest.raises(InvalidPolicies) as raised:
        posture_of(load_repository(example), DAY)
    found = raised.value.result.findings
    assert [(f.path.name, f.code) for f in found if f.is_validation] == [("scope.yaml", "GK001")]
