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

_PASSWORD_WORDS = (
    "password|passwd|passord|passwort|kennwort|passcode|passphrase|pwd|pw|pass|pin|pincode|"
    "adgangskode|l\u00f6senord|losenord|salasana|wachtwoord|contrase\u00f1a|contrasena|"
    "mot[ _-]?de[ _-]?passe|senha|has\u0142o|haslo|parola|heslo|jelsz\u00f3|\u015fifre|"
    "\u043f\u0430\u0440\u043e\u043b\u044c"
)
"""Words for a password in the languages policies are written in (Latin and Cyrillic)."""
_PASSWORD_WORDS_CJK = (
    "\u5bc6\u7801|\u5bc6\u78bc|\u30d1\u30b9\u30ef\u30fc\u30c9|\ube44\ubc00\ubc88\ud638"
)
"""The same in Chinese, Japanese and Korean, which are written without spaces."""

SECRET_KEY = re.compile(
    rf"(?:^|[_\s.-])(?:{_PASSWORD_WORDS}|secret|token|api[_-]?key|apikey|"
    r"access[_-]?key|private[_-]?key|client[_-]?secret)(?:$|[_\s.-])"
    rf"|{_PASSWORD_WORDS_CJK}",
    re.IGNORECASE,
)
"""A key named like a password, token or key (camelCase is split before matching)."""
NOT_SECRET_KEY = re.compile(r"(^|_)(ref|reference|rotated|method|hint)$", re.IGNORECASE)
REFERENCE_KEY = re.compile(r"(^|_)secret_ref$")
"""Where a secret-manager reference belongs, and so where a password is often pasted."""
_PLACEHOLDER = re.compile(r"^(?:todo|tbd|none|null|n/?a|unknown|pending|missing|-+|\?+)$", re.I)

_B64 = "A-Za-z0-9+/"
TOKEN_SHAPES: list[tuple[str, re.Pattern[str]]] = [
    (
        "private key",
        re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"),
    ),
    (
        "one-time password seed",
        re.compile(r"\botpauth://[th]otp/[^\s?#]*\?(?:[^\s#]*&)?secret=[A-Za-z2-7]{16,}"),
    ),
    ("GitHub token", re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})")),
    ("GitLab token", re.compile(r"\bgl(?:pat|ptt|dt|rt)-[A-Za-z0-9_-]{20,}(?:\.[0-9a-z]{9})?")),
    (
        "Slack token",
        re.compile(r"\b(?:xox[abposre]-[A-Za-z0-9-]{10,}|xapp-\d-[A-Za-z0-9]+-\d+-[A-Za-z0-9]+)"),
    ),
    (
        "Slack webhook",
        re.compile(
            r"hooks\.slack\.com/(?:services/T[A-Za-z0-9]+/B[A-Za-z0-9]+/[A-Za-z0-9]+"
            r"|(?:workflows|triggers)/[A-Za-z0-9+/]{43,56})"
        ),
    ),
    ("AWS access key", re.compile(r"\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b")),
    (
        "AWS secret key",
        re.compile(
            rf"(?:aws|AWS|Aws)(?i:_?secret_?(?:access_?)?key)[\"']?\s*[:=]\s*[\"']?[{_B64}]{{40}}(?![{_B64}])"
        ),
    ),
    ("Meta access token", re.compile(r"\bEAA[A-Za-z0-9]{20,}")),
    ("Google API key", re.compile(r"\bAIza[0-9A-Za-z_-]{35}")),
    ("Stripe key", re.compile(r"\b(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{16,}")),
    ("Twilio API key", re.compile(r"\bSK[0-9a-fA-F]{32}\b")),
    ("SendGrid API key", re.compile(r"\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b")),
    (
        "OpenAI API key",
        re.compile(
            r"\bsk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})"
        ),
    ),
    ("Anthropic API key", re.compile(r"\bsk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{93}AA")),
    (
        "Azure storage key",
        re.compile(rf"\b(?:AccountKey|SharedAccessKey)=[{_B64}]{{40,86}}={{0,2}}"),
    ),
    (
        "Azure client secret",
        re.compile(r"(?<![A-Za-z0-9_~.])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}"),
    ),
    ("npm token", re.compile(r"\bnpm_[A-Za-z0-9]{36}\b")),
    ("PyPI token", re.compile(r"\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}")),
    (
        "Discord bot token",
        re.compile(r"\b[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}\b"),
    ),
    ("Telegram bot token", re.compile(r"\b\d{5,16}:A[A-Za-z0-9_-]{34}\b")),
    ("Shopify token", re.compile(r"\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b")),
    ("Hugging Face token", re.compile(r"\bhf_[A-Za-z]{34}\b")),
    ("Mailchimp API key", re.compile(r"\b[a-f0-9]{32}-us\d{1,2}\b")),
    (
        "JSON Web Token",
        re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"),
    ),
    ("password in a URL", re.compile(r"\b[a-z][a-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@")),
]
"""What known credentials look like, by the shapes their issuers document (most specific
first): (description, pattern)."""

