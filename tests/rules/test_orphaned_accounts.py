"""GK201-GK206: accounts without an owner, with owners who are unknown or leaving, single admins."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.conftest import edit_yaml, govkit, line_of
from tests.rules.helpers import brief, check, column_of, item, line_after, unwaived


def change_account(root: Path, ident: str, **changes: object) -> Path:
    """Set (or, with None, delete) fields of one account; returns the registry file."""

    def change(data: dict) -> None:
        account = item(data, "accounts", ident)
        for key, value in changes.items():
            if value is None:
                account.pop(key, None)
            else:
                account[key] = value

    path = root / "accounts.yaml"
    edit_yaml(path, change)
    return path


def change_person(root: Path, ident: str, **changes: object) -> None:
    edit_yaml(root / "people.yaml", lambda data: item(data, "people", ident).update(changes))


def test_example_has_no_orphaned_accounts_but_a_waived_single_admin(example: Path) -> None:
    for code in ("GK201", "GK203", "GK204", "GK205", "GK206"):
        assert [f for f in check(example, code) if not f.waived] == [], code
    [waived] = check(example, "GK206")
    assert (waived.target, waived.waiver) == ("engage-social-hub", "w-2026-engage-single-admin")


def test_account_without_owner_points_at_the_account(example: Path) -> None:
    path = change_account(example, "instagram-teampro", business_owner=None)
    [finding] = check(example, "GK201")
    assert brief([finding]) == [
        (
            "accounts.yaml",
            line_of(path, "- id: instagram-teampro"),
            "GK201",
            "instagram-teampro",
            "account 'instagram-teampro' (active) has no business owner",
        )
    ]
    assert finding.severity == "error"
    assert finding.hint == "name the person who answers for it in 'business_owner'"


def test_archived_account_needs_no_owner(example: Path) -> None:
    change_account(example, "youtube-sverige-legacy", business_owner=None, backup_owner=None)
    assert check(example, "GK201") == []
    assert check(example, "GK205") == []


def test_owner_not_on_roster_is_a_broken_reference_that_validate_reports(example: Path) -> None:
    """Unknown owners are GK003 (they were GK202 in `check` only): `govkit validate`, the
    pre-commit hook and the CI validate step catch them."""
    path = change_account(example, "facebook-se", business_owner="anna", backup_owner="bn")
    run = govkit("validate", example)
    owner, backup = line_of(path, "business_owner: anna"), line_of(path, "backup_owner: bn")
    assert run.exit_code == 2
    assert run.stdout.splitlines() == [
        f"{path}:{owner}:{column_of(path, owner, 'anna')}: error: unknown person 'anna' "
        "[GK003] (hint: did you mean 'hanna'?)",
        f"{path}:{backup}:{column_of(path, backup, 'bn')}: error: unknown person 'bn' [GK003] "
        "(hint: did you mean 'ben'?)",
    ]


def test_owner_who_left_is_an_error(example: Path) -> None:
    path = change_account(example, "instagram-teampro", business_owner="lars")
    [finding] = check(example, "GK203")
    assert brief([finding]) == [
        (
            "accounts.yaml",
            line_of(path, "business_owner: lars"),
            "GK203",
            "instagram-teampro",
            "account 'instagram-teampro': business owner 'lars' left on 2026-06-30; "
            "high: 'ana', 'carl' remain admins",
        )
    ]
    assert finding.severity == "error"


def test_owner_leaving_within_the_horizon(example: Path) -> None:
    change_person(example, "ivar", status="leaving", end_date=date(2026, 12, 20))
    path = change_account(example, "instagram-teampro", business_owner="ivar")
    assert brief(check(example, "GK203")) == [
        (
            "accounts.yaml",
            line_of(path, "business_owner: ivar"),
            "GK203",
            "instagram-teampro",
            "account 'instagram-teampro': business owner 'ivar' leaves on 2026-12-20",
        )
    ]


def test_owner_leaving_after_the_horizon_is_fine(example: Path) -> None:
    change_person(example, "ivar", status="leaving", end_date=date(2027, 1, 15))
    change_account(example, "instagram-teampro", business_owner="ivar")
    assert check(example, "GK203") == []


def test_end_date_passed_counts_as_left(example: Path) -> None:
    change_person(example, "ivar", end_date=date(2026, 11, 1))
    change_account(example, "instagram-teampro", business_owner="ivar")
    [finding] = check(example, "GK203")
    assert finding.message == (
        "account 'instagram-teampro': business owner 'ivar' left on 2026-11-01; "
        "high: 'ana', 'carl' remain admins"
    )


def test_backup_owner_leaving_is_a_warning(example: Path) -> None:
    path = change_account(example, "facebook-no", backup_owner="lars")
    [finding] = check(example, "GK204")
    assert brief([finding]) == [
        (
            "accounts.yaml",
            line_of(path, "backup_owner: lars"),
            "GK204",
            "facebook-no",
            "account 'facebook-no': backup owner 'lars' left on 2026-06-30",
        )
    ]
    assert finding.severity == "warning"
    assert check(example, "GK203") == []


def test_missing_backup_owner_points_at_the_account(example: Path) -> None:
    path = change_account(example, "linkedin-nordlys", backup_owner=None)
    [finding] = check(example, "GK205")
    assert brief([finding]) == [
        (
            "accounts.yaml",
            line_of(path, "- id: linkedin-nordlys"),
            "GK205",
            "linkedin-nordlys",
            "account 'linkedin-nordlys' has no backup owner",
        )
    ]
    assert finding.severity == "warning"


def test_backup_owner_who_is_the_business_owner(example: Path) -> None:
    path = change_account(example, "instagram-teampro", backup_owner="carl")
    assert brief(check(example, "GK205")) == [
        (
            "accounts.yaml",
            line_after(path, "- id: instagram-teampro", "backup_owner: carl"),
            "GK205",
            "instagram-teampro",
            "account 'instagram-teampro': backup owner 'carl' is the business owner",
        )
    ]


def without_admin(root: Path, ident: str, person: str) -> Path:
    def change(data: dict) -> None:
        account = item(data, "accounts", ident)
        account["access"] = [a for a in account["access"] if a["person"] != person]

    path = root / "accounts.yaml"
    edit_yaml(path, change)
    return path


def test_single_admin_is_a_warning(example: Path) -> None:
    path = without_admin(example, "instagram-teampro", "ana")
    [finding] = unwaived(check(example, "GK206"))
    assert brief([finding]) == [
        (
            "accounts.yaml",
            line_of(path, "{person: carl, level: admin, granted: 2021-04-20}"),
            "GK206",
            "instagram-teampro",
            "account 'instagram-teampro' has a single admin, 'carl'",
        )
    ]
    assert finding.severity == "warning"


def test_admins_who_left_do_not_count(example: Path) -> None:
    path = without_admin(example, "instagram-teampro", "ana")
    change_person(example, "carl", status="left", end_date=date(2026, 11, 1))
    assert [f for f in check(example, "GK206") if f.target == "instagram-teampro"] == []
    [finding] = [f for f in check(example, "GK209") if f.target == "instagram-teampro"]
    assert brief([finding]) == [
        (
            "accounts.yaml",
            line_after(path, "- id: instagram-teampro", "access:") + 1,
            "GK209",
            "instagram-teampro",
            "critical: account 'instagram-teampro' (active) has no admin who is still here; "
            "nobody can manage or recover it",
        )
    ]
    assert finding.severity == "error"


def test_owner_gone_without_any_admin_is_critical(example: Path) -> None:
    without_admin(example, "instagram-teampro", "ana")
    change_person(example, "carl", status="left", end_date=date(2026, 11, 1))
    [finding] = [f for f in check(example, "GK203") if f.target == "instagram-teampro"]
    assert finding.message == (
        "account 'instagram-teampro': business owner 'carl' left on 2026-11-01; "
        "critical: no admin is still here (GK209)"
    )
