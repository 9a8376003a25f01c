"""Rule gaps of issue #15: owning an account counts as access for training and acknowledgements
(GK501-GK503), GK308 applies the leaving horizon of GK203/GK204, and GK502 says why a course is
required; an acknowledgement holds across a patch version (GK503)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from tests.conftest import edit_yaml, line_of
from tests.rules.helpers import DAY, brief, check, item, line_after


def change_account(root: Path, ident: str, **changes: object) -> Path:
    path = root / "accounts.yaml"
    edit_yaml(path, lambda data: item(data, "accounts", ident).update(changes))
    return path


def change_person(root: Path, ident: str, **changes: object) -> Path:
    path = root / "people.yaml"
    edit_yaml(path, lambda data: item(data, "people", ident).update(changes))
    return path


def test_an_owner_without_listed_access_needs_the_access_courses(example: Path) -> None:
    assert check(example, "GK501") == []
    change_account(example, "instagram-teampro", backup_owner="sigrid")
    assert brief(check(example, "GK501")) == [
        (
            "people.yaml",
            line_of(example / "people.yaml", "- id: sigrid"),
            "GK501",
            "sigrid",
            "person 'sigrid' has not completed required training: "
            "'account-security' (account ownership)",
        )
    ]


def test_an_owner_of_an_archived_account_needs_no_access_course(example: Path) -> None:
    change_account(example, "youtube-sverige-legacy", business_owner="sigrid")
    assert check(example, "GK501") == []


def test_an_owner_must_acknowledge_like_someone_with_access(example: Path) -> None:
    assert check(example, "GK503") == []
    change_account(example, "facebook-no", business_owner="sigrid")
    assert brief(check(example, "GK503")) == [
        (
            "people.yaml",
            line_of(example / "people.yaml", "- id: sigrid"),
            "GK503",
            "sigrid",
            f"person 'sigrid' has not acknowledged version {version} of '{document}'",
        )
        for document, version in (
            ("nordlys-continuity", "2.0.1"),
            ("nordlys-moderation", "3.1.0"),
        )
    ]


def test_an_expired_course_of_an_owner_says_ownership_requires_it(example: Path) -> None:
    change_account(example, "instagram-teampro", backup_owner="sigrid")

    def old_completion(data: dict) -> None:
        data["spec"]["completions"].append(
            {"person": "sigrid", "course": "account-security", "completed": date(2024, 1, 8)}
        )

    path = example / "training.yaml"
    edit_yaml(path, old_completion)
    assert brief(check(example, "GK502")) == [
        (
            "training.yaml",
            line_after(path, "- person: sigrid", "completed: 2024-01-08"),
            "GK502",
            "sigrid",
            "person 'sigrid': course 'account-security' completed on 2024-01-08 expired on "
            "2026-01-08 (refresh P2Y; required for account ownership)",
        )
    ]


def test_recovery_holder_leaving_within_the_horizon(example: Path) -> None:
    assert check(example, "GK308") == []
    change_person(example, "carl", status="leaving", end_date=DAY + timedelta(days=29))
    path = example / "accounts.yaml"
    assert brief(check(example, "GK308")) == [
        (
            "accounts.yaml",
            line_after(path, f"- id: {ident}", "holder: carl"),
            "GK308",
            ident,
            f"account '{ident}': the recovery phone's holder 'carl' leaves on 2026-12-23",
        )
        for ident in (
            "instagram-teampro",
            "linkedin-nordlys",
            "tiktok-nordlysoutdoor",
            "turprat-staff",
        )
    ]


def test_recovery_holder_leaving_after_the_horizon_is_not_reported(example: Path) -> None:
    change_person(example, "carl", status="leaving", end_date=DAY + timedelta(days=30))
    assert check(example, "GK308") == []


def test_recovery_holder_leaving_without_a_date(example: Path) -> None:
    change_person(example, "carl", status="leaving")
    messages = [f.message for f in check(example, "GK308")]
    assert "account 'instagram-teampro': the recovery phone's holder 'carl' is leaving" in messages


def set_version(root: Path, name: str, version: str) -> None:
    edit_yaml(root / name, lambda data: data["metadata"].update(version=version))


def test_an_acknowledgement_holds_across_a_patch_version(example: Path) -> None:
    set_version(example, "moderation.yaml", "3.1.1")
    assert check(example, "GK503") == []


def test_an_acknowledgement_does_not_hold_across_a_minor_version(example: Path) -> None:
    set_version(example, "moderation.yaml", "3.2.0")
    findings = check(example, "GK503")
    assert len(findings) == 13
    assert findings[0].message == (
        "person 'ana' has not acknowledged version 3.2.0 of 'nordlys-moderation' "
        "(acknowledged 3.1.0)"
    )


def set_access(root: Path, account: str, person: str, **changes: object) -> Path:
    def change(data: dict) -> None:
        entries = item(data, "accounts", account)["access"]
        entry = next((e for e in entries if e["person"] == person), None)
        if entry is None:
            entries.append({"person": person, **changes})
        else:
            entry.update(changes)

    path = root / "accounts.yaml"
    edit_yaml(path, change)
    return path


def test_access_listed_after_its_until_date(example: Path) -> None:
    assert check(example, "GK314") == []
    path = set_access(example, "instagram-teampro", "greta", until=date(2026, 11, 1))
    [finding] = check(example, "GK314")
    assert brief([finding]) == [
        (
            "accounts.yaml",
            line_after(path, "- id: instagram-teampro", "until: 2026-11-01"),
            "GK314",
            "instagram-teampro",
            "account 'instagram-teampro': editor access of 'greta' ended on 2026-11-01 but is "
            "still listed",
        )
    ]
    assert finding.severity == "error"


def test_access_until_today_is_still_valid(example: Path) -> None:
    set_access(example, "instagram-teampro", "greta", until=DAY)
    assert check(example, "GK314") == []


def test_access_of_someone_who_left_is_reported_by_gk301_only(example: Path) -> None:
    set_access(example, "instagram-teampro", "lars", level="editor", until=date(2026, 6, 30))
    assert check(example, "GK314") == []
    assert [f.target for f in check(example, "GK301")] == ["instagram-teampro"]