ANY_SHAPE = re.compile(
    r"-(?:----BEGIN|us\d)|otpauth:|g(?:h[pousr]_|ithub_pat_|l(?:pat|ptt|dt|rt)-)|x(?:ox|app-)"
    r"|h(?:ooks\.slack|f_)|A(?:KIA|SIA|BIA|CCA|Iza|ccountKey=|WS|ws)|aws|EAA|s(?:k[_-]|hp)|rk_"
    r"|S(?:K|G\.|haredAccessKey=)|Q~|npm_|pypi-|\.[A-Za-z0-9_-]{6}\.|:(?:A|//[^/\s:@]+:)|eyJ"
)
"""A quick look for what every token shape holds (a prefix or its telling part), so that
most text is passed after one search: each alternative starts with a plain character."""
MIN_TEXT_LENGTH = 10
"""Shorter text holds no token shape, no 'password: ...' phrase and no long token."""

PASSWORD_IN_TEXT = re.compile(
    rf"(?:\b(?:{_PASSWORD_WORDS})|{_PASSWORD_WORDS_CJK})"
    r"(?:\s+(?:is|er|ist|\u00e4r)\s+|\s*[:=\uff1a]\s*)(\S{6,})",
    re.IGNORECASE,
)
"""A password written out in a sentence ("password: ...", "Passwort=...", "passord er ...");
group 1 is the password."""

_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)", re.IGNORECASE)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
_RUN = re.compile(r"[A-Za-z0-9]+")
_HEX = re.compile(r"^(?:[0-9a-f]+|[0-9A-F]+)$")

MIN_TOKEN_LENGTH = 24
RANDOM = "high-entropy token"
"""The kind of a long random-looking string that has no known shape."""
MIN_ENTROPY = 4.0


