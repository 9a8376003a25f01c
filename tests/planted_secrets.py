"""Made-up credentials of every shape GK305 knows, for planting in policies and drafts.

`samples(count_per_shape, seed)` gives distinct, deterministic tokens: the same arguments give
the same tokens on every machine. None of them was ever a working credential. Each sample is
checked against the detector as it is made, so that a generator that drifts from the shape it
stands for fails loudly instead of planting something the tests then miss.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable

from governance_kit.loading.secrets import PLAINTEXT, TOKEN_SHAPES, secret_spans

ALNUM = string.ascii_letters + string.digits
UPPER = string.ascii_uppercase + string.digits
HEX = "0123456789abcdef"
B64 = ALNUM + "+/"
URLSAFE = ALNUM + "_-"
BASE32 = string.ascii_uppercase + "234567"

PASSWORD_WORDS = (
    "password: ",
    "Password = ",
    "pw: ",
    "pwd=",
    "Passwort: ",
    "Kennwort=",
    "passord er ",
    "lösenord: ",
    "salasana: ",
    "wachtwoord: ",
    "contraseña: ",
    "mot de passe : ",
    "senha: ",
    "hasło: ",
    "пароль: ",
    "密码\uff1a",  # a full-width colon, as Chinese is typed
    "パスワード: ",
    "비밀번호: ",
)
"""How a password is written out in a sentence, in the languages policies are written in."""

PASSWORD_KEYS = (
    "password",
    "pass",
    "pw",
    "pwd",
    "passwd",
    "passcode",
    "pin",
    "Passwort",
    "Kennwort",
    "passord",
    "lösenord",
    "salasana",
    "wachtwoord",
    "contraseña",
    "mot_de_passe",
    "mot de passe",
    "senha",
    "hasło",
    "пароль",
    "密码",
    "パスワード",
    "비밀번호",
    "adminPassword",
    "db-password",
)
"""Keys under which any value is a password."""


def _text(rng: random.Random, alphabet: str, length: int) -> str:
    """Random text that starts and ends with a letter or digit (so word boundaries hold)."""
    ends = [c for c in alphabet if c.isalnum()]
    middle = "".join(rng.choice(alphabet) for _ in range(max(0, length - 2)))
    return rng.choice(ends) + middle + rng.choice(ends) if length >= 2 else middle


def _private_key(rng: random.Random) -> str:
    label = rng.choice(["RSA ", "EC ", "OPENSSH ", "ENCRYPTED ", "DSA ", ""])
    if rng.random() < 0.15:
        return f"-----BEGIN PGP PRIVATE KEY BLOCK-----{_text(rng, ALNUM, 10)}"
    return f"-----BEGIN {label}PRIVATE KEY-----{_text(rng, ALNUM, 12)}"


def _otpauth(rng: random.Random) -> str:
    user = _text(rng, string.ascii_lowercase, 6)
    return (
        f"otpauth://{rng.choice(['totp', 'hotp'])}/Nordlys:{user}@nordlys.example"
        f"?secret={''.join(rng.choice(BASE32) for _ in range(32))}&issuer=Nordlys"
    )


def _github(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return f"github_pat_{_text(rng, ALNUM, 22)}_{_text(rng, ALNUM, 59)}"
    return rng.choice(["ghp_", "gho_", "ghu_", "ghs_", "ghr_"]) + _text(rng, ALNUM, 36)


def _slack(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return (
            f"xapp-1-A{_text(rng, UPPER, 10)}-{rng.randrange(10**12, 10**13)}-{_text(rng, HEX, 64)}"
        )
    prefix = rng.choice(["xoxb-", "xoxp-"])
    return f"{prefix}{rng.randrange(10**10, 10**11)}-{rng.randrange(10**11, 10**12)}-" + _text(
        rng, ALNUM, 24
    )


def _telegram(rng: random.Random) -> str:
    return f"{rng.randrange(10**9, 10**10)}:AA{_text(rng, URLSAFE, 33)}"


def _password(rng: random.Random) -> str:
    word = rng.choice(PASSWORD_WORDS)
    return word + _text(rng, ALNUM, 9) + rng.choice(string.digits) + rng.choice("#!%&*")


def _openai(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"sk-proj-{_text(rng, URLSAFE, 48)}"
    return f"sk-{_text(rng, ALNUM, 20)}T3BlbkFJ{_text(rng, ALNUM, 20)}"


GENERATORS: dict[str, Callable[[random.Random], str]] = {
    "private key": _private_key,
    "one-time password seed": _otpauth,
    "GitHub token": _github,
    "GitLab token": lambda rng: "glpat-" + _text(rng, URLSAFE, 20),
    "Slack token": _slack,
    "Slack webhook": lambda rng: (
        f"https://hooks.slack.com/services/T{_text(rng, UPPER, 8)}/B{_text(rng, UPPER, 10)}/"
        + _text(rng, ALNUM, 24)
    ),
    "AWS access key": lambda rng: rng.choice(["AKIA", "ASIA"]) + _text(rng, UPPER, 16),
    "AWS secret key": lambda rng: "aws_secret_access_key=" + _text(rng, B64, 40),
    "Meta access token": lambda rng: "EAA" + rng.choice("BCGM") + _text(rng, ALNUM, 100),
    "Google API key": lambda rng: "AIza" + _text(rng, URLSAFE, 35),
    "Stripe key": lambda rng: (
        rng.choice(["sk_live_", "rk_live_", "sk_test_"]) + _text(rng, ALNUM, 24)
    ),
    "Twilio API key": lambda rng: "SK" + _text(rng, HEX, 32),
    "SendGrid API key": lambda rng: f"SG.{_text(rng, URLSAFE, 22)}.{_text(rng, URLSAFE, 43)}",
    "OpenAI API key": _openai,
    "Anthropic API key": lambda rng: f"sk-ant-api03-{_text(rng, URLSAFE, 93)}AA",
    "Azure storage key": lambda rng: (
        "DefaultEndpointsProtocol=https;AccountName=nordlys;"
        f"AccountKey={_text(rng, B64, 86)}==;EndpointSuffix=core.windows.net"
    ),
    "Azure client secret": lambda rng: (
        f"{_text(rng, ALNUM, 3)}{rng.randrange(10)}Q~{_text(rng, ALNUM + '_~.-', 34)}"
    ),
    "npm token": lambda rng: "npm_" + _text(rng, ALNUM, 36),
    "PyPI token": lambda rng: "pypi-AgEIcHlwaS5vcmc" + _text(rng, URLSAFE, 70),
    "Discord bot token": lambda rng: (
        f"{rng.choice('MNO')}{_text(rng, ALNUM, 23)}.{_text(rng, ALNUM, 6)}."
        + _text(rng, ALNUM, 27)
    ),
    "Telegram bot token": _telegram,
    "Shopify token": lambda rng: rng.choice(["shpat_", "shpss_"]) + _text(rng, HEX, 32),
    "Hugging Face token": lambda rng: (
        "hf_" + "".join(rng.choice(string.ascii_letters) for _ in range(34))
    ),
    "Mailchimp API key": lambda rng: f"{_text(rng, HEX, 32)}-us{rng.randrange(1, 22)}",
    "JSON Web Token": lambda rng: (
        f"eyJhbGciOiJIUzI1NiJ9.eyJ{_text(rng, ALNUM, 30)}.{_text(rng, URLSAFE, 43)}"
    ),
    "password in a URL": lambda rng: (
        f"https://{_text(rng, string.ascii_lowercase, 6)}:{_text(rng, ALNUM, 12)}"
        "@cms.nordlys.example/admin"
    ),
    "password": _password,
    "high-entropy token": lambda rng: _text(rng, ALNUM, 32),
}
"""One generator per kind of secret GK305 reports in text (the key-named kind aside)."""

SHAPES = tuple(GENERATORS)
MAX_TRIES = 20


def samples(count_per_shape: int, seed: int) -> list[tuple[str, str]]:
    """(kind, token) for `count_per_shape` distinct tokens of every shape, shapes in turn."""
    made: dict[str, list[str]] = {}
    seen: set[str] = set()
    for kind, generate in GENERATORS.items():
        rng = random.Random(f"{seed}:{kind}")
        tokens: list[str] = []
        tries = 0
        while len(tokens) < count_per_shape:
            token = generate(rng)
            tries += 1
            if tries > count_per_shape * MAX_TRIES:
                raise AssertionError(f"the {kind} generator rarely makes a {kind}")
            if token not in seen and only_kind(token) == kind:
                seen.add(token)
                tokens.append(token)
        made[kind] = tokens
    return [(kind, made[kind][n]) for n in range(count_per_shape) for kind in GENERATORS]


def only_kind(token: str) -> str | None:
    """The kind of the one secret `token` holds, or None if it holds none or several."""
    spans = secret_spans(token)
    return spans[0][2] if len(spans) == 1 else None


def secret_part(token: str) -> str:
    """The credential itself in a sample (a password phrase without its 'password:')."""
    spans = secret_spans(token)
    return token[spans[0][0] : spans[0][1]] if spans else token


def password_keys() -> tuple[str, ...]:
    """Keys that make any value a plaintext credential."""
    return PASSWORD_KEYS


assert set(SHAPES) >= {kind for kind, _ in TOKEN_SHAPES}, "a token shape has no generator"
assert PLAINTEXT not in SHAPES
