"""GK401, GK402 (continuity plans and handovers) and GK501, GK502 (training)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from tests.conftest import edit_yaml, line_of
from tests.rules.helpers import DAY, brief, check, item, line_after, unwaived


def test_example_continuity_and_training_are_clean(example: Path) -> None:
    for code in ("GK401", "GK402", "GK501", "GK502"):
        assert unwaived(check(example, code)) == [], code
        assert unwaived(check(example, code, date(2027, 12, 31))) == [], code


def narrow_standard_plan(root: Path) -> None:
    def change(data: dict) -> None:
        item(data, "plans", "standard-handover")["applies_to"] = CommentedMap(
            platforms=["linkedin"]
        )

    edit_yaml(root / "continuity.yaml", change)


def test_active_account_without_a_plan(example: Path) -> None:
    narrow_standard_plan(example)
    path = example / "accounts.yaml"
    assert brief(check(example, "GK401")) == [
        (
            "accounts.yaml",
            line_of(path, f"- id: {ident}"),
            "GK401",
            ident,
            f"no continuity plan covers account '{ident}' ({platform})",
        )
        for ident, platform in (
            ("turprat-staff", "forum"),
            ("engage-social-hub", "viva-engage"),
            ("teams-socialdesk", "teams"),
        )
    ]


def test_account_naming_its_plan_is_covered(example: Path) -> None:
    narrow_standard_plan(example)

    def name_plans(data: dict) -> None:
        for ident in ("turprat-staff", "engage-social-hub"):
            item(data, "accounts", ident)["continuity_plan"] = "standard-handover"

    edit_yaml(example / "accounts.yaml", name_plans)

    def list_account(data: dict) -> None:
        item(data, "plans", "standard-handover")["applies_to"]["accounts"] = ["teams-socialdesk"]

    edit_yaml(example / "continuity.yaml", list_account)
    assert check(example, "GK401") == []


def reopen_handover(root: Path, deadline: date) -> Path:
    def change(data: dict) -> None:
        handover = item(data, "handovers", "handover-lars-moen")
        handover["status"] = "in-progress"
        handover["deadline"] = deadline
        del handover["completed"]

    path = root / "continuity.yaml"
    edit_yaml(path, change)
    return path


def test_handover_past_its_deadline(example: Path) -> None:
    path = reopen_handover(example, date(2026, 11, 10))
    [finding] = check(example, "GK402")
    assert brief([finding]) == [
        (
            "continuity.yaml",
            line_of(path, "deadline: 2026-11-10"),
            "GK402",
            "handover-lars-moen",
            "handover 'handover-lars-moen' from 'lars' to 'ben' is overdue since 2026-11-10 "
            "(14 days)",
        )
    ]
    assert finding.severity == "error"


def test_handover_due_today_is_not_overdue(example: Path) -> None:
    reopen_handover(example, DAY)
    assert check(example, "GK402") == []


def drop_completions(root: Path, person: str, *courses: str) -> Path:
    def change(data: dict) -> None:
        completions = data["spec"]["completions"]
        completions[:] = [
            c for c in completions if not (c["person"] == person and c["course"] in courses)
        ]

    path = root / "training.yaml"
    edit_yaml(path, change)
    return path


def test_training_missing_lists_each_course_and_why(example: Path) -> None:
    drop_completions(example, "carl", "crisis-communication", "account-security")
    [finding] = check(example, "GK501")
    assert brief([finding]) == [
        (
            "people.yaml",
            line_of(example / "people.yaml", "- id: carl"),
            "GK501",
            "carl",
            "person 'carl' has not completed required training: "
            "'crisis-communication' (role 'community-manager'), 'account-security' "
            "(account access)",
        )
    ]


def test_moderation_courses_apply_to_the_rota(example: Path) -> None:
    def change(data: dict) -> None:
        data["spec"]["moderation_courses"].append("crisis-communication")

    edit_yaml(example / "training.yaml", change)
    people = {f.target: f.message for f in check(example, "GK501")}
    assert people["jonas"] == (
        "person 'jonas' has not completed required training: "
        "'crisis-communication' (moderation rota)"
    )
    assert "ivar" not in people


def test_people_who_left_need_no_training(example: Path) -> None:
    def change(data: dict) -> None:
        item(data, "people", "lars")["roles"] = ["editor"]

    edit_yaml(example / "people.yaml", change)
    assert check(example, "GK501") == []


def test_training_expired_points_at_the_latest_completion(example: Path) -> None:
    def change(data: dict) -> None:
        for completion in data["spec"]["completions"]:
            if completion["person"] == "ivar" and completion["course"] == "social-media-policy":
                completion["completed"] = date(2024, 11, 1)
                entry = completion
        data["spec"]["completions"].append(
            CommentedMap(person="ivar", course="social-media-policy", completed=date(2024, 3, 1))
        )
        assert entry

    path = example / "training.yaml"
    edit_yaml(path, change)
    [finding] = check(example, "GK502")
    assert brief([finding]) == [
        (
            "training.yaml",
            line_of(path, "{person: ivar, course: social-media-policy, completed: 2024-11-01}"),
            "GK502",
            "ivar",
            "person 'ivar': course 'social-media-policy' completed on 2024-11-01 expired on "
            "2026-11-01 (refresh P2Y; required for role 'analyst')",
        )
    ]


def test_courses_without_refresh_never_expire(example: Path) -> None:
    def change(data: dict) -> None:
        for completion in data["spec"]["completions"]:
            if completion["course"] == "brand-basics":
                completion["completed"] = date(2010, 1, 4)

    edit_yaml(example / "training.yaml", change)
    assert check(example, "GK502") == []


def test_latest_completion_counts(example: Path) -> None:
    path = example / "training.yaml"
    edit_yaml(
        path,
        lambda data: data["spec"]["completions"].append(
            CommentedMap(person="ivar", course="social-media-policy", completed=date(2020, 1, 6))
        ),
    )
    assert check(example, "GK502") == []
    assert line_after(path, "completions:", "2020-01-06") > 0
