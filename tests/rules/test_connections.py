"""GK310-GK313: third-party tools and agencies connected to accounts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from governance_kit.loading.repository import load_repository
from tests.conftest import TODAY, edit_yaml, govkit, line_of
from tests.rules.helpers import brief, check, item, unwaived

CODES = ("GK310", "GK311", "GK312", "GK313")


def edit_connection(root: Path, ident: str, **changes: object) -> Path:
    path = root / "connections.yaml"
    edit_yaml(path, lambda data: item(data, "connections", ident).update(changes))
    return path


def drop(root: Path, ident: str, *keys: str) -> Path:
    path = root / "connections.yaml"

    def change(data: dict) -> None:
        for key in keys:
            del item(data, "connections", ident)[key]

    edit_yaml(path, change)
    return path


@pytest.mark.parametrize("code", CODES)
def test_example_connections_are_clean_for_a_year(example: Path, code: str) -> None:
    assert unwaived(check(example, code)) == []
    assert unwaived(check(example, code, date(2027, 12, 31))) == []


def test_connection_held_by_someone_who_left(example: Path) -> None:
    path = edit_connection(example, "hootsuite", holder="lars")
    assert brief(check(example, "GK310")) == [
        (
            "connections.yaml",
            line_of(path, "holder: lars"),
            "GK310",
            "hootsuite",
            "connection 'hootsuite' (Hootsuite) is held by 'lars', who left on 2026-06-30",
        )
    ]


def test_connection_held_by_someone_past_their_last_day(example: Path) -> None:
    people = example / "people.yaml"
    edit_yaml(people, lambda data: item(data, "people", "ivar").update(end_date="2026-12-15"))
    path = example / "connections.yaml"
    line = line_of(path, "holder: ivar")
    message = "connection 'brandwatch' (Brandwatch Consumer Research) is held by 'ivar', who "
    assert check(example, "GK310", date(2026, 10, 1)) == []
    leaving = check(example, "GK310", date(2026, 12, 15))
    assert brief(leaving) == [
        ("connections.yaml", line, "GK310", "brandwatch", message + "leaves on 2026-12-15")
    ]
    assert leaving[0].severity == "warning"
    gone = check(example, "GK310", date(2026, 12, 16))
    assert brief(gone) == [
        ("connections.yaml", line, "GK310", "brandwatch", message + "left on 2026-12-15")
    ]
    assert gone[0].severity == "error"


def test_connection_review_overdue_counts_from_the_last_review(example: Path) -> None:
    path = edit_connection(example, "brandwatch", last_reviewed=date(2024, 5, 2))
    assert brief(check(example, "GK311")) == [
        (
            "connections.yaml",
            line_of(path, "last_reviewed: 2024-05-02"),
            "GK311",
            "brandwatch",
            "connection 'brandwatch' (Brandwatch Consumer Research): review overdue since "
            "2025-11-02 (last reviewed 2024-05-02, interval P18M)",
        )
    ]


def test_connection_review_uses_its_own_interval(example: Path) -> None:
    edit_connection(example, "hootsuite", review_interval="P1M")
    assert check(example, "GK311", date(2026, 11, 6)) == []
    [finding] = check(example, "GK311", date(2026, 11, 7))
    assert (finding.target, finding.severity, finding.message) == (
        "hootsuite",
        "warning",
        "connection 'hootsuite' (Hootsuite): review overdue since 2026-11-06 (last reviewed "
        "2026-10-06, interval P1M)",
    )


def test_connection_review_defaults_to_the_toolkit_default(example: Path) -> None:
    settings = example / "settings.yaml"
    edit_yaml(settings, lambda data: data["spec"]["check"].pop("connection_review"))
    assert check(example, "GK311", date(2027, 4, 6)) == []
    assert [f.target for f in check(example, "GK311", date(2027, 4, 7))] == [
        "hootsuite",
        "brandwatch",
        "zendesk-social",
        "nattravn",
    ]


def test_connection_never_reviewed_counts_from_when_it_was_connected(example: Path) -> None:
    path = drop(example, "zendesk-social", "last_reviewed")
    assert brief(check(example, "GK311")) == [
        (
            "connections.yaml",
            line_of(path, "- id: zendesk-social"),
            "GK311",
            "zendesk-social",
            "connection 'zendesk-social' (Zendesk social messaging): review overdue since "
            "2021-04-14 (connected 2019-10-14, interval P18M)",
        )
    ]


def test_connection_without_any_date_has_never_been_reviewed(example: Path) -> None:
    path = drop(example, "zendesk-social", "last_reviewed", "connected")
    [finding] = check(example, "GK311")
    assert (finding.line, finding.message, finding.hint) == (
        line_of(path, "- id: zendesk-social"),
        "connection 'zendesk-social' (Zendesk social messaging) has never been reviewed",
        "review it and set 'last_reviewed' (every P18M)",
    )


def test_connection_to_an_archived_account(example: Path) -> None:
    path = edit_connection(
        example, "brandwatch", accounts=["instagram-nordlysoutdoor", "youtube-sverige-legacy"]
    )
    [finding] = check(example, "GK312")
    assert brief([finding]) == [
        (
            "connections.yaml",
            line_of(path, "- youtube-sverige-legacy"),
            "GK312",
            "brandwatch",
            "connection 'brandwatch' (Brandwatch Consumer Research) is still connected to "
            "archived account 'youtube-sverige-legacy'",
        )
    ]
    assert finding.severity == "warning"


def test_connection_to_a_dormant_account_is_not_flagged(example: Path) -> None:
    edit_connection(example, "brandwatch", accounts=["pinterest-nordlysoutdoor"])
    assert check(example, "GK312") == []


def test_agency_sponsor_falls_back_to_the_holders_sponsor(example: Path) -> None:
    drop(example, "nattravn", "sponsor")
    assert check(example, "GK313") == []


def test_agency_connection_without_any_sponsor(example: Path) -> None:
    path = drop(example, "nattravn", "sponsor")
    edit_yaml(example / "people.yaml", lambda data: item(data, "people", "ola").pop("sponsor"))
    assert brief(check(example, "GK313")) == [
        (
            "connections.yaml",
            line_of(path, "holder: ola"),
            "GK313",
            "nattravn",
            "agency connection 'nattravn' (Nattravn Kundeservice AS) has no sponsor employee",
        )
    ]


def test_agency_sponsored_by_someone_who_is_not_an_employee(example: Path) -> None:
    path = edit_connection(example, "nattravn", sponsor="ola")
    assert brief(check(example, "GK313")) == [
        (
            "connections.yaml",
            line_of(path, "sponsor: ola"),
            "GK313",
            "nattravn",
            "agency connection 'nattravn' (Nattravn Kundeservice AS) is sponsored by 'ola', who "
            "is not an employee (agency)",
        )
    ]


def test_agency_sponsored_by_someone_who_left(example: Path) -> None:
    edit_connection(example, "nattravn", sponsor="lars")
    assert [f.message for f in check(example, "GK313")] == [
        "agency connection 'nattravn' (Nattravn Kundeservice AS) is sponsored by 'lars', who "
        "left on 2026-06-30"
    ]


def test_a_tool_needs_no_sponsor(example: Path) -> None:
    edit_connection(example, "nattravn", type="tool")
    drop(example, "nattravn", "sponsor")
    edit_yaml(example / "people.yaml", lambda data: item(data, "people", "ola").pop("sponsor"))
    assert check(example, "GK313") == []


def test_a_connection_names_a_secret_reference_not_a_token(example: Path) -> None:
    path = edit_connection(example, "hootsuite", secret_ref="hunter2-token")
    repository = load_repository(example)
    [finding] = [f for f in repository.findings if f.code == "GK002"]
    assert (finding.path.name, finding.line) == (
        "connections.yaml",
        line_of(path, "secret_ref: hunter2-token"),
    )
    assert finding.message.startswith("spec.connections[0].secret_ref: ")


def test_connection_to_an_unknown_account_is_a_broken_reference(example: Path) -> None:
    path = edit_connection(example, "brandwatch", accounts=["instagram-main"])
    repository = load_repository(example)
    assert [(f.path.name, f.line, f.code, f.message) for f in repository.findings] == [
        (
            "connections.yaml",
            line_of(path, "- instagram-main"),
            "GK003",
            "unknown account 'instagram-main'",
        )
    ]


META_TOKEN = "EAAGm0PX4ZCpsBAKz9xQ7vL2nR8tY3wC5dF1hJ6kM0pS4uV9"  # made up, never a credential


def test_a_token_pasted_into_a_connection_is_reported_and_never_printed(example: Path) -> None:
    path = edit_connection(example, "hootsuite", notes=f"Page token {META_TOKEN}")
    run = govkit("check", example, "--today", TODAY, "--select", "GK305")
    assert run.exit_code == 1
    first = run.stdout.splitlines()[0]
    # The column is where the token starts, after "      notes: Page token ".
    assert first.startswith(f"{path}:{line_of(path, 'notes: Page token')}:25: error: ")
    assert "[GK305]" in first
    assert META_TOKEN not in run.stdout + run.stderr
