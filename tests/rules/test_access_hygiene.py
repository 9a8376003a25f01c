"""GK301-GK304: leavers with access, overdue access reviews, MFA off, logins without a reference."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from tests.conftest import edit_yaml, line_of
from tests.inline import account, check_inline, registry
from tests.rules.helpers import brief, check, item, line_after, unwaived

MISSING = (
    "Scope",
    "People",
    "ContinuityPlan",
    "BrandGuide",
    "ApprovalFlow",
    "ModerationPolicy",
    "TrainingPlan",
)


def edit_account(root: Path, ident: str, change) -> Path:  # type: ignore[no-untyped-def]
    path = root / "accounts.yaml"
    edit_yaml(path, lambda data: change(item(data, "accounts", ident)))
    return path


def test_example_access_is_clean(example: Path) -> None:
    for code in ("GK301", "GK302", "GK303", "GK304"):
        assert unwaived(check(example, code)) == [], code


def test_leaver_with_access_points_at_the_access_entry(example: Path) -> None:
    entry = CommentedMap(person="lars", level="editor")
    path = edit_account(example, "tiktok-nordlysoutdoor", lambda a: a["access"].append(entry))
    [finding] = check(example, "GK301")
    assert brief([finding]) == [
        (
            "accounts.yaml",
            line_of(path, "person: lars"),
            "GK301",
            "tiktok-nordlysoutdoor",
            "account 'tiktok-nordlysoutdoor': 'lars' left on 2026-06-30 "
            "but still has editor access",
        )
    ]
    assert finding.severity == "error"


def test_leaver_whose_end_date_passed_still_counts(example: Path) -> None:
    edit_yaml(
        example / "people.yaml",
        lambda data: item(data, "people", "ivar").update(end_date=date(2026, 11, 20)),
    )
    findings = check(example, "GK301")
    assert findings
    assert all(
        "'ivar' left on 2026-11-20 but still has analyst access" in f.message for f in findings
    )


def test_access_review_overdue_counts_from_the_last_review(example: Path) -> None:
    path = edit_account(
        example, "instagram-teampro", lambda a: a.update(last_access_review=date(2025, 1, 6))
    )
    [finding] = check(example, "GK302")
    assert brief([finding]) == [
        (
            "accounts.yaml",
            line_of(path, "last_access_review: 2025-01-06"),
            "GK302",
            "instagram-teampro",
            "account 'instagram-teampro': access review overdue since 2026-07-06 "
            "(last reviewed 2025-01-06, admin interval P18M)",
        )
    ]


def test_access_review_counts_from_created_when_never_reviewed(example: Path) -> None:
    edit_account(example, "instagram-teampro", lambda a: a.pop("last_access_review"))
    [finding] = check(example, "GK302")
    assert finding.message == (
        "account 'instagram-teampro': access review overdue since 2022-10-20 "
        "(created 2021-04-20, admin interval P18M)"
    )


def test_access_never_reviewed_nor_created_points_at_the_account(example: Path) -> None:
    def change(account: dict) -> None:
        del account["last_access_review"]
        del account["created"]

    path = edit_account(example, "instagram-teampro", change)
    assert brief(check(example, "GK302")) == [
        (
            "accounts.yaml",
            line_of(path, "- id: instagram-teampro"),
            "GK302",
            "instagram-teampro",
            "account 'instagram-teampro': access has never been reviewed",
        )
    ]


def test_admin_access_uses_the_admin_interval(example: Path) -> None:
    def settings(data: dict) -> None:
        data["spec"]["check"]["admin_access_review"] = "P1M"
        data["spec"]["check"]["access_review"] = "P1Y"

    edit_yaml(example / "settings.yaml", settings)
    edit_account(
        example, "instagram-teampro", lambda a: a.update(last_access_review=date(2026, 10, 30))
    )

    def no_admins(account: dict) -> None:
        account["access"] = [e for e in account["access"] if e["level"] != "admin"]
        account["last_access_review"] = "2026-01-05"

    edit_account(example, "linkedin-nordlys", no_admins)
    messages = {f.target: f.message for f in check(example, "GK302")}
    assert "instagram-teampro" not in messages
    assert "linkedin-nordlys" not in messages
    assert messages["instagram-nordlysoutdoor"] == (
        "account 'instagram-nordlysoutdoor': access review overdue since 2026-11-06 "
        "(last reviewed 2026-10-06, admin interval P1M)"
    )


def test_mfa_off_points_at_the_mfa_value(tmp_path: Path) -> None:
    root = registry(
        tmp_path,
        account("insta", secret_ref="op://social/insta", mfa=True),
        account("teampro", secret_ref="op://social/teampro", mfa=False),
    )
    [finding] = check_inline(root, "GK303")
    assert brief([finding]) == [
        (
            "accounts.yaml",
            line_after(root / "accounts.yaml", "- id: teampro", "mfa: false"),
            "GK303",
            "teampro",
            "account 'teampro' has multi-factor authentication turned off",
        )
    ]


def test_mfa_off_on_a_dormant_account_is_not_gk303(tmp_path: Path) -> None:
    root = registry(tmp_path, account("pin", "dormant", secret_ref="op://social/pin", mfa=False))
    assert check_inline(root, "GK303") == []


def test_missing_secret_reference_points_at_the_credentials(tmp_path: Path) -> None:
    root = registry(tmp_path, account("pin", "dormant", login_email="social@example.org", mfa=True))
    assert brief(check_inline(root, "GK304")) == [
        (
            "accounts.yaml",
            line_after(root / "accounts.yaml", "- id: pin", "login_email:"),
            "GK304",
            "pin",
            "account 'pin' has no secret-manager reference for its login",
        )
    ]


def test_an_inline_registry_alone_reports_the_missing_kinds(tmp_path: Path) -> None:
    """The required kinds left out are GK003 at the folder; the rules that need them say once
    per kind that they did not run (GK004), and the account rules run."""
    root = registry(tmp_path, account("pin", "dormant", secret_ref="op://s/pin", mfa=True))
    found = check_inline(root, "GK303", "GK701", only=("GK003", "GK004"))
    assert [(f.path, f.code, f.message) for f in found] == [
        *((root, "GK003", f"no document of kind {kind}") for kind in MISSING),
        (root, "GK004", "GK701 account-out-of-scope did not run: there is no Scope document"),
    ]
