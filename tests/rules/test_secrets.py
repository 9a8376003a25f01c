"""The plaintext-secret detector (`_secrets.looks_like_secret`) and GK305, which uses it.

Every token below is made up; none was ever a working credential.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from governance_kit import formats as reporters
from governance_kit.loading.secrets import looks_like_secret, secrets_in
from tests.conftest import TODAY, edit_yaml, govkit, line_of
from tests.rules.helpers import (
    brief,
    check,
    item,
    line_after,
    stopped_by_an_unknown_file,
    unwaived,
)

SLACK_TOKEN = "xoxb-2817465039-4729183650427-Qm8vT3kZ9pL2xW7nR4cY1dHf"

FOUND = [
    ("ghp_R8x2Lq9ZtV4mN7pK3wY6sB1cD5fH0jGa2eUo", "GitHub token"),
    ("github_pat_11AQZ7KXA0bQm3Lr9TzV2n_Xc8pW4yR6sD1fG5hJ0kL3mN7qP2tV9wZ4xB8cE1g", "GitHub token"),
    (SLACK_TOKEN, "Slack token"),
    ("xoxp-1234567890-0987654321-AbCdEf123456", "Slack token"),
    (
        "https://hooks.slack.com/services/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",
        "Slack webhook",
    ),
    ("AKIAZ7Q4M2XK9LP3TB5W", "AWS access key"),
    ("ASIAQ3W8E5R2T7Y1U4I6", "AWS access key"),
    ("EAAGm0PX4ZCpsBAKz9xQ7vL2nR8tY3wC5dF1hJ6kM0pS4uV9", "Meta access token"),
    ("AIzaSyD3x9Kq7LmN2pR5tV8wY1zB4cF6hJ0kM3s", "Google API key"),
    ("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJub3JkbHlzIn0.Zk3q9xY7vL2nR8tW5cB1dF4h", "JSON Web Token"),
    ("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n", "private key"),
    ("-----BEGIN RSA PRIVATE KEY-----", "private key"),
    ("q7Vx2Lm9Pz4Rt8Wk3Ny6Bc1Df5Gh0Js", "high-entropy token"),
    ("wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY", "high-entropy token"),
    (
        "Temporary access for the agency: token Zk3q9xY7vL2nR8tW5cB1dF4hP0sJ6mQ2",
        "high-entropy token",
    ),
    ("Shared login, password: Fjell#2026 (change it!)", "password"),
    ("Passord er Nordlys2026", "password"),
    ("https://social:Fjell2026x@cms.nordlys.example/admin", "password in a URL"),
]

NOT_FOUND = [
    "https://www.instagram.com/nordlysoutdoor",
    "https://www.youtube.com/channel/UCx7Vq2Lm9Pz4Rt8Wk3Ny6Bc",
    "https://www.linkedin.com/company/nordlys-outdoor-as/posts/?feedView=all",
    "@nordlys.teampro",
    "@NordlysSupport",
    "op://social-accounts/instagram-nordlysoutdoor",
    "vault://secret/social/x-support",
    "social-admin@nordlys.example",
    "social-recovery+2fa-backup@nordlys.example",
    "2026-11-24",
    "2026-11-24T08:00:00+01:00",
    "PT2H30M",
    "+47 930 12 480",
    "Athletes never get a login; they send material through the shared Team Pro folder.",
    "The password is kept in 1Password; never share it.",
    "Password: see op://social-accounts/instagram-main",
    # UUIDs and hexadecimal checksums or commit ids are ids, not secrets (a deliberate choice).
    "3f2b8c1e-9a4d-4e7b-8c2a-1b2c3d4e5f60",
    "9f66714c3e2a1b0d8e7f6a5b4c3d2e1f0a9b8c7d",
    "sha256:9f66714c3e2a1b0d8e7f6a5b4c3d2e1f0a9b8c7d",
    "nordlys-summer-campaign-2026q3-no-se-uk-de",
    "assets/logos/nordlys-primary-2024-rgb.svg",
    "NordlysOutdoorSummerCampaign2026Instagram",
    "utm_source=instagram&utm_campaign=summer2026",
    "revoke-app-tokens",
    "",
]


@pytest.mark.parametrize(("value", "kind"), FOUND)
def test_token_shapes_are_found(value: str, kind: str) -> None:
    assert looks_like_secret("notes", value) == kind


@pytest.mark.parametrize("value", NOT_FOUND)
def test_ordinary_values_are_not_secrets(value: str) -> None:
    assert looks_like_secret("notes", value) is None


@pytest.mark.parametrize(
    "key",
    [
        "password",
        "db_password",
        "passwd",
        "pwd",
        "api_key",
        "apiKey",
        "access-key",
        "client_secret",
        "private_key",
        "token",
        "secret",
    ],
)
def test_keys_named_like_secrets(key: str) -> None:
    assert looks_like_secret(key, "hunter2") == "plaintext credential"
    assert looks_like_secret(key, "op://social-accounts/instagram") is None
    assert looks_like_secret(key, "") is None
    assert looks_like_secret(key, None) is None


@pytest.mark.parametrize("key", ["last_rotated", "mfa_method", "notes", "pinned", 3])
def test_ordinary_keys(key: str | int) -> None:
    assert looks_like_secret(key, "hunter2") is None


def test_booleans_numbers_and_containers_are_not_secrets() -> None:
    assert looks_like_secret("password", True) is None
    assert looks_like_secret("password", {"a": "b"}) is None
    assert looks_like_secret("pin", 4711) == "plaintext credential"


def line_text(path: Path, text: str) -> str:
    return next(line for line in path.read_text(encoding="utf-8").splitlines() if text in line)


def plant(root: Path, value: str) -> Path:
    path = root / "accounts.yaml"
    edit_yaml(
        path, lambda data: item(data, "accounts", "tiktok-nordlysoutdoor").update(notes=value)
    )
    return path


def test_example_has_no_plaintext_secret(example: Path) -> None:
    assert unwaived(check(example, "GK305")) == []


def test_plaintext_secret_points_at_the_value_and_never_repeats_it(example: Path) -> None:
    path = plant(example, f"Bot token for the TikTok scheduler: {SLACK_TOKEN}")
    [finding] = check(example, "GK305")
    assert brief([finding]) == [
        (
            "accounts.yaml",
            line_of(path, SLACK_TOKEN),
            "GK305",
            "tiktok-nordlysoutdoor",
            "account 'tiktok-nordlysoutdoor': value of 'notes' looks like a Slack token",
        )
    ]
    assert line_of(path, SLACK_TOKEN) == line_after(path, "- id: tiktok", "notes: >-") + 1
    assert finding.column == line_text(path, SLACK_TOKEN).index(SLACK_TOKEN) + 1
    assert finding.severity == "error"
    assert SLACK_TOKEN not in (finding.hint or "")


def test_secrets_in_lists_name_the_list(example: Path) -> None:
    path = example / "brand.yaml"
    edit_yaml(path, lambda data: data["spec"]["voice"]["principles"].append("AKIAZ7Q4M2XK9LP3TB5W"))
    [finding] = check(example, "GK305")
    assert brief([finding]) == [
        (
            "brand.yaml",
            line_of(path, "AKIAZ7Q4M2XK9LP3TB5W"),
            "GK305",
            finding.target,
            "value of 'principles' looks like an AWS access key",
        )
    ]
    assert finding.target == "nordlys-brand"


@pytest.mark.parametrize("fmt", sorted(reporters.FORMATS))
def test_no_report_format_repeats_the_secret(example: Path, fmt: str) -> None:
    plant(example, f"Bot token for the TikTok scheduler: {SLACK_TOKEN}")
    run = govkit("check", example, "--today", TODAY, "--format", fmt)
    assert run.exit_code == 1
    assert "GK305" in run.stdout
    assert SLACK_TOKEN not in run.stdout
    assert SLACK_TOKEN not in run.stderr
    assert "Qm8vT3kZ9pL2xW7nR4cY1dHf" not in run.stdout


def test_secrets_in_plain_data_names_path_key_and_kind() -> None:
    data = {
        "spec": {
            "accounts": [
                {
                    "id": "a",
                    "credentials": {"password": "hunter2hunter2", "secret_ref": "op://v/a"},
                },
                {"id": "b", "notes": ["fine", SLACK_TOKEN], "pin": 4711},
            ]
        },
        "metadata": {"id": "registry"},
    }
    assert sorted(secrets_in(data), key=str) == sorted(
        [
            (
                ("spec", "accounts", 0, "credentials", "password"),
                "password",
                "plaintext credential",
            ),
            (("spec", "accounts", 1, "notes", 1), 1, "Slack token"),
            (("spec", "accounts", 1, "pin"), "pin", "plaintext credential"),
        ],
        key=str,
    )
    assert secrets_in("just text") == [] and secrets_in([{"token": "op://vault/x"}]) == []


GITHUB_TOKEN = "ghp_R8x2Lq9ZtV4mN7pK3wY6sB1cD5fH0jGa2eUo"


def replace_line(path: Path, old: str, new: str) -> int:
    """Replace the text `old` on its line with `new`; the line's number."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return line_of(path, new.splitlines()[0])


