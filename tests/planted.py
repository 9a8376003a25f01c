"""Distinct credentials of every shape the secret detectors recognise, made deterministically.

Each `Planted` is the text written into a policy file and the random pieces ("needles") that
must never appear in any output; the needles are letters and digits only, so they survive any
escaping (Markdown, HTML, XML, JSON, percent-encoding). A shape the detectors learn tomorrow is
added here, in SHAPES, and every test that plants credentials plants it too.
"""

from __future__ import annotations

import random
import re
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from governance_kit.loading.secrets import high_entropy, secret_in_text
from tests.planted_secrets import GENERATORS, only_kind, secret_part

ALNUM = string.ascii_letters + string.digits
UPPER = string.ascii_uppercase + string.digits
PIECE = 12
"""Needles are the whole random part and its first and last PIECE characters (truncation)."""
MIN_NEEDLE = 10
"""Shorter random parts could turn up in some output by chance."""


@dataclass(frozen=True)
class Planted:
    """A credential to plant: its shape, its text, the pieces that must never be printed."""

    shape: str
    text: str
    secret: str

    @property
    def needles(self) -> tuple[str, ...]:
        return (self.secret, self.secret[:PIECE], self.secret[-PIECE:])

    @property
    def file_safe(self) -> bool:
        """Whether the text can stand in a file name (no slash, no newline, no space)."""
        return not any(c in self.text for c in "/\n ")


def random_run(rng: random.Random, length: int, alphabet: str = ALNUM) -> str:
    """Random letters and digits that mix lower, upper case and digits (random-looking)."""
    while True:
        run = "".join(rng.choice(alphabet) for _ in range(length))
        kinds = [any(c.isdigit() for c in run), any(c.isupper() for c in run)]
        if alphabet != UPPER:
            kinds.append(any(c.islower() for c in run))
        if all(kinds):
            return run


def _github(rng: random.Random) -> Planted:
    core = random_run(rng, 36)
    return Planted("GitHub token", f"gh{rng.choice('pousr')}_{core}", core)


def _github_pat(rng: random.Random) -> Planted:
    core = random_run(rng, 40)
    return Planted("GitHub token", f"github_pat_{core}", core)


def _slack(rng: random.Random) -> Planted:
    core = random_run(rng, 24)
    return Planted(
        "Slack token", f"xox{rng.choice('abpors')}-{rng.randrange(10**9, 10**10)}-{core}", core
    )


def _slack_webhook(rng: random.Random) -> Planted:
    core = random_run(rng, 24)
    team, bot = random_run(rng, 8, UPPER), random_run(rng, 8, UPPER)
    return Planted("Slack webhook", f"https://hooks.slack.com/services/T{team}/B{bot}/{core}", core)


def _aws(rng: random.Random) -> Planted:
    core = random_run(rng, 16, UPPER)
    return Planted("AWS access key", f"{rng.choice(['AKIA', 'ASIA'])}{core}", core)


def _meta(rng: random.Random) -> Planted:
    core = random_run(rng, 32)
    return Planted("Meta access token", f"EAA{core}", core)


def _google(rng: random.Random) -> Planted:
    core = random_run(rng, 35)
    return Planted("Google API key", f"AIza{core}", core)


def _stripe(rng: random.Random) -> Planted:
    core = random_run(rng, 24)
    prefix = f"{rng.choice(['sk', 'rk'])}_{rng.choice(['live', 'test'])}_"
    return Planted("Stripe key", prefix + core, core)


def _jwt(rng: random.Random) -> Planted:
    core = random_run(rng, 24)
    header, payload = random_run(rng, 12), random_run(rng, 16)
    return Planted("JSON Web Token", f"eyJ{header}.eyJ{payload}.{core}", core)


def _url_password(rng: random.Random) -> Planted:
    core = random_run(rng, 18)
    return Planted("password in a URL", f"https://svc:{core}@db.example.org/x", core)


def _password(rng: random.Random) -> Planted:
    core = random_run(rng, 14)
    word = rng.choice(["password", "Password", "passord", "pwd", "PIN"])
    return Planted("password", f"{word}: {core}", core)


def _high_entropy(rng: random.Random) -> Planted:
    core = random_run(rng, 32)
    while not high_entropy(core) or secret_in_text(f"note {core}") is None:
        core = random_run(rng, 32)
    return Planted("high-entropy token", core, core)


def _private_key(rng: random.Random) -> Planted:
    core = random_run(rng, 48)
    kind = rng.choice(["", "RSA ", "EC ", "OPENSSH "])
    text = f"-----BEGIN {kind}PRIVATE KEY----- {core} -----END {kind}PRIVATE KEY-----"
    return Planted("private key", text, core)


def _random_looking(run: str) -> bool:
    """Letters and digits mixed: a credential's random part, not a word of its label."""
    return any(c.isdigit() for c in run) and any(c.isalpha() for c in run)


def _catalogued(kind: str, generate: Callable[[random.Random], str]) -> Callable:
    """A shape of GK305's own catalogue (tests/planted_secrets.py); its needle is the longest
    random-looking run of letters and digits in the credential (not `PRIVATE` of its label)."""

    def make(rng: random.Random) -> Planted:
        while True:
            token = generate(rng)
            if only_kind(token) != kind:
                continue
            runs = re.findall(r"[A-Za-z0-9]+", token[token.index(secret_part(token)) :])
            core = max(runs, key=lambda run: (_random_looking(run), len(run)))
            if len(core) >= MIN_NEEDLE:
                return Planted(kind, token, core)

    return make


SHAPES: tuple[Callable[[random.Random], Planted], ...] = (
    _github,
    _github_pat,
    _slack,
    _slack_webhook,
    _aws,
    _meta,
    _google,
    _stripe,
    _jwt,
    _url_password,
    _password,
    _high_entropy,
    _private_key,
    *(_catalogued(kind, generate) for kind, generate in GENERATORS.items()),
)


def planted(seed: int = 14) -> Iterator[Planted]:
    """An endless stream of distinct credentials, every shape in turn, each recognised by the
    detectors (checked here, so a detector that stops recognising one fails the tests)."""
    rng = random.Random(seed)
    seen: set[str] = set()
    while True:
        for shape in SHAPES:
            token = shape(rng)
            if token.secret in seen:
                continue
            seen.add(token.secret)
            assert secret_in_text(f"note {token.text}") is not None, token
            yield token


def leaks(text: str, tokens: list[Planted]) -> list[Planted]:
    """The planted credentials of which any needle appears in `text` (case ignored).

    The whole secret holds its first and last PIECE characters, so those two pieces decide.
    They are letters and digits: each is looked up among the pieces of that length of the
    text's runs of letters and digits, one pass over the text instead of one per needle."""
    folded = text.lower()
    windows: dict[int, set[str]] = {}
    found = []
    for token in tokens:
        pieces = {n.lower() for n in token.needles[1:]}
        if any(not piece.isalnum() or not piece.isascii() for piece in pieces):
            shown = any(n.lower() in folded for n in token.needles)
        else:
            shown = any(piece in _windows(folded, len(piece), windows) for piece in pieces)
        if shown:
            found.append(token)
    return found


ALNUM_RUN = re.compile(r"[a-z0-9]+")


def _windows(folded: str, size: int, cache: dict[int, set[str]]) -> set[str]:
    """Every `size` characters of the runs of ASCII letters and digits of a lower-cased text."""
    if size not in cache:
        cache[size] = {
            run[i : i + size]
            for run in ALNUM_RUN.findall(folded)
            for i in range(len(run) - size + 1)
        }
    return cache[size]
