"""The every-rule fixture: a small policy repository in which every rule GK101-GK902 fires."""

from __future__ import annotations

import json
from pathlib import Path

from governance_kit.rules import all_rules
from tests.conftest import ROOT, TODAY, govkit, line_of

FIXTURE = ROOT / "tests" / "fixtures" / "every-rule"


def at(name: str, text: str, occurrence: int = 1) -> tuple[str, int]:
    return name, line_of(FIXTURE / name, text, occurrence)


EXPECTED = [
    (*at("accounts.yaml", "backup_owner: eve"), "GK204", "insta-main", None),
    (*at("accounts.yaml", "{person: dan, level: editor}"), "GK301", "insta-main", None),
    (*at("accounts.yaml", "{person: gus, level: admin}"), "GK208", "insta-main", None),
    (*at("accounts.yaml", "login_email: alice@"), "GK307", "insta-main", None),
    (*at("accounts.yaml", "- id: x-support"), "GK201", "x-support", None),
    (
        *at("accounts.yaml", "{person: bob, level: admin}", 2),
        "GK206",
        "x-support",
        "w-single-admin",
    ),
    (*at("accounts.yaml", "mfa: false"), "GK303", "x-support", None),
    (*at("accounts.yaml", "holder: dan"), "GK308", "x-support", None),
    (*at("accounts.yaml", "last_access_review: 2025-01-06"), "GK302", "x-support", None),
    (*at("accounts.yaml", "notes: "), "GK305", "x-support", None),
    (*at("accounts.yaml", "- id: teams-hub"), "GK401", "teams-hub", None),
    (*at("accounts.yaml", "- id: teams-hub"), "GK704", "teams-hub", None),
    (*at("accounts.yaml", "mfa: true", 2), "GK304", "teams-hub", None),
    (*at("accounts.yaml", "last_activity: 2025-01-05"), "GK702", "teams-hub", None),
    (*at("accounts.yaml", "status: dormant"), "GK702", "old-forum", None),
    (*at("accounts.yaml", "business_owner: dan"), "GK203", "old-forum", None),
    (*at("accounts.yaml", "backup_owner: dan"), "GK204", "old-forum", None),
    (*at("accounts.yaml", "backup_owner: dan"), "GK205", "old-forum", None),
    (*at("accounts.yaml", "access: []"), "GK209", "old-forum", None),
    (*at("accounts.yaml", "credentials:", 4), "GK306", "old-forum", None),
    (*at("accounts.yaml", "platform: tiktok"), "GK701", "tiktok-x", None),
    (*at("accounts.yaml", "{person: alice, level: admin}", 3), "GK207", "tiktok-x", None),
    (*at("accounts.yaml", "mfa_method: sms"), "GK309", "tiktok-x", None),
    (*at("accounts.yaml", "last_activity: 2026-07-01"), "GK702", "tiktok-x", None),
    (*at("accounts.yaml", "{person: alice, level: admin}", 4), "GK703", "old-blog", None),
    (*at("approvals.yaml", "approvers: [lead, legal]"), "GK801", "legal", None),
    (*at("brand.yaml", "metadata:"), "GK104", "er-brand", None),
    (*at("brand.yaml", "last_reviewed: 2025-12-10"), "GK102", "er-brand", None),
    (*at("continuity.yaml", "effective_date: 2026-12-01"), "GK103", "er-continuity", None),
    (*at("continuity.yaml", "deadline: 2026-07-04"), "GK402", "handover-dan", None),
    (*at("moderation.yaml", "- person: dan"), "GK602", "dan", None),
    (*at("moderation.yaml", "hours: always"), "GK601", "support-x", None),
    (*at("moderation.yaml", "- level: 1"), "GK605", "standard", None),
    (*at("moderation.yaml", "contacts_verified: 2026-05-04"), "GK606", "takeover", None),
    (*at("moderation.yaml", "- level: high"), "GK607", "takeover", None),
    (*at("objectives.yaml", "id: er-objectives"), "GK802", "er-objectives", None),
    (*at("objectives.yaml", "last_reviewed: 2025-01-06"), "GK101", "er-objectives", None),
    (*at("people.yaml", "version: 1.1.0"), "GK105", "er-people", None),
    (*at("people.yaml", "- id: cara"), "GK501", "cara", None),
    (*at("people.yaml", "- id: cara"), "GK503", "cara", None),
    (*at("people.yaml", "- id: eve"), "GK501", "eve", None),
    (*at("people.yaml", "- id: eve"), "GK503", "eve", None),
    (*at("scope.yaml", "- id: forum"), "GK603", "forum", None),
    (*at("scope.yaml", "- id: forum"), "GK604", "forum", None),
    (*at("training.yaml", "{person: bob, course: policy"), "GK502", "bob", None),
    (*at("waivers.yaml", "expires: 2026-10-31"), "GK901", "w-expired", None),
    (*at("waivers.yaml", "- id: w-unused"), "GK902", "w-unused", None),
]


def report() -> dict:
    run = govkit("check", FIXTURE, "--today", TODAY, "--format", "json")
    assert run.exit_code == 1, run.stderr
    return json.loads(run.stdout)


def test_every_finding_of_the_fixture() -> None:
    found = [
        (Path(f["path"]).name, f["line"], f["code"], f["target"], f["waived_by"])
        for f in report()["findings"]
    ]
    assert found == EXPECTED


def test_the_fixture_fires_the_rules_it_was_written_for() -> None:
    """Each rule's own executed example (tests/test_rule_examples.py) shows that every rule
    fires; this fixture shows them firing together, so a rule added later need not be added
    here (adding a rule touches its module and its test only)."""
    codes = {code for _, _, code, _, _ in EXPECTED}
    known = {r.code for r in all_rules()}
    assert codes <= known
    assert len(codes) == 42


def test_fixture_files_name_their_schema() -> None:
    for path in sorted(FIXTURE.glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        kind = next(
            line.split(":", 1)[1].strip()
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith("kind:")
        )
        assert first == (
            f"# yaml-language-server: $schema=../../../schemas/{kind.lower()}.schema.json"
        )
        assert (FIXTURE / first.split("=", 1)[1]).resolve().is_file()