def looks_like_secret(key: str | int | None, value: object) -> str | None:
    """The kind of secret `value` (found under `key`) looks like, or None.

    A key named like a password, token or key (in the policies' languages) with a non-empty
    value that is not a secret-manager reference (`op://...`) is a secret, and so is a
    `secret_ref` that is one word but no reference; so is any text holding one of the
    TOKEN_SHAPES, a "password: ..." phrase (PASSWORD_IN_TEXT), or a long random-looking token.
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
    if type(key) is str and _credential_under(key, text):
        return PLAINTEXT
    return secret_in_text(text)


PLAINTEXT = "plaintext credential"
"""The kind of a value written under a key named like a password (or where a reference
belongs), whatever it looks like."""


def _credential_under(key: str, text: str) -> bool:
    """A value under `key` that is a credential by where it stands."""
    if SECRET_REFERENCE.match(text):
        return False
    if _secret_key(key):
        return True
    return (
        bool(REFERENCE_KEY.search(key))
        and not any(c.isspace() for c in text)
        and not (_PLACEHOLDER.match(text))
    )


def a_kind(kind: str) -> str:
    """The kind of a secret with its article, as messages say it: 'an AWS access key'."""
    return f"{'an' if kind[0].lower() in 'aeiou' else 'a'} {kind}"


def secret_in_text(text: str) -> str | None:
    """The kind of secret found in free text, or None."""
    if len(text) < MIN_TEXT_LENGTH:
        return None
    if ANY_SHAPE.search(text):
        for kind, shape in TOKEN_SHAPES:
            if shape.search(text):
                return kind
    if _password_in(text):
        return "password"
    if len(text) < MIN_TOKEN_LENGTH:
        return None
    for token in text.split():
        if high_entropy(token.strip(_WRAPPERS)):
            return RANDOM
    return None


_WRAPPERS = "\"'`()[]{}<>,;"
_WORD = re.compile(r"\S{24,}")
"""A word long enough to be a random-looking token (MIN_TOKEN_LENGTH)."""

Span = tuple[int, int, str]
"""Where a secret stands in a text: start, end (character offsets) and its kind."""


def secret_spans(text: str) -> list[Span]:
    """Every secret in free text, in order, with where it stands; [] when `secret_in_text`
    finds none. Overlaps go to the most specific: a token shape, then a password, then a
    long random-looking token."""
    if len(text) < MIN_TEXT_LENGTH:
        return []
    found: list[Span] = []
    if ANY_SHAPE.search(text):
        for kind, shape in TOKEN_SHAPES:
            found.extend((m.start(), m.end(), kind) for m in shape.finditer(text))
    if _may_hold_password(text):
        found.extend(
            (m.start(1), m.end(1), "password")
            for m in PASSWORD_IN_TEXT.finditer(text)
            if _password_like(m.group(1))
        )
    if len(text) >= MIN_TOKEN_LENGTH:
        for match in _WORD.finditer(text):
            word = match.group()
            token = word.strip(_WRAPPERS)
            if high_entropy(token):
                start = match.start() + word.index(token)
                found.append((start, start + len(token), RANDOM))
    return _without_overlaps(found)


def _without_overlaps(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in spans:
        if all(span[1] <= other[0] or other[1] <= span[0] for other in kept):
            kept.append(span)
    return sorted(kept)


def value_spans(key: str | int | None, value: object) -> list[Span]:
    """Where the secrets in a value stand in its text (`str(value)`): the whole value when
    it is a credential by its key, else each secret in it; [] when it holds none."""
    if value is None or isinstance(value, (bool, dict, list)):
        return []
    text = str(value)
    stripped = text.strip()
    if not stripped:
        return []
    if type(key) is str and _credential_under(key, stripped):
        start = text.index(stripped)
        return [(start, start + len(stripped), PLAINTEXT)]
    return secret_spans(text)


_OWN_TEMPORARY = re.compile(r"((?:.*/)?\.[^/]+)\.[a-z0-9_]{8}\.tmp[:;,.]?")
"""The name of a temporary file govkit writes beside a policy file (tempfile's 8 characters)."""


_FILE_PATH = re.compile(r"(?:~|\.{1,2})?/[^/\s]+(?:/[^/\s]+)+/?")
"""An absolute or relative file path of two parts or more: a random part is what may be one."""


def high_entropy(token: str) -> bool:
    """A long, random-looking token that is not a URL, e-mail, reference, UUID or checksum.

    Random means: at least 24 characters, letters and digits, Shannon entropy of at least
    4 bits a character, and a run of 8 or more letters and digits that switches often between
    letters and digits or from lower to upper case (so `summer-campaign-2026q3`, `feedView`
    and hexadecimal commit ids are not secrets).
    """
    if len(token) < MIN_TOKEN_LENGTH:
        return False
    temporary = _OWN_TEMPORARY.fullmatch(token)
    if temporary:  # govkit's own temporary file: only the name it stands beside may be one
        return high_entropy(temporary.group(1))
    if _URL.match(token) or _EMAIL.match(token) or _UUID.match(token):
        return False
    if _FILE_PATH.fullmatch(token):  # a path (`/tmp/tmpy8kwd21_/policies`): judge each part
        return any(high_entropy(part) for part in token.split("/"))
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
    if type(key) is str and _judged_key(key):
        return True
    return type(value) is str and len(value) >= MIN_TEXT_LENGTH


@functools.lru_cache(maxsize=4096)
def _judged_key(key: str) -> bool:
    """A key whose values are judged whatever they look like: named like a secret, or where
    a secret reference belongs."""
    return _secret_key(key) or bool(REFERENCE_KEY.search(key))


@functools.lru_cache(maxsize=4096)
def _secret_key(key: str) -> bool:
    words = _CAMEL.sub("_", key)
    return bool(SECRET_KEY.search(words)) and not NOT_SECRET_KEY.search(words)


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _random_run(run: str) -> bool:
    """Letters and digits that look drawn at random rather than written."""
    if len(run) < 8 or _HEX.match(run):
        return False
    kinds = sum(1 for a, b in itertools.pairwise(run) if a.isdigit() != b.isdigit())
    humps = sum(1 for a, b in itertools.pairwise(run) if a.islower() and b.isupper())
    return kinds >= 3 or humps / len(run) >= 0.2


def _may_hold_password(text: str) -> bool:
    """False for text that cannot hold a "password: ..." phrase, found much faster than by
    PASSWORD_IN_TEXT: it has none of the words' separators."""
    return (
        ":" in text
        or "=" in text
        or "\uff1a" in text
        or " is " in text
        or " er " in text
        or " ist " in text
        or " \u00e4r " in text
    )


def _password_in(text: str) -> bool:
    if not _may_hold_password(text) or not PASSWORD_IN_TEXT.search(text):
        return False
    return any(_password_like(match.group(1)) for match in PASSWORD_IN_TEXT.finditer(text))


_NOT_A_PASSWORD = re.compile(r"^(?:\d{4}-\d{2}-\d{2}|\d{1,2}[:.]\d{2}\b|[^@\s]+@[^@\s]+\.\w)")
"""What follows "pin:" or "password:" in a sentence but is no password: a date, a time of
day, an e-mail address (where to ask)."""


def _password_like(word: str) -> bool:
    if SECRET_REFERENCE.match(word) or _NOT_A_PASSWORD.match(word):
        return False
    return any(c.isdigit() for c in word) or any(not c.isalnum() for c in word.rstrip(".,;"))


class _NoKeys(dict):
    """Every key already judged, and judged plain: keys are not looked at."""

    def __contains__(self, key: object) -> bool:
        return True

    def __getitem__(self, key: object) -> None:
        return None


_NO_KEYS = _NoKeys()


def _key_kind(key: str) -> str | None:
    return _text_looks_like_secret(None, key) if len(key) >= MIN_TEXT_LENGTH else None


Suspect = tuple[tuple[str | int, ...], str | int | None, str]
"""A value that looks like a secret: its path in the file, its key or index, and its kind."""


def secrets_in(data: object, keys: list[Suspect] | None = None) -> list[Suspect]:
    """Every value in a file's plain data that looks like a secret; keys that look like one
    themselves (a token written as a field name) are added to `keys` when it is given."""
    found: list[Suspect] = []
    if type(data) is not dict and type(data) is not list:
        return found
    stack: list[tuple[tuple[str | int, ...], object]] = [((), data)]
    named: dict[str, str | None] = {} if keys is not None else _NO_KEYS
    while stack:
        path, node = stack.pop()
        items = node.items() if type(node) is dict else enumerate(node)  # type: ignore[arg-type]
        nested = []
        for key, value in items:
            if key not in named:
                named[key] = _key_kind(key) if type(key) is str else None
            if named[key] is not None:
                keys.append(((*path, key), key, named[key]))  # type: ignore[union-attr]
            if type(value) is dict or type(value) is list:
                nested.append(((*path, key), value))
            elif _worth_a_look(key, value):
                kind = looks_like_secret(key, value)
                if kind is not None:
                    found.append(((*path, key), key, kind))
        stack.extend(reversed(nested))
    return found
