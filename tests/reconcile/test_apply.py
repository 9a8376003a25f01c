"""`govkit reconcile --apply` writes the obvious fixes through the review editor: comments and
layout kept, versions bumped with a changelog line, waived findings left alone, nothing written
when nothing or something invalid would change."""

from __future__ import annotations

import difflib
import fcntl
import os
from pathlib import Path

from tests.conftest import EXAMPLE, edit_yaml

from .conftest import EXPORTS, inside, reconcile

FROM = [
    "--from",
    "entra-users-2026-11-20.csv",
    "--from",
    "linkedin-nordlys=linkedin-organization-acls-2026-11-20.json",
]


def changes(name: str, policies: Path) -> list[str]:
    """The lines removed and added in a policy file, against the example."""
    before = (EXAMPLE / name).read_text(encoding="utf-8").splitlines()
    after = (policies / name).read_text(encoding="utf-8").splitlines()
    diff = difflib.unified_diff(before, after, lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("---", "+++")]


def test_apply_marks_the_disabled_as_left_and_removes_stale_access(example: Path) -> None:
    with inside(EXPORTS):
        run = reconcile(*FROM, "--apply", policies=example)
    assert run.stderr.splitlines() == [
        "govkit: fixed: marked kari as left on 2026-11-20 (GKR01, entra-users-2026-11-20.csv)",
        "govkit: fixed: removed marit from the access list of linkedin-nordlys (GKR04,"
        " linkedin-organization-acls-2026-11-20.json)",
        f"govkit: wrote {(example / 'accounts.yaml').resolve()}",
        f"govkit: wrote {(example / 'people.yaml').resolve()}",
    ]
    assert changes("people.yaml", example) == [
        "-  version: 3.2.0",
        "+  version: 3.2.1",
        "-  effective_date: 2026-10-01",
        "+  effective_date: 2026-11-24",
        "-    Added the night-desk agency contractor, recorded the departure of Lars Moen and"
        " tightened",
        "-    the engagement guidelines on customer data in public replies.",
        "+    Reconciled with exports: marked kari as left on 2026-11-20 (GKR01,"
        " entra-users-2026-11-20.csv).",
        "+    - version: 3.2.0",
        "+      date: 2026-10-01",
        "+      summary: >-",
        "+        Added the night-desk agency contractor, recorded the departure of Lars Moen and"
        " tightened",
        "+        the engagement guidelines on customer data in public replies.",
        "-      status: active",
        "+      status: left",
        "+      end_date: 2026-11-20  # disabled in Microsoft Entra ID per"
        " entra-users-2026-11-20.csv",
    ]
    assert changes("accounts.yaml", example) == [
        "-  version: 4.3.0",
        "+  version: 4.3.1",
        "-  effective_date: 2026-11-16",
        "+  effective_date: 2026-11-24",
        "-    Rotated the @NordlysSupport credentials after the October access review and moved it"
        " to",
        "-    hardware keys; recorded the October access reviews.",
        "+    Reconciled with exports: removed marit from the access list of linkedin-nordlys"
        " (GKR04, linkedin-organization-acls-2026-11-20.json).",
        "+    - version: 4.3.0",
        "+      date: 2026-11-16",
        "+      summary: >-",
        "+        Rotated the @NordlysSupport credentials after the October access review and moved"
        " it to",
        "+        hardware keys; recorded the October access reviews.",
        "-        - {person: marit, level: moderator, granted: 2025-04-14}",
    ]
    codes = [line.rsplit("[", 1)[1][:5] for line in run.stdout.splitlines() if "[GKR" in line]
    assert codes == ["GKR02"]  # what remains: marit is unknown to Entra ID (not obvious)
    assert run.exit_code == 1


def test_a_waived_finding_is_not_fixed(example: Path) -> None:
    waiver = {
        "id": "w-linkedin-moderators",
        "rule": "GKR04",
        "target": "linkedin-nordlys",
        "justification": "LinkedIn has no moderator role; moderators act through Sprout.",
        "approved_by": "hanna",
        "approved_on": "2026-11-01",
        "expires": "2027-06-30",
    }
    edit_yaml(example / "waivers.yaml", lambda d: d["spec"]["waivers"].append(waiver))
    with inside(EXPORTS):
        run = reconcile(*FROM[2:], "--apply", policies=example)
    assert run.stderr == ""
    assert changes("accounts.yaml", example) == []


def test_nothing_to_fix_writes_nothing(example: Path) -> None:
    before = {p.name: p.stat().st_mtime_ns for p in example.iterdir()}
    with inside(EXPORTS):
        run = reconcile("--from", "op-items-2026-11-20.json", "--apply", policies=example)
    assert run.stderr == ""
    assert {p.name: p.stat().st_mtime_ns for p in example.iterdir()} == before


def test_another_writer_stops_every_fix(example: Path) -> None:
    lock = example / ".govkit.lock"
    handle = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    try:
        with inside(EXPORTS):
            run = reconcile(*FROM, "--apply", policies=example)
    finally:
        os.close(handle)
    assert run.exit_code == 2
    assert run.stderr == (
        f"govkit: error: {lock}: another govkit command is changing these files; try again when"
        " it is done\n"
    )
    assert changes("accounts.yaml", example) == changes("people.yaml", example) == []
