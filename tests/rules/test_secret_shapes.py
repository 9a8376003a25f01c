"""Each shape of credential GK305 knows: one that is found, where, and a near miss that is not.

Every token is made up. The near misses are what policies really hold (a repository name, a
ticket number, a time, an SKU) or a token one character short of its documented shape.
"""

from __future__ import annotations

import random

import pytest

from governance_kit.loading.secrets import (
    ANY_SHAPE,
    PASSWORD_IN_TEXT,
    TOKEN_SHAPES,
    looks_like_secret,
    secret_in_text,
    secret_spans,
)
from tests.planted_secrets import GENERATORS, PASSWORD_KEYS, samples

SHAPES = [
    (
        "private key",
        "-----BEGIN OPENSSH PRIVATE KEY-----",
        "the key file starts with -----BEGIN PUBLIC KEY-----",
    ),
    ("private key", "-----BEGIN EC PRIVATE KEY-----", "-----BEGIN CERTIFICATE-----"),
    (
        "private key",
        "-----BEGIN ENCRYPTED PRIVATE KEY-----",
        "-----BEGIN PGP PUBLIC KEY BLOCK-----",
    ),
    ("private key", "-----BEGIN PGP PRIVATE KEY BLOCK-----", "BEGIN PRIVATE KEY (without dashes)"),
    (
        "one-time password seed",
        "otpauth://totp/Nordlys:ben?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=Nordlys",
        "otpauth://totp/Nordlys:ben?issuer=Nordlys&digits=6",
    ),
    (
        "GitHub token",
        "ghp_Q8x2Lq9ZtV4mN7pK3wY6sB1cD5fH0jGa2eUo",
        "see ghp_docs for the token format",
    ),
    (
        "GitHub token",
        "github_pat_11AQZ7KXA0bQm3Lr9TzV2n_Xc8pW4yR6sD1fG5hJ0kL3mN7qP2tV",
        "github_pat_ is how fine-grained tokens start",
    ),
    ("GitLab token", "glpat-Xq3vL9mZ2kR7tW4yB8nC", "glpat-short-one"),
    (
        "Slack token",
        "xoxb-28174650391-472918365042-Qm8vT3kZ9pL2xW7nR4cY1dHf",
        "xoxb- tokens are stored in the vault",
    ),
    (
        "Slack token",
        "xapp-1-A0B1C2D3E4F-2817465039123-8f3a9c2e7b1d4f6a",
        "xapp-1 is the app-level token prefix",
    ),
    (
        "Slack webhook",
        "https://hooks.slack.com/services/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",
        "https://hooks.slack.com/services/",
    ),
    ("AWS access key", "AKIAZ7Q4M2XK9LP3TB5W", "AKIAZ7Q4M2XK9LP3TB5"),
    ("AWS access key", "ASIAQ3W8E5R2T7Y1U4I6", "ASIA-pacific-2026"),
    (
        "AWS secret key",
        "aws_secret_access_key = wJalrXUtnFEMIK7MDENGbPxRfiCYzEXAMPLEKEYq",
        "aws_secret_access_key: op://vault/aws",
    ),
    (
        "Meta access token",
        "EAAGm0PX4ZCpsBAKz9xQ7vL2nR8tY3wC5dF1hJ6kM0pS4uV9",
        "EAA is the prefix of a Meta token",
    ),
    ("Google API key", "AIzaSyD3x9Kq7LmN2pR5tV8wY1zB4cF6hJ0kM3s", "AIzaSyD3x9Kq7LmN2p"),
    ("Stripe key", "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "sk_live_short"),
    ("Stripe key", "rk_live_51H8xY2eZvKYlo2C0aBcDeFgH", "rk_live_"),
    ("Twilio API key", "SK0123456789abcdef0123456789abcdef", "SKU-2026-0042 for the jacket"),
    (
        "SendGrid API key",
        "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",
        "SG.2026 is the budget line",
    ),
    (
        "OpenAI API key",
        "sk-proj-Xq3vL9mZ2kR7tW4yB8nC1dF5hJ0pS6uV",
        "sk-proj-2026 is the project code",
    ),
    (
        "OpenAI API key",
        "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",
        "sk-learn is a Python library",
    ),
    (
        "Anthropic API key",
        "sk-ant-api03-"
        + "Xq3vL9mZ2kR7tW4yB8nC1dF5hJ0pS6uV" * 2
        + "Xq3vL9mZ2kR7tW4yB8nC1dF5hJ0pS"
        + "AA",
        "sk-ant-api03 keys are kept in the vault",
    ),
    (
        "Azure storage key",
        "AccountName=nordlys;AccountKey="
        + "Xq3vL9mZ2kR7tW4yB8nC1dF5hJ0pS6uV" * 2
        + "Xq3vL9mZ2kR7tW4yB8nC1d==",
        "AccountName=nordlys;AccountKey=<from the vault>",
    ),
    (
        "Azure client secret",
        "Xq37Q~L9mZ2kR7tW4yB8nC1dF5hJ0pS6uV.a_b",
        "Q~ is how Azure client secrets begin",
    ),
    ("npm token", "npm_Xq3vL9mZ2kR7tW4yB8nC1dF5hJ0pS6uVa2Xe", "npm_config_registry"),
    (
        "PyPI token",
        "pypi-AgEIcHlwaS5vcmc" + "Xq3vL9mZ2kR7tW4yB8nC1dF5hJ0pS6uV" * 2,
        "pypi-AgEIcHlwaS5vcmc",
    ),
    (
        "Discord bot token",
        "MTA4NzY1NDMyMTA5ODc2NTQz.GbXq3v.L9mZ2kR7tW4yB8nC1dF5hJ0pS6uVa2X",
        "M.T.A is not a Discord token",
    ),
    (
        "Telegram bot token",
        "1234567890:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ",
        "meet at 10:30 in room 4",
    ),
    ("Shopify token", "shpat_0123456789abcdef0123456789abcdef", "shpat_0123456789"),
    ("Hugging Face token", "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", "hf_hub is a Python package"),
    ("Mailchimp API key", "0123456789abcdef0123456789abcdef-us21", "campaign-us21 for the US"),
    (
        "JSON Web Token",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJub3JkbHlzIn0.Zk3q9xY7vL2nR8tW5cB1dF4h",
        "eyJhbGciOiJIUzI1NiJ9 is a JWT header alone",
    ),
    (
        "password in a URL",
        "https://social:Fjell2026x@cms.nordlys.example/admin",
        "https://cms.nordlys.example/admin?user=social",
    ),
]


PREFIXES = {"Slack webhook": "https://", "Azure storage key": "AccountName=nordlys;"}
"""What stands before the secret in a sample: the shape starts after it."""


@pytest.mark.parametrize(("kind", "found", "near_miss"), SHAPES)
def test_a_shape_is_found_where_it_stands_and_its_near_miss_is_not(
    kind: str, found: str, near_miss: str
) -> None:
    text = f"Scheduler login: {found} (ask Ben)"
    secret = found.removeprefix(PREFIXES.get(kind, ""))
    start = text.index(secret)
    [(where, end, shape)] = secret_spans(text)
    assert (shape, where) == (kind, start)
    assert secret.startswith(text[where:end])
    assert secret_in_text(text) == kind
    assert secret_spans(near_miss) == []
    assert secret_in_text(near_miss) is None


def test_every_documented_shape_has_a_case_and_a_generator() -> None:
    assert {kind for kind, _ in TOKEN_SHAPES} == {kind for kind, _, _ in SHAPES}
    assert {kind for kind, _ in TOKEN_SHAPES} <= set(GENERATORS)


def test_samples_are_distinct_deterministic_and_of_their_shape() -> None:
    first = samples(20, seed=1)
    assert first == samples(20, seed=1)
    assert first != samples(20, seed=2)
    assert len({token for _, token in first}) == 20 * len(GENERATORS)
    for kind, token in first:
        assert [span[2] for span in secret_spans(token)] == [kind]


PASSWORD_PHRASES = [
    ("Shared login, password: Fjell#2026 (change it!)", "Fjell#2026"),
    ("pw: Nordlys26!", "Nordlys26!"),
    ("Passwort=Sommer2026", "Sommer2026"),
    ("Das Passwort ist Sommer2026", "Sommer2026"),
    ("Kennwort: Winter2026", "Winter2026"),
    ("Passord er Nordlys2026", "Nordlys2026"),
    ("lösenord: Fjall2026", "Fjall2026"),
    ("salasana: Tunturi2026", "Tunturi2026"),
    ("wachtwoord = Zomer2026", "Zomer2026"),
    ("contraseña: Verano2026", "Verano2026"),
    ("mot de passe : Ete2026!", "Ete2026!"),
    ("senha: Verao2026", "Verao2026"),
    ("hasło: Lato2026", "Lato2026"),
    ("пароль: Leto2026", "Leto2026"),
    ("管理员密码\uff1aXia2026", "Xia2026"),  # a full-width colon
    ("パスワード: Natsu2026", "Natsu2026"),
    ("비밀번호: Yeoreum2026", "Yeoreum2026"),
]

NOT_PASSWORDS = [
    "The password is kept in 1Password; never share it.",
    "Password: see op://social-accounts/instagram-main",
    "Dette passer 2026-kampanjen godt",
    "Pinned post: summer-2026 campaign",
    "pw: TBD",
    "Pin: 2026-11-24 (summer launch post)",
    "PIN = 08:30 every Monday",
    "Passwort: it-support@nordlys.example (Helpdesk)",
    "Passwort: siehe Tresor",
    "Rotate the password and any backup codes the leaver could have seen.",
]


@pytest.mark.parametrize(("text", "password"), PASSWORD_PHRASES)
def test_a_password_written_out_is_found_in_any_language(text: str, password: str) -> None:
    [match] = list(PASSWORD_IN_TEXT.finditer(text))
    assert match.group(1) == password
    at = text.index(password)
    assert secret_spans(text) == [(at, at + len(password), "password")]
    assert secret_in_text(text) == "password"


@pytest.mark.parametrize("text", NOT_PASSWORDS)
def test_sentences_about_passwords_are_not_passwords(text: str) -> None:
    assert secret_spans(text) == []
    assert secret_in_text(text) is None


MORE_PASSWORD_KEYS = ["管理员密码", "instagram-password", "PIN"]


@pytest.mark.parametrize("key", [*PASSWORD_KEYS, *MORE_PASSWORD_KEYS])
def test_password_keys_in_the_languages_of_the_policies(key: str) -> None:
    assert looks_like_secret(key, "hunter2") == "plaintext credential"
    assert looks_like_secret(key, "vault://secret/social/x") is None


@pytest.mark.parametrize("key", ["pinned", "passport", "compass", "spin", "pinterest", "bypass"])
def test_words_that_only_contain_a_password_word_are_not_password_keys(key: str) -> None:
    assert looks_like_secret(key, "hunter2") is None


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("hunter2", "plaintext credential"),
        ("Fjell#2026", "plaintext credential"),
        ("op://social/instagram-main", None),
        ("aws-sm://social/x", None),
        ("vault://secret/social/x", None),
        ("TODO", None),
        ("n/a", None),
        ("ask Ben for the vault item", None),
    ],
)
def test_a_secret_ref_that_is_not_a_reference_is_a_password(value: str, kind: str | None) -> None:
    assert looks_like_secret("secret_ref", value) == kind


def test_the_quick_look_misses_no_token_shape() -> None:
    """ANY_SHAPE passes text before the shapes are tried: whatever a shape matches, it must."""
    texts = [found for _, found, _ in SHAPES]
    for generate in GENERATORS.values():
        rng = random.Random(5)
        texts += [generate(rng) for _ in range(300)]
    for text in texts:
        for kind, shape in TOKEN_SHAPES:
            if shape.search(text):
                assert ANY_SHAPE.search(text), (kind, text)
