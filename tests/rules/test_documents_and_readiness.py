"""GK103-GK105 (policy documents), GK503 (acknowledgements), GK605-GK607 (escalation and
crisis), GK702's early notice, GK703-GK704 (archived and unverified registry entries)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.conftest import edit_yaml, line_of
from tests.inline import account, check_inline, registry
from tests.rules.helpers import brief, check, item, line_after

NEW_CODES = ("GK103", "GK104", "GK105", "GK503", "GK605", "GK606", "GK607", "GK703", "GK704")


def metadata(root: Path, name: str, **changes: object) -> Path:
    path = root / name

    def change(data: dict) -> None:
        for key, value in changes.items():
            if value is None:
                data["metadata"].pop(key, None)
            else:
                data["metadata"][key] = value

    edit_yaml(path, change)
    return path


def settings(root: Path, **changes: object) -> None:
    edit_yaml(root / "settings.yaml", lambda data: data["spec"]["check"].update(changes))


def moderation(root: Path, change) -> Path:  # type: ignore[no-untyped-def]
    """Change the ModerationPolicy; `change` gets the whole document (for `item`)."""
    path = root / "moderation.yaml"
    edit_yaml(path, change)
    return path


def test_example_is_clean_for_the_new_rules(example: Path) -> None:
    for code in NEW_CODES:
        assert check(example, code) == [], code
        assert check(example, code, date(2027, 12, 31)) == [], code


def test_in_force_with_a_future_effective_date(example: Path) -> None:
    path = metadata(example, "objectives.yaml", effective_date=date(2026, 12, 1))
    [finding] = check(example, "GK103")
    assert brief([finding]) == [
        (
            "objectives.yaml",
            line_of(path, "effective_date: 2026-12-01"),
            "GK103",
            "nordlys-objectives",
            "'nordlys-objectives' is in force, but its effective date 2026-12-01 is in the future",
        )
    ]
    assert check(example, "GK103", date(2026, 12, 1)) == []
    metadata(example, "objectives.yaml", status="draft")
    assert check(example, "GK103") == []


def test_approval_missing(example: Path) -> None:
    path = metadata(example, "scope.yaml", approved_by=None, approved_on=None)
    [finding] = check(example, "GK104")
    assert brief([finding]) == [
        (
            "scope.yaml",
            line_of(path, "metadata:"),
            "GK104",
            "nordlys-scope",
            "'nordlys-scope' version 2.1.0 has no approved_by and no approved_on",
        )
    ]
    assert finding.severity == "error"
    metadata(example, "scope.yaml", approved_by="hanna")
    [finding] = check(example, "GK104")
    assert finding.message == "'nordlys-scope' version 2.1.0 has no approved_on"


def test_new_version_without_summary_or_changelog_entry(example: Path) -> None:
    path = metadata(example, "continuity.yaml", change_summary=None)
    [finding] = check(example, "GK105")
    assert brief([finding]) == [
        (
            "continuity.yaml",
            line_of(path, "version: 2.0.1"),
            "GK105",
            "nordlys-continuity",
            "'nordlys-continuity' version 2.0.1 has no change_summary and is not the newest "
            "changelog entry (2.0.0)",
        )
    ]


def test_current_version_as_the_newest_changelog_entry_is_fine(example: Path) -> None:
    def record(data: dict) -> None:
        data["metadata"].pop("change_summary")
        data["metadata"]["changelog"].insert(
            0, {"version": "2.0.1", "date": date(2026, 9, 15), "summary": "Tokens per person."}
        )

    edit_yaml(example / "continuity.yaml", record)
    assert check(example, "GK105") == []


def test_changelog_newer_than_the_version(example: Path) -> None:
    metadata(example, "continuity.yaml", version="1.9.0")
    [finding] = check(example, "GK105")
    assert finding.message == (
        "'nordlys-continuity' changelog lists version 2.0.0, newer than the document's "
        "version 1.9.0"
    )


def acknowledgements(root: Path, change) -> Path:  # type: ignore[no-untyped-def]
    path = root / "acknowledgements.yaml"
    edit_yaml(path, lambda data: change(data["spec"]))
    return path


def test_acknowledgement_of_an_earlier_version_does_not_count(example: Path) -> None:
    def older(spec: dict) -> None:
        entry = next(
            a
            for a in spec["acknowledgements"]
            if a["person"] == "frida" and a["document"] == "nordlys-moderation"
        )
        entry["version"] = "3.0.0"

    acknowledgements(example, older)
    [finding] = check(example, "GK503")
    people = example / "people.yaml"
    assert brief([finding]) == [
        (
            "people.yaml",
            line_of(people, "- id: frida"),
            "GK503",
            "frida",
            "person 'frida' has not acknowledged version 3.1.0 of 'nordlys-moderation' "
            "(acknowledged 3.0.0)",
        )
    ]


def test_applies_to_roles_limits_who_must_acknowledge(example: Path) -> None:
    def drop_ben(spec: dict) -> None:
        spec["acknowledgements"] = [a for a in spec["acknowledgements"] if a["person"] != "ben"]

    acknowledgements(example, drop_ben)
    assert brief(check(example, "GK503")) == [
        (
            "people.yaml",
            line_of(example / "people.yaml", "- id: ben"),
            "GK503",
            "ben",
            f"person 'ben' has not acknowledged version {version} of '{document}'",
        )
        for document, version in (
            ("nordlys-continuity", "2.0.1"),
            ("nordlys-moderation", "3.1.0"),
        )
    ]
    metadata(example, "moderation.yaml", applies_to_roles=["moderator", "support"])
    metadata(example, "continuity.yaml", applies_to_roles=["social-media-lead"])
    assert check(example, "GK503") == []


def test_people_without_access_or_shift_need_no_acknowledgement(example: Path) -> None:
    acknowledgements(example, lambda spec: spec.update(acknowledgements=[]))
    targets = {f.target for f in check(example, "GK503")}
    assert "sigrid" not in targets and "lars" not in targets
    assert targets == {
        "ana", "ben", "carl", "dina", "erik", "frida", "greta", "hanna", "ivar", "jonas",
        "kari", "marit", "ola",
    }  # fmt: skip


def test_no_acknowledgements_document_checks_nothing(example: Path) -> None:
    (example / "acknowledgements.yaml").unlink()
    assert check(example, "GK503") == []


def test_escalation_tier_without_backup_within_or_approver(example: Path) -> None:
    def strip(data: dict) -> None:
        tier = item(data, "escalation", "customer-complaint")["tiers"][1]
        del tier["backup"], tier["within"]

    path = moderation(example, strip)
    [finding] = check(example, "GK605")
    assert brief([finding]) == [
        (
            "moderation.yaml",
            line_after(path, "- id: customer-complaint", "- level: 2"),
            "GK605",
            "customer-complaint",
            "escalation 'customer-complaint' tier 2 has no backup, no within",
        )
    ]


def test_crisis_contacts_not_verified_recently(example: Path) -> None:
    assert check(example, "GK606", date(2027, 2, 8)) == []
    settings(example, crisis_contacts_verify_days=90)
    findings = check(example, "GK606", date(2027, 2, 9))
    path = example / "moderation.yaml"
    assert brief(findings)[0] == (
        "moderation.yaml",
        line_after(path, "- id: reputation-crisis", "contacts_verified:"),
        "GK606",
        "reputation-crisis",
        "crisis protocol 'reputation-crisis': contacts last verified on 2026-11-10, "
        "more than 90 days ago",
    )
    assert [f.target for f in findings] == ["reputation-crisis", "account-takeover"]


def test_crisis_contacts_never_verified(example: Path) -> None:
    path = moderation(
        example, lambda spec: item(spec, "crisis", "account-takeover").pop("contacts_verified")
    )
    [finding] = check(example, "GK606")
    assert finding.line == line_after(path, "- id: account-takeover", "contacts:")
    assert (
        finding.message == "crisis protocol 'account-takeover': contacts have never been verified"
    )


def test_severity_level_without_holding_statement(example: Path) -> None:
    path = moderation(
        example,
        lambda spec: item(spec, "crisis", "account-takeover")["severity_levels"][1].pop(
            "holding_statement"
        ),
    )
    [finding] = check(example, "GK607")
    assert brief([finding]) == [
        (
            "moderation.yaml",
            line_after(path, "- id: account-takeover", "- level: high"),
            "GK607",
            "account-takeover",
            "crisis protocol 'account-takeover': severity level 'high' has no holding statement",
        )
    ]


def change_account(root: Path, ident: str, change) -> Path:  # type: ignore[no-untyped-def]
    path = root / "accounts.yaml"
    edit_yaml(path, lambda data: change(item(data, "accounts", ident)))
    return path


def test_archived_account_with_admins_and_a_login(example: Path) -> None:
    def reopen(account: dict) -> None:
        account["access"] = [{"person": "ana", "level": "admin"}]
        account["credentials"]["secret_ref"] = "op://social-accounts/youtube-se"

    path = change_account(example, "youtube-sverige-legacy", reopen)
    [finding] = check(example, "GK703")
    assert brief([finding]) == [
        (
            "accounts.yaml",
            line_after(path, "- id: youtube-sverige-legacy", "person: ana"),
            "GK703",
            "youtube-sverige-legacy",
            "archived account 'youtube-sverige-legacy' still lists admins 'ana' and a "
            "credential reference",
        )
    ]


def test_archived_account_with_only_a_login(tmp_path: Path) -> None:
    root = registry(tmp_path, account("yt", "archived", secret_ref="op://s/yt", mfa=True))
    [finding] = check_inline(root, "GK703")
    assert (finding.target, finding.line) == ("yt", line_of(root / "accounts.yaml", "op://s/yt"))


def test_registry_entry_not_verified_within_the_interval(example: Path) -> None:
    settings(example, verify_registry_every="P1Y")
    path = change_account(
        example, "instagram-teampro", lambda a: a.update(last_verified=date(2025, 11, 1))
    )
    [finding] = check(example, "GK704")
    assert brief([finding]) == [
        (
            "accounts.yaml",
            line_of(path, "last_verified: 2025-11-01"),
            "GK704",
            "instagram-teampro",
            "account 'instagram-teampro': registry entry last verified on 2025-11-01 "
            "(interval P1Y)",
        )
    ]


def test_registry_entry_never_verified_points_at_the_account(example: Path) -> None:
    path = change_account(example, "instagram-teampro", lambda a: a.pop("last_verified"))
    [finding] = check(example, "GK704")
    assert finding.line == line_of(path, "- id: instagram-teampro")
    assert finding.message == "account 'instagram-teampro': registry entry never verified"


def test_early_notice_of_inactivity_is_info(example: Path) -> None:
    settings(example, inactive_after_days=90, dormant_after_days=180)
    path = change_account(
        example, "linkedin-nordlys", lambda a: a.update(last_activity=date(2026, 7, 1))
    )
    [finding] = check(example, "GK702")
    assert brief([finding]) == [
        (
            "accounts.yaml",
            line_of(path, "last_activity: 2026-07-01"),
            "GK702",
            "linkedin-nordlys",
            "account 'linkedin-nordlys' has had no activity since 2026-07-01 (146 days); "
            "it counts as dormant after 180 days",
        )
    ]
    assert finding.severity == "info"
    [later] = check(example, "GK702", date(2027, 1, 5))
    assert later.severity == "warning"