def test_secret_in_a_comment_is_reported_at_its_column(example: Path) -> None:
    path = example / "accounts.yaml"
    old = "  # company recovery phone no. 2"
    line = replace_line(path, old, f"  # company recovery phone no. 2, bot {GITHUB_TOKEN}")
    [finding] = check(example, "GK305")
    assert brief([finding]) == [
        (
            "accounts.yaml",
            line,
            "GK305",
            "nordlys-accounts",
            "comment holds what looks like a GitHub token",
        )
    ]
    assert finding.column == line_text(path, GITHUB_TOKEN).index(GITHUB_TOKEN) + 1


def test_a_hash_in_a_quoted_value_or_a_block_is_text_not_a_comment(example: Path) -> None:
    path = example / "accounts.yaml"
    old = 'phone: "+47 930 12 481"   # company recovery phone no. 2'
    quoted = replace_line(path, old, f'phone: "+47 930 12 481 #{AWS_KEY}"   # ok')
    block = line_after(path, "- id: tiktok-nordlysoutdoor", "notes: >-") + 1
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    indent = lines[block - 1][: len(lines[block - 1]) - len(lines[block - 1].lstrip())]
    lines.insert(block, f"{indent}# {GITHUB_TOKEN}\n")
    path.write_text("".join(lines), encoding="utf-8")
    assert [(f.line, f.message) for f in check(example, "GK305")] == [
        (quoted, "account 'instagram-teampro': value of 'phone' looks like an AWS access key"),
        (block + 1, "account 'tiktok-nordlysoutdoor': value of 'notes' looks like a GitHub token"),
    ]


