"""No secret of a password-manager export travels: Bitwarden's passwords, TOTP seeds, notes,
custom fields, card, identity and SSH-key fields, and the Google download's password column,
are dropped while the export is parsed, so that no output format, and nothing the reader
returns, holds them (planted values that no detector would mask, so a leak would show)."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from governance_kit.exports import read_export

from .conftest import inside, reconcile

PLANTED = [f"PLANTED{index:02d}" for index in range(16)]
"""Plain words a redactor would not mask: if one shows, the reader kept it."""


def bitwarden_export() -> dict[str, object]:
    p = iter(PLANTED)
    return {
        "encrypted": False,
        "collections": [{"id": "c1", "organizationId": "o1", "name": "social-accounts"}],
        "items": [
            {
                "id": "i1",
                "organizationId": "o1",
                "type": 1,
                "name": "old-campaign-page",
                "notes": next(p),
                "fields": [{"name": "pin", "value": next(p), "type": 1}],
                "passwordHistory": [{"lastUsedDate": "2025-01-01", "password": next(p)}],
                "login": {
                    "username": next(p),
                    "password": next(p),
                    "totp": f"otpauth://totp/x?secret={next(p)}",
                    "uris": [{"match": None, "uri": f"https://{next(p)}.example"}],
                    "fido2Credentials": [{"keyValue": next(p)}],
                },
                "card": {"number": next(p), "code": next(p)},
                "identity": {"ssn": next(p), "passportNumber": next(p)},
                "sshKey": {"privateKey": next(p)},
                "secureNote": {"type": 0, "text": next(p)},
                "collectionIds": ["c1"],
            }
        ],
    }


def test_the_reader_keeps_none_of_the_secret_fields(tmp_path: Path) -> None:
    path = tmp_path / "bitwarden.json"
    path.write_text(json.dumps(bitwarden_export()), encoding="utf-8")
    export = read_export(path)
    held = repr(export) + pickle.dumps(export).decode("latin-1")
    assert [value for value in PLANTED[:14] if value in held] == []
    assert [(item.vault, item.title) for item in export.items] == [
        ("social-accounts", "old-campaign-page")
    ]


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_no_planted_value_reaches_any_format(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "bitwarden.json").write_text(json.dumps(bitwarden_export()), encoding="utf-8")
    with inside(tmp_path):
        run = reconcile("--from", "bitwarden.json", "--format", fmt, "--fail-on", "warning")
    assert run.exit_code == 1
    assert "old-campaign-page" in run.stdout  # the item is reported (GKR07) ...
    assert [value for value in PLANTED if value in run.stdout + run.stderr] == []  # ... alone
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bitwarden.json"]


def test_the_password_column_of_a_google_download_is_never_read(tmp_path: Path) -> None:
    header = "First Name [Required],Last Name [Required],Email Address [Required],"
    header += "Password [Required],Status [READ ONLY],2sv Enrolled [READ ONLY]\n"
    row = f"Carl,Johansson,carl.johansson@nordlys.example,{PLANTED[15]},Suspended,False\n"
    (tmp_path / "google.csv").write_text(header + row, encoding="utf-8")
    export = read_export(tmp_path / "google.csv")
    assert PLANTED[15] not in repr(export) + pickle.dumps(export).decode("latin-1")
    with inside(tmp_path):
        run = reconcile("--from", "google.csv", "--format", "json", "--select", "GKR01,GKR09")
    assert PLANTED[15] not in run.stdout
    assert [f["code"] for f in json.loads(run.stdout)["findings"]] == ["GKR01", "GKR09"]


def test_a_credential_in_a_field_that_is_read_is_masked(tmp_path: Path) -> None:
    token = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"
    export = bitwarden_export()
    export["items"][0]["name"] = f"github {token}"  # type: ignore[index]
    (tmp_path / "bitwarden.json").write_text(json.dumps(export), encoding="utf-8")
    with inside(tmp_path):
        run = reconcile("--from", "bitwarden.json", "--select", "GKR07")
    assert run.stdout.splitlines()[0] == (
        "bitwarden.json:1:1: warning: item 'github [redacted: looks like a GitHub token]' of"
        " vault 'social-accounts' in the Bitwarden export belongs to no registered account"
        " [GKR07] (hint: register the account, or close it and delete the item)"
    )


def test_a_bitwarden_csv_keeps_only_the_vault_and_the_name(tmp_path: Path) -> None:
    header = "collections,type,name,notes,fields,reprompt,login_uri,login_username,"
    header += "login_password,login_totp\n"
    row = f'"social-accounts,night-desk",login,old-campaign-page,{PLANTED[0]},"pin: {PLANTED[1]}"'
    row += f",0,https://{PLANTED[2]}.example,{PLANTED[3]},{PLANTED[4]},{PLANTED[5]}\n"
    (tmp_path / "vault.csv").write_text(header + row, encoding="utf-8")
    export = read_export(tmp_path / "vault.csv")
    held = repr(export) + pickle.dumps(export).decode("latin-1")
    assert [value for value in PLANTED[:6] if value in held] == []
    assert [(item.vault, item.title, item.line) for item in export.items] == [
        ("social-accounts", "old-campaign-page", 2),
        ("night-desk", "old-campaign-page", 2),
    ]
    with inside(tmp_path):
        run = reconcile("--from", "vault.csv", "--format", "json", "--select", "GKR07")
    assert [f["message"] for f in json.loads(run.stdout)["findings"]] == [
        "item 'old-campaign-page' of vault 'social-accounts' in the Bitwarden export belongs to"
        " no registered account"
    ]
    assert [value for value in PLANTED if value in run.stdout] == []
