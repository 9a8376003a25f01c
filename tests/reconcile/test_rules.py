"""The reconciliation rules one at a time, on small exports against a copy of the example:
matching by identities (never by name), handles, owners, dates, and what is not judged."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from tests.conftest import edit_yaml

from .conftest import inside, reconcile

ENTRA = "userPrincipalName,displayName,mail,accountEnabled,userType\n"


def findings(folder: Path, policies: Path, *args: str) -> list[tuple[str, str, int, str]]:
    """(code, path, line, message) of every finding of `govkit reconcile` run in `folder`."""
    with inside(folder):
        run = reconcile(*args, "--format", "json", policies=policies)
    assert run.exit_code in (0, 1), run.stderr
    return [
        (f["code"], f["path"], f["line"], f["message"]) for f in json.loads(run.stdout)["findings"]
    ]


def write(folder: Path, name: str, text: str) -> str:
    (folder / name).write_text(text, encoding="utf-8")
    return name


def test_a_guest_is_matched_by_identities_upn_and_never_by_name(
    tmp_path: Path, example: Path
) -> None:
    guest = "ola.brekke_nattravn.example#EXT#@nordlysoutdoor.onmicrosoft.com"
    name = write(tmp_path, "users-2026-11-20.csv", f"{ENTRA}{guest},Ola Brekke,,False,Guest\n")
    assert findings(tmp_path, example, "--from", name, "--select", "GKR01") == [
        (
            "GKR01",
            name,
            2,
            f"'{guest}' is disabled in Microsoft Entra ID, but ola is active on the roster",
        )
    ]
    edit_yaml(example / "people.yaml", lambda d: d["spec"]["people"][13].pop("identities"))
    assert findings(tmp_path, example, "--from", name, "--select", "GKR01") == []


def test_someone_who_has_left_may_be_disabled(tmp_path: Path, example: Path) -> None:
    name = write(tmp_path, "u-2026-11-20.csv", f"{ENTRA}lars.moen@nordlys.example,Lars,,False,M\n")
    assert findings(tmp_path, example, "--from", name, "--select", "GKR01") == []


def test_a_shift_alone_needs_a_user(tmp_path: Path, example: Path) -> None:
    shift = {"person": "sigrid", "days": ["sat"], "start": "10:00", "end": "12:00"}
    edit_yaml(example / "moderation.yaml", lambda d: d["spec"]["rota"]["shifts"].append(shift))
    name = write(tmp_path, "u-2026-11-20.csv", ENTRA + "ana.haugen@nordlys.example,Ana,,True,M\n")
    found = findings(tmp_path, example, "--from", name, "--select", "GKR02")
    people = {message.split(" ")[0]: message for _, _, _, message in found}
    assert people["sigrid"] == (
        "sigrid has a shift on the moderation rota but is not a user in the Microsoft Entra ID "
        "export"
    )
    assert people["kari"] == (
        "kari has access to accounts but is not a user in the Microsoft Entra ID export"
    )
    assert "ana" not in people and "lars" not in people  # in the export; gone


def test_a_handle_names_an_account_only_when_one_has_it(tmp_path: Path, example: Path) -> None:
    rows = "account,person,role\n@nordlys.teampro,carl,admin\n@nordlysoutdoor,ben,admin\n"
    rows += "tiktok-nordlysoutdoorr,ben,admin\n"
    name = write(tmp_path, "admins-2026-11-20.csv", rows)
    assert findings(tmp_path, example, "--from", name, "--select", "GKR03") == [
        (
            "GKR03",
            name,
            3,
            "'@nordlysoutdoor' is the handle of instagram-nordlysoutdoor, tiktok-nordlysoutdoor, "
            "youtube-nordlys, pinterest-nordlysoutdoor, snapchat-nordlysoutdoor "
            "(the platform export)",
        ),
        (
            "GKR03",
            name,
            4,
            "account 'tiktok-nordlysoutdoorr' is not in the registry (the platform export)",
        ),
    ]


def test_an_owner_counts_as_admin(tmp_path: Path, example: Path) -> None:
    rows = "account,person,role\ntiktok-nordlysoutdoor,carl,admin\n"  # editor, backup owner
    name = write(tmp_path, "admins-2026-11-20.csv", rows)
    assert findings(tmp_path, example, "--from", name, "--select", "GKR03,GKR05") == []


def test_only_approved_linkedin_roles_count(tmp_path: Path, example: Path) -> None:
    elements = [
        {"roleAssignee": "urn:li:person:Qm3KvA81", "role": "ADMINISTRATOR", "state": state}
        for state in ("REQUESTED", "REVOKED")
    ]
    name = write(tmp_path, "acls-2026-11-20.json", json.dumps({"elements": elements}))
    found = findings(
        tmp_path, example, "--from", f"linkedin-nordlys={name}", "--select", "GKR03,GKR04"
    )
    assert [(code, message.split(" ")[0]) for code, _, _, message in found] == [
        ("GKR04", person) for person in ("ana", "carl", "ben", "frida", "marit", "ivar")
    ]


def test_an_export_without_a_date_is_dated_by_its_file(tmp_path: Path, example: Path) -> None:
    name = write(tmp_path, "users.csv", ENTRA + "ana.haugen@nordlys.example,Ana,,True,M\n")
    when = datetime(2026, 10, 1, 12).timestamp()
    os.utime(tmp_path / name, (when, when))
    assert findings(tmp_path, example, "--from", name, "--select", "GKR10") == [
        (
            "GKR10",
            name,
            1,
            "the export is 54 days old (dated 2026-10-01 by its file modified); Settings allow 30",
        )
    ]
    edit_yaml(example / "settings.yaml", lambda d: d["spec"]["check"].update(
        export_max_age_days=60))  # fmt: skip
    assert findings(tmp_path, example, "--from", name, "--select", "GKR10") == []


def test_vaults_no_account_refers_to_are_not_judged(tmp_path: Path, example: Path) -> None:
    items = [{"id": "x", "title": "Canva team", "vault": {"id": "v", "name": "marketing"}}]
    name = write(tmp_path, "items-2026-11-20.json", json.dumps(items))
    assert findings(tmp_path, example, "--from", name, "--select", "GKR06,GKR07") == []


def test_a_member_who_left_is_reported_even_with_access(tmp_path: Path, example: Path) -> None:
    members = [{"id": "u", "name": "Lars Moen", "email": "LARS.MOEN@nordlys.example"}]
    name = write(tmp_path, "members-2026-11-20.json", json.dumps(members))
    assert findings(tmp_path, example, "--from", f"social-accounts={name}") == [
        (
            "GKR08",
            name,
            1,
            "vault 'social-accounts' is shared with lars, who has access to none of its "
            "accounts (per the 1Password export)",
        )
    ]


def test_an_identifier_two_people_claim_matches_neither(tmp_path: Path, example: Path) -> None:
    def share(data: dict) -> None:
        people = {person["id"]: person for person in data["spec"]["people"]}
        people["dina"]["identities"] = {"meta_user_id": "10219987312045568"}  # ivar's

    edit_yaml(example / "people.yaml", share)
    page = {"data": [{"id": "10219987312045568", "name": "Ivar Dahl", "tasks": ["ANALYZE"]}]}
    name = write(tmp_path, "page-2026-11-20.json", json.dumps(page))
    assert findings(tmp_path, example, "--from", f"facebook-no={name}", "--select", "GKR03") == [
        (
            "GKR03",
            name,
            1,
            "'10219987312045568' (Ivar Dahl) holds the ANALYZE task on facebook-no but is claimed"
            " by dina, ivar",
        )
    ]


def test_a_vault_no_account_uses_is_named_not_judged(tmp_path: Path, example: Path) -> None:
    members = [{"id": "u", "name": "Ana", "email": "ana.haugen@nordlys.example"}]
    name = write(tmp_path, "members-2026-11-20.json", json.dumps(members))
    with inside(tmp_path):
        run = reconcile("--from", f"social-acounts={name}", policies=example)
    assert run.stdout.splitlines()[0] == (
        f"{name}:1:1: error: no registered account's login is in vault 'social-acounts' [GKR08]"
        " (hint: did you mean 'social-accounts'?)"
    )


def test_an_export_dated_after_today_proves_nothing(tmp_path: Path, example: Path) -> None:
    name = write(
        tmp_path, "users-2026-12-24.csv", ENTRA + "ana.haugen@nordlys.example,Ana,,True,M\n"
    )
    assert findings(tmp_path, example, "--from", name, "--select", "GKR10") == [
        (
            "GKR10",
            name,
            1,
            "the export is dated 2026-12-24 by its file name, after today (2026-11-24)",
        )
    ]
