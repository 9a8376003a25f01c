"""`govkit handover` moves the recovery phone, keeps a backup owner who is not the business owner
(asking for one at a terminal), warns about accounts left with a single admin, and with a last
day ahead keeps the leaver's access until then, which `govkit check` enforces (GK301 once they
have gone, GK314 for an `until`)."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML

from tests.conftest import TODAY, govkit, line_of
from tests.rules.helpers import line_after
from tests.workflow.test_editing import _snapshot


def accounts(root: Path) -> dict[str, dict]:
    data = YAML(typ="safe").load(root / "accounts.yaml")
    return {account["id"]: account for account in data["spec"]["accounts"]}


def handover(root: Path, *args: str) -> tuple[int, str, str]:
    run = govkit("handover", *args[:1], root, *args[1:], "--today", TODAY, "--bump", "none")
    return run.exit_code, run.stdout, run.stderr


def test_the_successor_becomes_the_recovery_phone_holder(example: Path) -> None:
    path = example / "accounts.yaml"
    line = line_after(path, "- id: instagram-teampro", "holder: carl")
    code, out, err = handover(example, "carl", "--to", "dina")
    assert code == 0, err
    assert path.read_text("utf-8").splitlines()[line - 1] == "        holder: dina"
    held = {i: (a.get("recovery") or {}).get("holder") for i, a in accounts(example).items()}
    assert "carl" not in held.values()
    assert [held[i] for i in ("instagram-teampro", "linkedin-nordlys", "turprat-staff")] == [
        "dina", "dina", "dina",
    ]  # fmt: skip
    assert "linkedin-nordlys (backup owner, admin access, recovery phone holder) -> dina" in out


def test_a_backup_owner_equal_to_the_business_owner_is_refused(example: Path) -> None:
    before = _snapshot(example)
    assert handover(example, "ana", "--to", "ben") == (
        2,
        "",
        "govkit: error: account 'youtube-nordlys': the backup owner would be the business "
        "owner 'ben'; name another backup owner with --backup\n",
    )
    assert _snapshot(example) == before


def test_backup_names_the_new_backup_owner(example: Path) -> None:
    code, _, err = handover(example, "ana", "--to", "ben", "--backup", "carl")
    assert code == 0, err
    registry = accounts(example)
    youtube = registry["youtube-nordlys"]
    assert (youtube["business_owner"], youtube["backup_owner"]) == ("ben", "carl")
    assert [
        i for i, a in registry.items() if a.get("business_owner") == a.get("backup_owner")
    ] == []


def test_backup_must_be_someone_else_who_is_active(example: Path) -> None:
    assert handover(example, "ana", "--to", "ben", "--backup", "ana")[2] == (
        "govkit: error: the backup owner must be someone other than the leaving person\n"
    )
    assert handover(example, "ana", "--to", "ben", "--backup", "lars")[2] == (
        "govkit: error: backup owner 'lars' is not active (status left)\n"
    )


def test_another_admin_becomes_backup_owner_when_the_plan_names_none(example: Path) -> None:
    path = example / "accounts.yaml"
    text = path.read_text("utf-8")
    carl_editor = "{person: carl, level: editor, granted: 2020-01-20}"
    line = line_after(path, "- id: x-nordlyssupport", carl_editor)
    lines = text.splitlines()
    lines[line - 1] = lines[line - 1].replace("level: editor", "level: admin")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = handover(example, "erik", "--to", "ana")
    assert code == 0, err
    support = accounts(example)["x-nordlyssupport"]
    assert (support["business_owner"], support["backup_owner"]) == ("ana", "carl")


def test_an_account_left_with_a_single_admin_is_warned_about(example: Path) -> None:
    code, _, err = handover(example, "carl", "--to", "dina")
    assert code == 0, err
    assert [line for line in err.splitlines() if "warning" in line] == [
        "govkit: warning: account 'engage-social-hub' will have a single admin, 'dina', once "
        "'carl' has gone (hint: give a second person admin access)"
    ]


def test_every_account_left_with_a_single_admin_is_warned_about(example: Path) -> None:
    code, _, err = handover(example, "ana", "--to", "ben", "--backup", "carl")
    assert code == 0, err
    warned = [line.split("'")[1] for line in err.splitlines() if "warning" in line]
    assert warned == ["tiktok-nordlysoutdoor", "youtube-nordlys", "engage-social-hub"]


def test_last_day_ahead_keeps_the_access_until_then(example: Path) -> None:
    path = example / "accounts.yaml"
    code, _, err = handover(example, "carl", "--to", "dina", "--last-day", "2026-12-15")
    assert code == 0, err
    line = line_after(path, "- id: instagram-teampro", "{person: carl, level: admin")
    lines = path.read_text("utf-8").splitlines()
    assert lines[line - 1 : line + 1] == [
        "        - {person: carl, level: admin, granted: 2021-04-20, until: 2026-12-15}",
        "        - {person: dina, level: admin, granted: 2026-11-24}",
    ]
    assert line_of(example / "people.yaml", "end_date: 2026-12-15") > 0
    registry = accounts(example)
    kept = [i for i, a in registry.items() for e in a["access"] if e["person"] == "carl"]
    assert all(
        e.get("until") is not None
        for a in registry.values()
        for e in a["access"]
        if e["person"] == "carl"
    )
    before = govkit("check", example, "--today", "2026-12-15", "--select", "GK301,GK314")
    assert before.exit_code == 0, before.stdout
    after = govkit("check", example, "--today", "2026-12-16", "--select", "GK301,GK314",
                   "--format", "json")  # fmt: skip
    found = json.loads(after.stdout)["findings"]
    assert [(f["code"], f["target"]) for f in found] == [("GK301", i) for i in kept]


def test_last_day_today_removes_the_access_at_once(example: Path) -> None:
    code, _, err = handover(example, "carl", "--to", "dina", "--last-day", TODAY)
    assert code == 0, err
    registry = accounts(example)
    assert [i for i, a in registry.items() for e in a["access"] if e["person"] == "carl"] == []


def run_at_terminal(root: Path, answer: str, *args: str) -> tuple[int, str]:
    """Run govkit in a real process whose standard input and error are a terminal (a pty),
    answer its question, and return the exit code and what the terminal showed."""
    primary, secondary = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "governance_kit", "handover", *args[:1], str(root), *args[1:]],
        stdin=secondary,
        stdout=subprocess.DEVNULL,
        stderr=secondary,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    os.close(secondary)
    shown = b""
    answered = False
    while True:
        ready, _, _ = select.select([primary], [], [], 60)
        if not ready:
            process.kill()
            raise AssertionError(f"no output in 60 s: {shown!r}")
        try:
            chunk = os.read(primary, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
        if not answered and b"(person id)?" in shown:
            os.write(primary, answer.encode() + b"\n")
            answered = True
    os.close(primary)
    return process.wait(timeout=60), shown.decode().replace("\r\n", "\n")


def test_at_a_terminal_the_backup_owner_is_asked_for(example: Path) -> None:
    code, shown = run_at_terminal(
        example, "carl", "ana", "--to", "ben", "--today", TODAY, "--bump", "none"
    )
    assert code == 0, shown
    assert shown.startswith(
        "account 'youtube-nordlys': its business owner will be 'ben'; who becomes backup owner "
        "(person id)?: carl\n"
    )
    youtube = accounts(example)["youtube-nordlys"]
    assert (youtube["business_owner"], youtube["backup_owner"]) == ("ben", "carl")
