"""Recognising credentials written where they do not belong (reused by handbook and reports).

`looks_like_secret(key, value)` returns what kind of secret a value looks like, or None. It
never returns or logs the value itself.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections import Counter

SECRET_REFERENCE = re.compile(r"^[a-z][a-z0-9+.-]*://\S+$")

SECRET_KEY = re.compile(
    r"(^|[_-])(password|passwd|passord|pwd|pass|secret|token|api[_-]?key|apikey|"
    r"access[_-]?key|private[_-]?key|client[_-]?secret|pin)($|[_-])",
    re.IGNORECASE,
)
NOT_SECRET_KEY = re.compile(r"(^|_)(ref|reference|rotated|method|hint)$", re.IGNORECASE)

TOKEN_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("private key", re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----")),
    ("GitHub token", re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})")),
    ("Slack token", re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}")),
    (
        "Slack webhook",
        re.compile(r"hooks\.slack\.com/services/T[A-Za-z0-9]+/B[A-Za-z0-9]+/[A-Za-z0-9]+"),
    ),
    ("AWS access key", re.compile(r"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b")),
    ("Meta access token", re.compile(r"\bEAA[A-Za-z0-9]{20,}")),
    ("Google API key", re.compile(r"\bAIza[0-9A-Za-z_-]{35}")),
    ("Stripe key", re.compile(r"\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}")),
    (
        "JSON Web Token",
        re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"),
    ),
    ("password in a URL", re.compile(r"\b[a-z][a-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@")),
)

ANY_SHAPE = re.compile("|".join(f"(?:{shape.pattern})" for _, shape in TOKEN_SHAPES))
MIN_TEXT_LENGTH = 10
"""Shorter text holds no token shape, no 'password: ...' phrase and no long token."""

PASSWORD_IN_TEXT = re.compile(
    r"\b(?:password|passwd|passord|pwd|pin)\s*(?:is|er|[:=])\s*(\S{6,})", re.IGNORECASE
)

_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)", re.IGNORECASE)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
_RUN = re.compile(r"[A-Za-z0-9]+")
_HEX = re.compile(r"^(?:[0-9a-f]+|[0-9A-F]+)$")

MIN_TOKEN_LENGTH = 24
MIN_ENTROPY = 4.0


def looks_like_secret(key: str | int | None, value: object) -> str | None:
    """The kind of secret `value` (found under `key`) looks like, or None.

    A key named like a password, token or key with a non-empty value that is not a
    secret-manager reference (`op://...`) is a secret; so is any text holding a known token
    shape (GitHub, Slack, AWS, Meta, Google, Stripe, JWT, private key, password in a URL), a
    "password: ..." phrase, or a long random-looking token.
    """
    if isinstance(value, str):
        return _text_looks_like_secret(key, value)
    return _looks_like_secret(key, value)


@functools.lru_cache(maxsize=1 << 16)
def _text_looks_like_secret(key: str | int | None, value: str) -> str | None:
    """`looks_like_secret` for text, remembered: ids, levels and names repeat in a registry."""
    return _looks_like_secret(key, value)


def _looks_like_secret(key: str | int | None, value: object) -> str | None:
    if value is None or isinstance(value, (bool, dict, list)):
        return None
    text = str(value).strip()
    if not text:
        return None
    if isinstance(key, str) and _secret_key(key) and not SECRET_REFERENCE.match(text):
        return "plaintext credential"
    return secret_in_text(text)


def secret_in_text(text: str) -> str | None:
    """The kind of secret found in free text, or None."""
    if len(text) < MIN_TEXT_LENGTH:
        return None
    if ANY_SHAPE.search(text):
        for kind, shape in TOKEN_SHAPES:
            if shape.search(text):
                return kind
    match = PASSWORD_IN_TEXT.search(text)
    if match and _password_like(match.group(1)):
        return "password"
    if len(text) < MIN_TOKEN_LENGTH:
        return None
    for token in text.split():
        if high_entropy(token.strip("\"'`()[]{}<>,;")):
            return "high-entropy token"
    return None


def high_entropy(token: str) -> bool:
    """A long, random-looking token that is not a URL, e-mail, reference, UUID or checksum.

    Random means: at least 24 characters, letters and digits, Shannon entropy of at least
    4 bits a character, and a run of 8 or more letters and digits that switches often between
    letters and digits or from lower to upper case (so `summer-campaign-2026q3`, `feedView`
    and hexadecimal commit ids are not secrets).
    """
    if len(token) < MIN_TOKEN_LENGTH:
        return False
    if _URL.match(token) or _EMAIL.match(token) or _UUID.match(token):
        return False
    if not any(c.isalpha() for c in token) or not any(c.isdigit() for c in token):
        return False
    if not any(_random_run(run) for run in _RUN.findall(token)):
        return False
    return shannon_entropy(token) >= MIN_ENTROPY


def shannon_entropy(text: str) -> float:
    """Bits per character of `text`."""
    counts = Counter(text)
    total = len(text)
    return -sum(n / total * math.log2(n / total) for n in counts.values())


def _worth_a_look(key: str | int | None, value: object) -> bool:
    """False for what `looks_like_secret` would pass at once: short text, or a number, under
    a key not named like a secret (most of a registry)."""
    if type(key) is str and _secret_key(key):
        return True
    return type(value) is str and len(value) >= MIN_TEXT_LENGTH


@functools.lru_cache(maxsize=4096)
def _secret_key(key: str) -> bool:
    return bool(SECRET_KEY.search(key)) and not NOT_SECRET_KEY.search(key)


def _random_run(run: str) -> bool:
    """Letters and digits that look drawn at random rather than written."""
    if len(run) < 8 or _HEX.match(run):
        return False
    kinds = sum(1 for a, b in itertools.pairwise(run) if a.isdigit() != b.isdigit())
    humps = sum(1 for a, b in itertools.pairwise(run) if a.islower() and b.isupper())
    return kinds >= 3 or humps / len(run) >= 0.2


def _password_like(word: str) -> bool:
    if SECRET_REFERENCE.match(word):
        return False
    return any(c.isdigit() for c in word) or any(not c.isalnum() for c in word.rstrip(".,;"))


Suspect = tuple[tuple[str | int, ...], str | int | None, str]
"""A value that looks like a secret: its path in the file, its key or index, and its kind."""


def secrets_in(data: object) -> list[Suspect]:
    """Every value in a file's plain data that looks like a secret (keys are not judged)."""
    found: list[Suspect] = []
    if type(data) is not dict and type(data) is not list:
        return found
    stack: list[tuple[tuple[str | int, ...], object]] = [((), data)]
    while stack:
        path, node = stack.pop()
        items = node.items() if type(node) is dict else enumerate(node)  # type: ignore[arg-type]
        nested = []
        for key, value in items:
            if type(value) is dict or type(value) is list:
                nested.append(((*path, key), value))
            elif _worth_a_look(key, value):
                kind = looks_like_secret(key, value)
                if kind is not None:
                    found.append(((*path, key), key, kind))
        stack.extend(reversed(nested))
    return found
