"""GK701, GK702 (accounts in scope, dormant accounts) and GK801, GK802 (approval flow)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from governance_kit.loading.repository import load_repository
from tests.conftest import edit_yaml, govkit, line_of
from tests.rules.helpers import brief, check, item, line_after, unwaived


def edit_account(root: Path, ident: str, **changes: object) -> Path:
    path = root / "accounts.yaml"
    edit_yaml(path, lambda data: item(data, "accounts", ident).update(changes))
    return path


def test_example_scope_and_approvals_are_clean(example: Path) -> None:
    for code in ("GK701", "GK702", "GK801", "GK802"):
        assert unwaived(check(example, code)) == [], code
        assert unwaived(check(example, code, date(2027, 12, 31))) == [], code


def test_account_on_another_platform_than_its_channel(example: Path) -> None:
    path = edit_account(example, "linkedin-nordlys", platform="x")
    assert brief(check(example, "GK701")) == [
        (
            "accounts.yaml",
            line_after(path, "- id: linkedin-nordlys", "platform: x"),
            "GK701",
            "linkedin-nordlys",
            "account 'linkedin-nordlys' is on x, but its channel 'linkedin-corporate' is on "
            "linkedin",
        )
    ]


def test_account_on_a_platform_out_of_scope(example: Path) -> None:
    path = edit_account(example, "linkedin-nordlys", platform="reddit")
    edit_account(example, "youtube-sverige-legacy", platform="reddit")
    assert brief(check(example, "GK701")) == [
        (
            "accounts.yaml",
            line_of(path, "platform: reddit"),
            "GK701",
            "linkedin-nordlys",
            "account 'linkedin-nordlys' is on reddit, which no channel in scope uses",
        )
    ]


def test_dormant_account_without_justification_points_at_its_status(example: Path) -> None:
    def change(data: dict) -> None:
        del item(data, "accounts", "pinterest-nordlysoutdoor")["dormancy_justification"]

    path = example / "accounts.yaml"
    edit_yaml(path, change)
    [finding] = check(example, "GK702")
    assert brief([finding]) == [
        (
            "accounts.yaml",
            line_of(path, "status: dormant"),
            "GK702",
            "pinterest-nordlysoutdoor",
            "account 'pinterest-nordlysoutdoor' is dormant without a justification",
        )
    ]
    assert finding.severity == "warning"


def test_active_account_without_recent_activity(example: Path) -> None:
    path = edit_account(example, "linkedin-nordlys", last_activity=date(2025, 1, 6))
    assert brief(check(example, "GK702")) == [
        (
            "accounts.yaml",
            line_of(path, "last_activity: 2025-01-06"),
            "GK702",
            "linkedin-nordlys",
            "account 'linkedin-nordlys' has had no activity since 2025-01-06 (687 days)",
        )
    ]


def test_active_account_without_recorded_activity(example: Path) -> None:
    def change(data: dict) -> None:
        del item(data, "accounts", "linkedin-nordlys")["last_activity"]

    path = example / "accounts.yaml"
    edit_yaml(path, change)
    assert brief(check(example, "GK702")) == [
        (
            "accounts.yaml",
            line_of(path, "- id: linkedin-nordlys"),
            "GK702",
            "linkedin-nordlys",
            "account 'linkedin-nordlys' has no recorded activity",
        )
    ]


def test_justified_inactivity_is_fine(example: Path) -> None:
    edit_account(
        example,
        "linkedin-nordlys",
        last_activity=date(2025, 1, 6),
        dormancy_justification="Paused during the reorganisation; resumes in the spring.",
    )
    assert check(example, "GK702") == []


def test_approver_role_nobody_holds(example: Path) -> None:
    edit_yaml(example / "people.yaml", lambda data: item(data, "people", "ivar").update(roles=[]))
    approvals = example / "approvals.yaml"
    [finding] = check(example, "GK801")
    assert brief([finding]) == [
        (
            "approvals.yaml",
            line_of(approvals, "approvers: [social-media-lead, analyst]"),
            "GK801",
            "analyst",
            "role 'analyst' approves changes to 'nordlys-objectives', but no active person "
            "holds it",
        )
    ]
    text = approvals.read_text(encoding="utf-8").splitlines()[finding.line - 1]
    assert finding.column == text.index("analyst") + 1


def test_approver_role_held_only_by_a_leaver(example: Path) -> None:
    edit_yaml(
        example / "people.yaml",
        lambda data: item(data, "people", "hanna").update(
            status="left", end_date=date(2026, 10, 30)
        ),
    )
    [finding] = check(example, "GK801")
    assert finding.target == "legal-compliance"
    assert finding.message == (
        "role 'legal-compliance' approves new accounts, but no active person holds it"
    )
    assert finding.line == line_of(
        example / "approvals.yaml", "approvers: [social-media-lead, legal-compliance]"
    )


def test_document_without_approver_points_at_its_id(example: Path) -> None:
    def change(data: dict) -> None:
        changes = data["spec"]["policy_changes"]
        changes[:] = [c for c in changes if c["document"] != "nordlys-objectives"]

    edit_yaml(example / "approvals.yaml", change)
    assert brief(check(example, "GK802")) == [
        (
            "objectives.yaml",
            line_of(example / "objectives.yaml", "id: nordlys-objectives"),
            "GK802",
            "nordlys-objectives",
            "policy document 'nordlys-objectives' has no approvers for changes",
        )
    ]


SNAPCHAT_REASON = (
    "Left in the 2025 channel review: the audience Nordlys serves is reached better on "
    "Instagram and TikTok. The old @nordlysoutdoor account is kept frozen, with nothing "
    "posted, so that nobody else can take the handle; it is registered in the account "
    "registry as archived."
)


def test_account_without_channel_on_a_platform_declared_out_of_scope_gives_the_reason(
    example: Path,
) -> None:
    path = example / "accounts.yaml"
    edit_yaml(
        path,
        lambda data: item(data, "accounts", "snapchat-nordlysoutdoor").update(status="dormant"),
    )
    assert brief(check(example, "GK701")) == [
        (
            "accounts.yaml",
            line_of(path, "platform: snapchat"),
            "GK701",
            "snapchat-nordlysoutdoor",
            "account 'snapchat-nordlysoutdoor' is on snapchat, which the Scope declares out of "
            f"scope: {SNAPCHAT_REASON}",
        )
    ]


def test_account_with_a_channel_on_a_platform_declared_out_of_scope_gives_the_reason(
    example: Path,
) -> None:
    path = edit_account(example, "linkedin-nordlys", platform="snapchat")
    assert brief(check(example, "GK701")) == [
        (
            "accounts.yaml",
            line_of(path, "platform: snapchat"),
            "GK701",
            "linkedin-nordlys",
            "account 'linkedin-nordlys' is on snapchat, which the Scope declares out of scope: "
            f"{SNAPCHAT_REASON}",
        )
    ]


def test_archived_account_without_channel_on_a_platform_out_of_scope_is_clean(
    example: Path,
) -> None:
    assert check(example, "GK701") == []


def test_account_without_channel_on_a_platform_not_declared_out_of_scope_is_refused(
    example: Path,
) -> None:
    path = example / "accounts.yaml"
    edit_yaml(
        path,
        lambda data: item(data, "accounts", "snapchat-nordlysoutdoor").update(platform="reddit"),
    )
    repository = load_repository(example)
    assert not repository.valid
    assert [
        (f.path.name, f.line, f.column, f.code, f.message, f.hint) for f in repository.findings
    ] == [
        (
            "accounts.yaml",
            line_of(path, "platform: reddit"),
            17,
            "GK003",
            "account 'snapchat-nordlysoutdoor' has no channel, and the Scope does not declare "
            "reddit out of scope",
            "name the channel it serves in 'channel', or list the platform under 'platforms' of "
            "an item in the Scope's 'out_of_scope'",
        )
    ]


def test_platforms_out_of_scope_must_be_known_platforms(example: Path) -> None:
    path = example / "scope.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("platforms: [snapchat]", "platforms: [myspace]"),
        encoding="utf-8",
    )
    result = govkit("validate", example)
    assert result.exit_code == 2
    line = line_of(path, "platforms: [myspace]")
    assert result.stdout.startswith(
        f"{path}:{line}:19: error: spec.out_of_scope[4].platforms[0]: 'myspace' is not one of: "
        "instagram, facebook,"
    )