AWS_KEY = "AKIAZ7Q4M2XK9LP3TB5W"


def test_password_where_a_reference_belongs_is_a_secret_and_a_schema_error(
    example: Path,
) -> None:
    path = example / "accounts.yaml"
    ref = replace_line(
        path,
        "secret_ref: op://social-accounts/instagram-teampro",
        "secret_ref: Fjell#2026x",
    )
    extra = (
        replace_line(
            path,
            "secret_ref: op://social-accounts/facebook-no",
            "secret_ref: op://social-accounts/facebook-no\n        password: Sommer2026",
        )
        + 1
    )
    run = govkit("check", example, "--today", TODAY)
    assert run.exit_code == 2
    rotate = (
        "(hint: rotate this password now: it is in the Git history; then store it in the "
        "secret manager and reference it, e.g. credentials.secret_ref: op://vault/item)"
    )
    found = [
        line.split("accounts.yaml:", 1)[1]
        for line in run.stdout.splitlines()
        if "accounts.yaml:" in line
    ]
    assert found == [
        "1:1: info: 27 rules did not run (GK201, GK203, GK204, GK205, GK206, GK207, GK208, "
        "GK209, GK301, GK302, GK303, GK304, GK306, GK307, GK308, GK309, GK312, GK314, GK401, "
        "GK501, GK502, GK503, GK701, GK702, GK703, GK704, GK960): accounts.yaml is not a valid "
        "AccountRegistry document [GK004] (hint: it runs once the document is valid)",
        f"{ref}:21: error: spec.accounts[1].credentials.secret_ref: is not a secret-manager "
        "reference [GK002] (hint: write where the secret lives, e.g. op://vault/item; never "
        "the secret itself)",
        f"{ref}:21: error: account 'instagram-teampro': 'secret_ref' holds a plaintext "
        f"credential, not a secret-manager reference [GK305] {rotate}",
        f"{extra}:9: error: spec.accounts[2].credentials.password: unknown field 'password' "
        "[GK002] (hint: allowed fields: secret_ref, login_email, mfa, mfa_method, last_rotated)",
        f"{extra}:19: error: account 'facebook-no': value of 'password' looks like a plaintext "
        f"credential [GK305] {rotate}",
    ]
    assert "Fjell#2026x" not in run.stdout + run.stderr
    assert "Sommer2026" not in run.stdout + run.stderr


def test_secrets_in_a_file_that_is_not_readable_yaml_are_reported(example: Path) -> None:
    path = example / "notes.yaml"
    path.write_text(
        f"apiVersion: governance-kit.dev/v1\nkind: [Waivers\n# bot {GITHUB_TOKEN}\n"
        "password: Fjell#2026x\nid: 3f2b8c1e9a4d4e7b8c2a1b2c3d4e5f60aa\n",
        encoding="utf-8",
    )
    run = govkit("check", example, "--today", TODAY)
    assert run.exit_code == 2
    found = [line.split("notes.yaml:", 1)[1] for line in run.stdout.splitlines() if "notes" in line]
    hint = (
        "(hint: remove it, rotate the credential (git history keeps it) and store it in the "
        "secret manager; refer to it as e.g. op://vault/item)"
    )
    assert found == [
        f"1:1: info: {stopped_by_an_unknown_file()}: notes.yaml is invalid and its kind "
        "cannot be told [GK004] (hint: it runs once the file is a valid document)",
        "2:7: error: invalid YAML: a '[' list is not closed [GK001] (hint: add the closing ']' "
        "or a missing comma)",
        f"3:7: error: line holds what looks like a GitHub token [GK305] {hint}",
        f"4:11: error: line holds what looks like a password [GK305] {hint}",
    ]
    assert GITHUB_TOKEN not in run.stdout and "Fjell#2026x" not in run.stdout
