"""GK207-GK209 (admin depth) and GK306-GK309 (rotation, login contacts, recovery, SMS MFA)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import edit_yaml, line_of
from tests.inline import account, check_inline, registry
from tests.rules.helpers import brief, check, item, line_after

NEW_CODES = ("GK207", "GK208", "GK209", "GK306", "GK307", "GK308", "GK309")


def change_account(root: Path, ident: str, change) -> Path:  # type: ignore[no-untyped-def]
    path = root / "accounts.yaml"
    edit_yaml(path, lambda data: change(item(data, "accounts", ident)))
    return path


def change_person(root: Path, ident: str, **changes: object) -> Path:
    path = root / "people.yaml"
    edit_yaml(path, lambda data: item(data, "people", ident).update(changes))
    return path


def settings(root: Path, **changes: object) -> None:
    edit_yaml(root / "settings.yaml", lambda data: data["spec"]["check"].update(changes))


def test_example_is_clean_for_the_new_account_rules(example: Path) -> None:
    for code in NEW_CODES:
        assert check(example, code) == [], code
        assert check(example, code, date(2027, 12, 31)) == [], code


def test_fewer_than_two_employee_admins(example: Path) -> None:
    change_person(example, "carl", employment="contractor", sponsor="ana")
    path = example / "accounts.yaml"
    findings = [f for f in check(example, "GK207") if f.target == "instagram-teampro"]
    assert brief(findings) == [
        (
            "accounts.yaml",
            line_of(path, "{person: carl, level: admin, granted: 2021-04-20}"),
            "GK207",
            "instagram-teampro",
            "account 'instagram-teampro' has 1 employee admin; the other admins are "
            "'carl' (contractor)",
        )
    ]
    assert findings[0].severity == "warning"
    assert check(example, "GK208") == []


def test_single_admin_is_not_reported_again_as_few_employees(example: Path) -> None:
    change_person(example, "carl", employment="agency", sponsor="ana")
    assert [f.target for f in check(example, "GK207")].count("engage-social-hub") == 0


def test_external_admin_without_sponsor(example: Path) -> None:
    change_person(example, "carl", employment="contractor")
    findings = check(example, "GK208")
    path = example / "accounts.yaml"
    first = findings[0]
    assert first.target == "instagram-nordlysoutdoor"
    assert first.line == line_of(path, "{person: carl, level: admin, granted: 2020-01-20}")
    assert first.message == (
        "account 'instagram-nordlysoutdoor': admin 'carl' (contractor) has no sponsor"
    )
    assert first.severity == "error"
    assert len(findings) == 11  # every account in use where carl is admin


def test_sponsor_who_left_or_is_not_an_employee(example: Path) -> None:
    change_person(example, "carl", employment="contractor", sponsor="lars")
    [first, *_] = check(example, "GK208")
    assert first.message == (
        "account 'instagram-nordlysoutdoor': admin 'carl' (contractor) has sponsor 'lars', "
        "who is no longer here"
    )
    change_person(example, "carl", sponsor="ola")
    [first, *_] = check(example, "GK208")
    assert first.message.endswith("has sponsor 'ola', who is not an employee")


def test_no_active_admin_is_critical_once(example: Path) -> None:
    def only_lars(account: dict) -> None:
        account["access"] = [{"person": "lars", "level": "admin"}]

    path = change_account(example, "pinterest-nordlysoutdoor", only_lars)
    findings = check(example, "GK209")
    assert brief(findings) == [
        (
            "accounts.yaml",
            line_after(path, "- id: pinterest-nordlysoutdoor", "person: lars"),
            "GK209",
            "pinterest-nordlysoutdoor",
            "critical: account 'pinterest-nordlysoutdoor' (dormant) has no admin who is still "
            "here; nobody can manage or recover it",
        )
    ]
    assert [f for f in check(example, "GK206") if f.target == "pinterest-nordlysoutdoor"] == []


def test_credentials_rotated_before_a_leaver_left(example: Path) -> None:
    path = change_account(
        example,
        "youtube-nordlys",
        lambda a: a["credentials"].update(last_rotated=date(2026, 6, 1)),
    )
    [finding] = check(example, "GK306")
    assert brief([finding]) == [
        (
            "accounts.yaml",
            line_of(path, "last_rotated: 2026-06-01"),
            "GK306",
            "youtube-nordlys",
            "account 'youtube-nordlys': credentials last rotated on 2026-06-01, before 'lars' "
            "who had access left on 2026-06-30",
        )
    ]
    assert finding.severity == "error"


def test_rotation_never_recorded_points_at_the_credentials(example: Path) -> None:
    path = change_account(
        example, "tiktok-nordlysoutdoor", lambda a: a["credentials"].pop("last_rotated")
    )
    [finding] = check(example, "GK306")
    assert finding.line == line_after(path, "- id: tiktok-nordlysoutdoor", "credentials:")
    assert finding.message == (
        "account 'tiktok-nordlysoutdoor': credentials never rotated, and 'lars' who had access "
        "left on 2026-06-30"
    )


def test_rotation_grace_after_the_last_day(example: Path) -> None:
    change_person(example, "ivar", status="left", end_date=date(2026, 11, 20))
    assert check(example, "GK306") == []
    late = check(example, "GK306", date(2026, 11, 28))
    assert "instagram-teampro" in [f.target for f in late]
    settings(example, rotate_after_departure_days=0)
    assert "instagram-teampro" in [f.target for f in check(example, "GK306")]


def test_personal_login_and_recovery_email(example: Path) -> None:
    def personal(account: dict) -> None:
        account["credentials"]["login_email"] = "ana.haugen@nordlys.example"
        account["recovery"]["email"] = "per.olsen@nordlys.example"

    path = change_account(example, "facebook-se", personal)
    findings = check(example, "GK307")
    assert brief(findings) == [
        (
            "accounts.yaml",
            line_of(path, "login_email: ana.haugen@"),
            "GK307",
            "facebook-se",
            "account 'facebook-se': the login e-mail is the personal address of 'ana'",
        ),
        (
            "accounts.yaml",
            line_of(path, "email: per.olsen@"),
            "GK307",
            "facebook-se",
            "account 'facebook-se': the recovery e-mail looks like a personal address "
            "(firstname.lastname@)",
        ),
    ]
    assert all("nordlys.example" not in f.message for f in findings)


@pytest.mark.parametrize(
    "address",
    [
        "social.admin2@nordlys.example",
        "social.media@nordlys.example",
        "customer.care@nordlys.example",
        "Press.Office@nordlys.example",
        "marketing.team@nordlys.example",
    ],
)
def test_shared_mailboxes_are_fine(example: Path, address: str) -> None:
    change_account(
        example,
        "facebook-se",
        lambda a: a["credentials"].update(login_email=address),
    )
    assert check(example, "GK307") == []


def test_a_name_beside_a_function_word_is_still_a_name(example: Path) -> None:
    change_account(
        example,
        "facebook-se",
        lambda a: a["credentials"].update(login_email="kari.nordmann@nordlys.example"),
    )
    assert [f.message for f in check(example, "GK307")] == [
        "account 'facebook-se': the login e-mail looks like a personal address "
        "(firstname.lastname@)"
    ]


def test_recovery_phone_holder_gone(example: Path) -> None:
    path = change_account(example, "facebook-de", lambda a: a["recovery"].update(holder="lars"))
    [finding] = check(example, "GK308")
    assert brief([finding]) == [
        (
            "accounts.yaml",
            line_after(path, "- id: facebook-de", "holder: lars"),
            "GK308",
            "facebook-de",
            "account 'facebook-de': the recovery phone's holder 'lars' left on 2026-06-30",
        )
    ]
    assert "+47" not in finding.message


def test_sms_only_second_factor(tmp_path: Path) -> None:
    root = registry(
        tmp_path,
        account("linkedin", secret_ref="op://s/linkedin", mfa=True, mfa_method="app"),
        account("tiktok", secret_ref="op://s/tiktok", mfa=True, mfa_method="sms"),
    )
    [finding] = check_inline(root, "GK309")
    assert brief([finding]) == [
        (
            "accounts.yaml",
            line_after(root / "accounts.yaml", "- id: tiktok", "mfa_method: sms"),
            "GK309",
            "tiktok",
            "account 'tiktok' uses SMS as its only second factor",
        )
    ]
    assert finding.severity == "warning"
