"""Malformed exports are untrusted input: one line `file:line:column: error: message (hint:
...)` and exit code 2, never a traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from governance_kit.exports import source

from .conftest import inside, reconcile

ENTRA = "userPrincipalName,displayName,mail,accountEnabled,userType\n"
ANA = "ana.haugen@nordlys.example,Ana Berg Haugen,ana.haugen@nordlys.example,True,Member\n"


def unreadable(tmp_path: Path, name: str, content: bytes, *args: str) -> str:
    """The one line on standard error for the export `[SUBJECT=]FILE` holding `content`."""
    (tmp_path / name.rpartition("=")[2]).write_bytes(content)
    with inside(tmp_path):
        run = reconcile("--from", name, *args)
    assert run.exit_code == 2
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1
    return run.stderr.rstrip("\n")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"name,email\nAna,ana@x.example\n",
            "users.csv:1:1: error: cannot tell which export this is (hint: name it with --kind: "
            "entra-users, google-users, 1password-items, 1password-vault-users, bitwarden, "
            "bitwarden-csv, "
            "meta-assigned-users, meta-business-users, linkedin-acls, platform-admins, hr-csv)",
        ),
        (
            (ENTRA + ANA + ANA.upper()).encode(),
            "users.csv:3:1: error: user 'ANA.HAUGEN@NORDLYS.EXAMPLE' appears twice (first on line"
            " 2) (hint: export again, or remove the duplicated row)",
        ),
        (
            (ENTRA + '=cmd|\' /C calc\'!A0,Ana,ana@x.example,True,Member\n').encode(),
            "users.csv:2:1: error: cell 'userPrincipalName' holds a spreadsheet formula (hint:"
            " remove the formula from the export)",
        ),
        (
            (ENTRA + "ana@x.example,@SUM(A1),ana@x.example,True,Member\n").encode(),
            "users.csv:2:2: error: cell 'displayName' holds a spreadsheet formula (hint: remove"
            " the formula from the export)",
        ),
        (
            (ENTRA + "ana@x.example,Ana,ana@x.example,Maybe,Member\n").encode(),
            "users.csv:2:4: error: 'accountEnabled' is 'Maybe', not True or False (hint: give the"
            " export as downloaded)",
        ),
        (
            (ENTRA + "ana@x.example,Ana,ana@x.example,True,Member,extra\n").encode(),
            "users.csv:2:6: error: 6 cells but 5 columns (hint: quote cells that hold a comma)",
        ),
        (
            ENTRA.encode() + b"ana@x.example,Ana \xe5 Berg,a@x.example,True,Member\n",
            "users.csv:2:19: error: not UTF-8 text (hint: save the export as UTF-8 (or UTF-16))",
        ),
        (
            b"\xff\xfe" + "userPrincipalName\n".encode("utf-16-le")[:-1],
            "users.csv:1:1: error: invalid UTF-16 (hint: save the export as UTF-8)",
        ),
        (
            b"",
            "users.csv:1:1: error: cannot tell which export this is (hint: name it with --kind: "
            "entra-users, google-users, 1password-items, 1password-vault-users, bitwarden, "
            "bitwarden-csv, "
            "meta-assigned-users, meta-business-users, linkedin-acls, platform-admins, hr-csv)",
        ),
    ],
    ids=[
        "wrong-columns", "duplicated-row", "formula", "formula-at", "not-boolean",
        "too-many-cells", "latin-1", "broken-utf-16", "empty",
    ],
)  # fmt: skip
def test_a_malformed_csv_is_one_line(tmp_path: Path, content: bytes, expected: str) -> None:
    assert unreadable(tmp_path, "users.csv", content) == expected


def test_the_columns_a_kind_needs_are_named(tmp_path: Path) -> None:
    content = b"userPrincipalName,displayName,mail\nana@x.example,Ana,\n"
    assert unreadable(tmp_path, "users.csv", content, "--kind", "entra-users") == (
        "users.csv:1:1: error: column 'accountEnabled' is missing (hint: the header has"
        " 'userPrincipalName', 'displayName', 'mail'; give --kind for another export)"
    )


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-8", b"\xef\xbb\xbf")],
)
def test_utf_16_and_a_byte_order_mark_are_read(tmp_path: Path, encoding: str, bom: bytes) -> None:
    rows = ENTRA + ANA.replace("True", "False")
    (tmp_path / "users.csv").write_bytes(bom + rows.encode(encoding))
    with inside(tmp_path):
        run = reconcile("--from", "users.csv", "--select", "GKR01")
    assert run.exit_code == 1
    assert run.stdout.splitlines()[0].startswith(
        "users.csv:2:1: error: 'ana.haugen@nordlys.example' is disabled in Microsoft Entra ID"
    )


def test_a_50_mb_export_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    with (tmp_path / "users.csv").open("wb") as handle:
        handle.write(ENTRA.encode())
        handle.truncate(50 * 1024 * 1024)
    with inside(tmp_path):
        run = reconcile("--from", "users.csv")
    assert run.exit_code == 2
    assert run.stderr == (
        "users.csv:1:1: error: the export is larger than 32 MiB (hint: export only the users or"
        " accounts of the social-media team)\n"
    )


@pytest.mark.parametrize(
    ("name", "content", "args", "expected"),
    [
        (
            "linkedin-nordlys=acls.json",
            b'{"elements": [\n  {"roleAssignee": "urn:li:person:x", "role": "ADMINISTRATOR",\n',
            ["--kind", "linkedin-acls"],
            "acls.json:3:1: error: invalid JSON: Expecting property name enclosed in double quotes"
            " (hint: give the export as it was written)",
        ),
        (
            "acls.json",
            b'{"elements": [{"roleAssignee": "urn:li:person:x", "role": "ADMINISTRATOR"}]}',
            [],
            "acls.json:1:1: error: the export does not name its account (hint: give it as --from"
            " ACCOUNT=FILE, e.g. --from linkedin-nordlys=acls.json)",
        ),
        (
            "facebook-no=page.json",
            b'{"data": [\n {"id": "1", "name": "A", "tasks": ["OWN"]}]}',
            ["--kind", "meta-assigned-users"],
            "page.json:2:1: error: tasks of user '1' are not Page tasks (hint: tasks are MANAGE,"
            " CREATE_CONTENT, MODERATE, MESSAGING, ADVERTISE, ANALYZE)",
        ),
        (
            "facebook-no=page.json",
            b'{"data": [\n {"id": "1", "name": "A", "tasks": ["MANAGE"]},\n'
            b' {"id": "1", "name": "A", "tasks": ["ANALYZE"]}]}',
            [],
            "page.json:3:1: error: user '1' appears twice (first on line 2) (hint: export again,"
            " or remove the duplicated row)",
        ),
        (
            "items.json",
            b'[{"id": "a", "title": "x", "vault": "social"}]',
            [],
            "items.json:1:1: error: field 'vault' is missing or not an object (hint: give the"
            " output of op item list --format json)",
        ),
        (
            "vault.json",
            b'{"encrypted": true, "encKeyValidation_DO_NOT_EDIT": "2.x", "items": []}',
            [],
            "vault.json:1:1: error: the export is encrypted (hint: export the vault as"
            " unencrypted .json and delete the file once reconciled)",
        ),
        (
            "deep.json",
            b"[" * 100_000,
            ["--kind", "1password-items"],
            "deep.json:1:1: error: invalid JSON: nested too deeply (hint: give the export as it"
            " was written)",
        ),
        (
            "items.json",
            b"[" + b"9" * 5000 + b"]",
            [],
            "items.json:1:1: error: invalid JSON: a number too long (hint: give the export as it"
            " was written)",
        ),
    ],
    ids=[
        "truncated",
        "unnamed-account",
        "unknown-task",
        "duplicated-user",
        "vault-not-object",
        "encrypted",
        "deep",
        "long-number",
    ],
)
def test_a_malformed_json_export_is_one_line(
    tmp_path: Path, name: str, content: bytes, args: list[str], expected: str
) -> None:
    assert unreadable(tmp_path, name, content, *args) == expected


def test_a_pipe_is_judged_not_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "users.csv")
    with inside(tmp_path):
        run = reconcile("--from", "users.csv")
    assert (run.exit_code, run.stderr) == (
        2,
        "users.csv:1:1: error: cannot read the export: not a regular file (hint: give the"
        " exported file)\n",
    )


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    with inside(tmp_path):
        run = reconcile("--from", "nowhere.csv")
    assert run.stderr == (
        "nowhere.csv:1:1: error: cannot read the export: no such file (hint: give the exported"
        " file)\n"
    )


def test_the_size_cap_is_the_one_the_message_names() -> None:
    assert source.MAX_BYTES == 32 * 1024 * 1024


def test_control_characters_of_an_export_are_shown_not_obeyed(tmp_path: Path) -> None:
    items = [{"id": "a", "title": "x\x1b[2J\u202eevil", "vault": {"name": "social-accounts"}}]
    (tmp_path / "items.json").write_text(json.dumps(items), encoding="utf-8")
    with inside(tmp_path):
        run = reconcile("--from", "items.json", "--select", "GKR07")
    line = run.stdout.splitlines()[0]
    assert "\x1b" not in line and "\u202e" not in line
    assert line.startswith("items.json:1:1: warning: item 'x\\x1b[2J<U+202E>evil' of vault")
