"""`govkit validate` reports every problem of every file in one run: schema errors, unknown ids
(account owners included) in the valid files, and what looks like a secret in every file,
valid or not (GK305). `govkit check` says once when an invalid Settings or Waivers document
is replaced by the defaults."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import TODAY, govkit, line_of
from tests.rules.helpers import column_of

ROTATE = (
    "(hint: rotate this password now: it is in the Git history; then store it in the secret "
    "manager and reference it, e.g. credentials.secret_ref: op://vault/item)"
)


def replace_in(path: Path, old: str, new: str) -> int:
    """Replace the first `old` with `new`; the line number where `new` starts."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line_of(path, new.splitlines()[0])


def test_schema_and_reference_errors_of_all_files_in_one_run(example: Path) -> None:
    accounts, brand = example / "accounts.yaml", example / "brand.yaml"
    owner = replace_in(accounts, "business_owner: ben", "business_owner: bemn")
    colour = replace_in(brand, "spec:\n", "spec:\n  colour: blue\n") + 1
    run = govkit("validate", example, "--today", TODAY)
    assert run.exit_code == 2
    assert run.stdout.splitlines() == [
        f"{accounts}:{owner}:{column_of(accounts, owner, 'bemn')}: error: unknown person 'bemn' "
        "[GK003] (hint: did you mean 'ben'?)",
        f"{brand}:{colour}:3: error: spec.colour: unknown field 'colour' [GK002] (hint: did you "
        "mean 'disclosure'?)",
    ]
    assert run.stderr == f"2 problems in {example}\n"


def test_references_into_an_invalid_kind_are_not_judged(example: Path) -> None:
    """The roster is invalid: unknown people cannot be told from people in the broken file,
    but an unknown channel (Scope is valid) still is."""
    accounts, people = example / "accounts.yaml", example / "people.yaml"
    replace_in(accounts, "business_owner: ben", "business_owner: zed")
    channel = replace_in(accounts, "channel: tiktok-brand", "channel: tiktok-brnd")
    extra = replace_in(people, "spec:\n", "spec:\n  staff: []\n") + 1
    run = govkit("validate", example, "--today", TODAY)
    assert run.exit_code == 2
    lines = run.stdout.splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == [
        f"{accounts}:{channel}:{column_of(accounts, channel, 'tiktok-brnd')}",
        f"{people}:{extra}:3",
    ]
    assert "unknown channel 'tiktok-brnd' [GK003]" in lines[0]
    assert "spec.staff: unknown field 'staff' [GK002]" in lines[1]


def test_a_secret_in_a_valid_file_is_reported_per_account_and_exits_1(example: Path) -> None:
    accounts = example / "accounts.yaml"
    old = "purpose: Short how-to and behind-the-scenes videos for beginners in outdoor life."
    line = replace_in(accounts, old, "purpose: 'Shared login, password: Fjellstue-Sommer-2026'")
    run = govkit("validate", example, "--today", TODAY)
    assert run.exit_code == 1
    column = column_of(accounts, line, "Fjellstue")
    assert run.stdout.splitlines() == [
        f"{accounts}:{line}:{column}: error: account 'tiktok-nordlysoutdoor': value of 'purpose' "
        "looks like a password [GK305] (hint: remove it, rotate the credential (git history "
        "keeps it) and store it in the secret manager; refer to it as e.g. op://vault/item)"
    ]
    assert "Fjellstue-Sommer-2026" not in run.stdout + run.stderr


def test_a_password_in_credentials_is_a_leaked_secret_and_an_unknown_field(example: Path) -> None:
    """The issue's case: the GK002 line says why the document is invalid, the GK305 line that
    the password leaked and must be rotated; both stand at the password."""
    accounts = example / "accounts.yaml"
    line = replace_in(
        accounts,
        "secret_ref: op://social-accounts/tiktok-nordlysoutdoor",
        "password: Fjellstue-Sommer-2026",
    )
    run = govkit("validate", example, "--today", TODAY)
    assert run.exit_code == 2
    assert run.stdout.splitlines() == [
        f"{accounts}:{line}:9: error: spec.accounts[7].credentials.password: unknown field "
        "'password' [GK002] (hint: allowed fields: secret_ref, login_email, mfa, mfa_method, "
        "last_rotated)",
        f"{accounts}:{line}:19: error: account 'tiktok-nordlysoutdoor': value of 'password' "
        f"looks like a plaintext credential [GK305] {ROTATE}",
    ]
    assert "Fjellstue-Sommer-2026" not in run.stdout + run.stderr


