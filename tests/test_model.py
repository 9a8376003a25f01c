"""Calendar arithmetic of intervals and durations used by the rules."""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path

import pytest
from pydantic import BaseModel

from governance_kit.model.common import Period, duration_minutes
from governance_kit.model.envelope import PolicyMetadata
from governance_kit.model.governance import Governance
from governance_kit.model.people import Person
from tests.conftest import ROOT


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("P1Y", date(2026, 2, 28), date(2027, 2, 28)),
        ("P1M", date(2026, 1, 31), date(2026, 2, 28)),
        ("quarterly", date(2026, 11, 30), date(2027, 2, 28)),
        ("P6M", date(2026, 8, 31), date(2027, 2, 28)),
        ("P2W", date(2026, 12, 25), date(2027, 1, 8)),
        ("P90D", date(2026, 1, 1), date(2026, 4, 1)),
        ("annually", date(2028, 2, 29), date(2029, 2, 28)),
        ("P1Y6M", date(2026, 1, 15), date(2027, 7, 15)),
    ],
)
def test_period_after(text: str, start: date, expected: date) -> None:
    assert Period.parse(text).after(start) == expected


def test_period_before_is_the_inverse_for_plain_dates() -> None:
    assert Period.parse("P3M").before(date(2026, 5, 31)) == date(2026, 2, 28)


@pytest.mark.parametrize(
    ("text", "minutes"), [("PT2H", 120), ("PT30M", 30), ("P1D", 1440), ("P1DT1H1M", 1501)]
)
def test_duration_minutes(text: str, minutes: int) -> None:
    assert duration_minutes(text) == minutes


def test_bad_period() -> None:
    with pytest.raises(ValueError, match="not an interval"):
        Period.parse("every now and then")


def _person(status: str, end: date | None) -> Person:
    return Person(
        id="p", name="P", email="p@example.org", team="T", roles=["r"], status=status, end_date=end
    )


@pytest.mark.parametrize(
    ("status", "end", "gone"),
    [
        ("active", None, False),
        ("left", None, True),
        ("left", date(2027, 1, 1), True),  # the roster says so, whatever the date
        ("leaving", date(2026, 11, 23), True),  # last day passed, roster not updated yet
        ("leaving", date(2026, 11, 24), False),  # today is the last working day
        ("active", date(2026, 11, 23), True),
        ("leaving", None, False),
    ],
)
def test_person_gone_is_status_left_or_a_past_last_day(
    status: str, end: date | None, gone: bool
) -> None:
    assert _person(status, end).gone(date(2026, 11, 24)) is gone


def test_holders_without_a_date_go_by_the_roster_alone() -> None:
    governance = Governance(documents=[], entities={"person": {}})
    governance.entities["person"] = {"p": _person("leaving", date(2026, 11, 23))}
    assert governance.holders("r") == [governance.people["p"]]
    assert governance.holders("r", date(2026, 11, 24)) == []


def test_next_review_counts_from_the_last_review_or_the_effective_date() -> None:
    meta = PolicyMetadata(
        id="d",
        title="D",
        owner="p",
        version="1.0.0",
        effective_date=date(2026, 1, 15),
        review={"interval": "P6M"},
    )
    assert meta.next_review() == date(2026, 7, 15)
    meta.review.last_reviewed = date(2026, 3, 1)
    assert meta.next_review() == date(2026, 9, 1)


def test_model_modules_evaluate_their_annotations_when_classes_are_defined():
    """String annotations (`from __future__ import annotations`) cost pydantic a compile per
    annotation at every start; the modules that define models go without them."""
    folder = Path(Governance.__module__.replace(".", "/")).parent
    with_strings = []
    for source in sorted((ROOT / folder).glob("*.py")):
        module = importlib.import_module(f"governance_kit.model.{source.stem}")
        models = [
            value
            for value in vars(module).values()
            if isinstance(value, type)
            and issubclass(value, BaseModel)
            and value.__module__ == module.__name__
        ]
        if models and "from __future__ import annotations" in source.read_text(encoding="utf-8"):
            with_strings.append(source.name)
    assert with_strings == []
    assert (
        importlib.import_module("governance_kit.model.people").Person.__annotations__["id"] != "Id"
    )
