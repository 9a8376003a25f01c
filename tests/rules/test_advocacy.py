"""GK210, GK211 and the programme's training (GK501, GK502): employee advocacy programmes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import edit_yaml, govkit, line_of
from tests.rules.helpers import brief, check, unwaived


def member(data: dict, person: str) -> dict:
    return next(m for m in data["spec"]["members"] if m["person"] == person)


def edit_member(root: Path, person: str, **changes: object) -> Path:
    path = root / "advocacy.yaml"
    edit_yaml(path, lambda data: member(data, person).update(changes))
    return path


@pytest.mark.parametrize("code", ["GK210", "GK211", "GK501", "GK502"])
def test_example_programme_is_clean_for_a_year(example: Path, code: str) -> None:
    assert unwaived(check(example, code)) == []
    assert unwaived(check(example, code, date(2027, 12, 31))) == []


def test_member_without_a_disclosure_acknowledgement(example: Path) -> None:
    path = example / "advocacy.yaml"
    edit_yaml(path, lambda data: member(data, "ivar").pop("disclosure"))
    [finding] = check(example, "GK210")
    assert brief([finding]) == [
        (
            "advocacy.yaml",
            line_of(path, "- person: ivar"),
            "GK210",
            "ivar",
            "member 'ivar' of advocacy programme 'nordlys-advocacy' has not acknowledged the "
            "duty to disclose their affiliation",
        )
    ]
    assert finding.severity == "error"


def test_member_acknowledged_an_earlier_major_version(example: Path) -> None:
    path = example / "advocacy.yaml"
    edit_yaml(path, lambda data: data["metadata"].update(version="2.0.0"))
    edit_member(example, "kari", disclosure={"acknowledged": "2026-11-20", "version": "2.0.0"})
    assert brief(check(example, "GK210")) == [
        (
            "advocacy.yaml",
            line_of(path, "disclosure: {acknowledged: 2026-09-01, version: 1.0.0}"),
            "GK210",
            "dina",
            "member 'dina' of advocacy programme 'nordlys-advocacy' acknowledged the duty to "
            "disclose for version 1.0.0, not the current major version 2.0.0",
        ),
        (
            "advocacy.yaml",
            line_of(path, "disclosure: {acknowledged: 2026-09-03, version: 1.0.0}"),
            "GK210",
            "ivar",
            "member 'ivar' of advocacy programme 'nordlys-advocacy' acknowledged the duty to "
            "disclose for version 1.0.0, not the current major version 2.0.0",
        ),
    ]


def test_an_acknowledged_version_after_the_current_one_does_not_count(example: Path) -> None:
    path = example / "advocacy.yaml"
    edit_member(example, "kari", disclosure={"acknowledged": "2026-11-20", "version": "1.2.0"})
    assert brief(check(example, "GK210")) == [
        (
            "advocacy.yaml",
            line_of(path, "acknowledged: '2026-11-20'"),
            "GK210",
            "kari",
            "member 'kari' of advocacy programme 'nordlys-advocacy' acknowledged the duty to "
            "disclose for version 1.2.0, which is after the current version 1.1.0",
        )
    ]


def test_an_earlier_minor_version_still_counts(example: Path) -> None:
    # The example programme is at 1.1.0; its members acknowledged 1.0.0.
    assert check(example, "GK210") == []


def test_a_programme_not_in_force_is_not_checked(example: Path) -> None:
    path = example / "advocacy.yaml"
    edit_yaml(path, lambda data: data["metadata"].update(status="draft"))
    edit_yaml(path, lambda data: member(data, "ivar").pop("disclosure"))
    edit_yaml(example / "training.yaml", lambda data: data["spec"]["completions"].pop())
    assert check(example, "GK210") == []
    assert check(example, "GK501") == []


def test_member_who_left_is_flagged_and_not_asked_to_disclose(example: Path) -> None:
    path = example / "advocacy.yaml"

    def add_lars(data: dict) -> None:
        data["spec"]["members"].append(
            {"person": "lars", "joined": "2026-09-01", "platforms": ["youtube"]}
        )

    edit_yaml(path, add_lars)
    assert check(example, "GK210") == []
    [finding] = check(example, "GK211")
    assert brief([finding]) == [
        (
            "advocacy.yaml",
            line_of(path, "- person: lars"),
            "GK211",
            "lars",
            "member 'lars' of advocacy programme 'nordlys-advocacy' left on 2026-06-30 but is "
            "still listed",
        )
    ]
    assert finding.severity == "warning"


def test_member_past_their_last_working_day(example: Path) -> None:
    people = example / "people.yaml"

    def leaving(data: dict) -> None:
        person = next(p for p in data["spec"]["people"] if p["id"] == "kari")
        person.update(status="leaving", end_date="2027-01-15")

    edit_yaml(people, leaving)
    assert check(example, "GK211", date(2027, 1, 15)) == []
    assert [f.message for f in check(example, "GK211", date(2027, 1, 16))] == [
        "member 'kari' of advocacy programme 'nordlys-advocacy' left on 2027-01-15 but is "
        "still listed"
    ]


def test_member_without_the_programmes_training(example: Path) -> None:
    training = example / "training.yaml"
    edit_yaml(training, lambda data: data["spec"]["completions"].pop())
    people = example / "people.yaml"
    assert brief(check(example, "GK501")) == [
        (
            "people.yaml",
            line_of(people, "- id: kari"),
            "GK501",
            "kari",
            "person 'kari' has not completed required training: 'disclosure-and-marketing-law' "
            "(advocacy programme 'nordlys-advocacy')",
        )
    ]


def test_member_whose_programme_course_expired(example: Path) -> None:
    training = example / "training.yaml"

    def dinas(today: date) -> list[tuple[int, str]]:
        return [(f.line, f.message) for f in check(example, "GK502", today) if f.target == "dina"]

    line = line_of(training, "{person: dina, course: social-media-policy")
    expired = (
        line,
        "person 'dina': course 'social-media-policy' completed on 2026-08-27 expired on "
        "2028-08-27 (refresh P2Y; required for advocacy programme 'nordlys-advocacy')",
    )
    assert expired not in dinas(date(2028, 8, 27))
    assert expired in dinas(date(2028, 8, 28))


def test_a_member_listed_twice_is_refused(example: Path) -> None:
    path = example / "advocacy.yaml"
    edit_yaml(path, lambda data: data["spec"]["members"].append(dict(data["spec"]["members"][0])))
    run = govkit("validate", example)
    assert run.exit_code == 2
    assert run.stdout.splitlines()[0] == (
        f"{path}:{line_of(path, '  members:') + 1}:5: error: spec.members: person 'dina' is "
        "listed twice (members 1 and 4); keep one entry [GK002]"
    )