def test_a_secret_in_unreadable_yaml_is_reported_by_validate(example: Path) -> None:
    notes = example / "notes.yaml"
    notes.write_text("kind: AccountRegistry\nspec: [\npassword: Fjell#2026x\n", encoding="utf-8")
    run = govkit("validate", example, "--today", TODAY)
    assert run.exit_code == 2
    lines = [line.split("notes.yaml:", 1)[1] for line in run.stdout.splitlines()]
    assert lines[-1] == (
        "3:11: error: line holds what looks like a password [GK305] (hint: remove it, rotate the "
        "credential (git history keeps it) and store it in the secret manager; refer to it as "
        "e.g. op://vault/item)"
    )
    assert lines[0].startswith("2:7: error: invalid YAML")


def test_a_waiver_of_gk305_for_one_account_waives_it_in_validate_and_check(
    example: Path,
) -> None:
    accounts = example / "accounts.yaml"
    old = "purpose: Short how-to and behind-the-scenes videos for beginners in outdoor life."
    replace_in(accounts, old, "purpose: 'Shared login, password: Fjellstue-Sommer-2026'")
    waiver = (
        "    - id: w-secret\n      rule: GK305\n      target: tiktok-nordlysoutdoor\n"
        "      justification: Rotated on 2026-11-20; the old password no longer works.\n"
        "      approved_by: hanna\n      approved_on: 2026-11-20\n      expires: 2026-12-31\n"
    )
    replace_in(example / "waivers.yaml", "  waivers:\n", "  waivers:\n" + waiver)
    run = govkit("validate", example, "--today", TODAY)
    assert (run.exit_code, run.stdout) == (0, "")
    check = govkit("check", example, "--today", TODAY, "--select", "GK305")
    assert check.exit_code == 0
    assert "(waived by w-secret)" in check.stdout
    assert govkit("validate", example, "--today", "2027-01-01").exit_code == 1


def test_an_invalid_waivers_document_is_said_once_and_its_waivers_do_not_apply(
    example: Path,
) -> None:
    waivers = example / "waivers.yaml"
    extra = replace_in(waivers, "spec:\n", "spec:\n  notes: none\n") + 1
    run = govkit("check", example, "--today", TODAY)
    assert run.exit_code == 2
    assert [line for line in run.stdout.splitlines() if line.startswith(str(waivers))] == [
        f"{waivers}:1:1: info: 2 rules did not run (GK901, GK902): waivers.yaml is not a valid "
        "Waivers document [GK004] (hint: it runs once the document is valid)",
        f"{waivers}:1:1: info: waivers.yaml is not a valid Waivers document: its waivers do not "
        "apply [GK004] (hint: fix the document; the findings above say how)",
        f"{waivers}:{extra}:3: error: spec.notes: unknown field 'notes' [GK002] (hint: allowed "
        "fields: waivers)",
    ]
    single_admin = [line for line in run.stdout.splitlines() if "[GK206]" in line]
    assert len(single_admin) == 1 and "waived" not in single_admin[0]


def test_an_account_id_that_looks_like_a_secret_is_never_the_target(example: Path) -> None:
    """GK305 names the account a secret stands in, unless the id itself looks like one."""
    token = "xoxb-2817465039-4729183650427-Qm8vT3kZ9pL2xW7nR4cY1dHf"
    accounts = example / "accounts.yaml"
    replace_in(accounts, "- id: tiktok-nordlysoutdoor", f"- id: {token}")
    replace_in(
        accounts,
        "secret_ref: op://social-accounts/tiktok-nordlysoutdoor",
        "password: Fjellstue-Sommer-2026",
    )
    run = govkit("check", example, "--today", TODAY, "--format", "json")
    assert token not in run.stdout and "Fjellstue-Sommer-2026" not in run.stdout
    found = [f for f in json.loads(run.stdout)["findings"] if f["code"] == "GK305"]
    assert [(f["target"], f["message"]) for f in found] == [
        (None, "value of 'id' looks like a Slack token"),
        (None, "value of 'password' looks like a plaintext credential"),
    ]
