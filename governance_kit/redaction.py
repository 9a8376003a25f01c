"""Redaction: credentials and confidential values are replaced by a marker in every output.

`redact(text)` replaces what the secret detectors of `loading.secrets` recognise (token shapes,
private-key blocks, "password: ..." phrases, long random-looking tokens) by
`[redacted: looks like a GitHub token]` and the like, and every confidential value of the
loaded policies (`protect`) by `[redacted: confidential]`. Text the detectors still flag after
that is replaced whole. The output layer (`governance_kit.output`) calls it for every value.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from .loading import secrets as _secrets

CONFIDENTIAL = "[redacted: confidential]"
_STRIP = "\"'`()[]{}<>,;"
_KEY_LABEL = r"(?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"
_PRIVATE_KEY_BLOCK = re.compile(
    rf"-----BEGIN {_KEY_LABEL}.*?(?:-----END {_KEY_LABEL}|\Z)",
    re.DOTALL,
)
"""A private key (PEM, OpenSSH or PGP) from its first line to its last, or to the text's end."""
_WORD = re.compile(r"\S+")
_PIECES = re.compile(r"[^\s\"'`()\[\]{}<>,;|]+")
"""Where a confidential value may stand in a text: between spaces, quotes and brackets."""


def marker(kind: str) -> str:
    """`[redacted: looks like a GitHub token]` for kind 'GitHub token'."""
    article = "an" if kind[:1] in "AEIOUaeiou" else "a"
    return f"[redacted: looks like {article} {kind}]"


class _Confidential:
    """The confidential values of the policies loaded in this process, worked out on first use.

    A value without spaces (an address, a reference) is looked up word by word; a value with
    spaces (a phone number) under its longest word (the last of equally long ones: not the
    country code), so that a text is compared only with the few values sharing a word with it.
    """

    def __init__(self) -> None:
        self.sources: list[Callable[[], Iterable[str]]] = []
        self.words: set[str] = set()
        self.phrases: dict[str, set[str]] = {}

    def clear(self) -> None:
        self.__init__()  # type: ignore[misc]

    def add(self, source: Callable[[], Iterable[str]]) -> None:
        self.sources.append(source)
        redact.cache_clear()

    def settle(self) -> None:
        """Collect the values of the sources added since the last use."""
        if not self.sources:
            return
        pending, self.sources = self.sources, []
        for source in pending:
            for value in source():
                value = value.strip()
                if len(value) < 3:
                    continue
                if _PIECES.fullmatch(value):
                    self.words.add(value)
                else:
                    key = max(reversed(_PIECES.findall(value) or [value]), key=len)
                    self.phrases.setdefault(key, set()).add(value)

    def replace(self, text: str) -> str:
        self.settle()
        if self.phrases:
            found = {p for w in _PIECES.findall(text) for p in self.phrases.get(w, ())}
            for phrase in sorted(found, key=len, reverse=True):
                text = text.replace(phrase, CONFIDENTIAL)
        if self.words:
            text = _PIECES.sub(self._word, text)
        return text

    def _word(self, match: re.Match[str]) -> str:
        piece = match.group(0)
        if piece in self.words:
            return CONFIDENTIAL
        for part in re.split(r"[:=]", piece):
            if part in self.words:
                return piece.replace(part, CONFIDENTIAL)
        stripped = piece.rstrip(".!?:")
        return CONFIDENTIAL + piece[len(stripped) :] if stripped in self.words else piece


_confidential = _Confidential()


def forget() -> None:
    """Forget every confidential value: each command starts with the policies it reads."""
    _confidential.clear()
    redact.cache_clear()


def protect(values: Callable[[], Iterable[str]]) -> None:
    """Treat the values `values()` gives as confidential in every later output.

    The function is called only when something is first redacted, so a command that prints
    nothing from the policies never pays for walking the model.
    """
    _confidential.add(values)


@functools.lru_cache(maxsize=1 << 14)
def redact(text: str) -> str:
    """`text` with every credential and confidential value replaced by a marker."""
    text = _confidential.replace(text)
    if _secrets.secret_in_text(text) is None:
        return text
    text = _PRIVATE_KEY_BLOCK.sub(_hole("private key"), text)
    for kind, shape in _secrets.TOKEN_SHAPES:
        text = shape.sub(_hole(kind), text)
    text = _secrets.PASSWORD_IN_TEXT.sub(_password, text)
    text = _WORD.sub(_token, text)
    kind = _secrets.secret_in_text(text)
    if kind is not None:
        return marker(kind)
    return _HOLES.sub(lambda m: marker(_KINDS[ord(m.group(0)) - _FIRST_HOLE]), text)


_FIRST_HOLE = 0xE000
_KINDS: list[str] = []
_HOLES = re.compile("[\ue000-\ue0ff]")
"""While redacting, each secret is one private-use character (one per kind), so that a marker
is never judged again as, say, the password of a 'password: ...' phrase."""


def _hole(kind: str) -> str:
    if kind not in _KINDS:
        _KINDS.append(kind)
    return chr(_FIRST_HOLE + _KINDS.index(kind))


def _password(match: re.Match[str]) -> str:
    if _secrets.secret_in_text(match.group(0)) is None:
        return match.group(0)
    start, end = (i - match.start(0) for i in match.span(1))
    whole = match.group(0)
    return whole[:start] + _hole("password") + whole[end:]


def _token(match: re.Match[str]) -> str:
    word = match.group(0)
    core = word.strip(_STRIP)
    if not core or not _secrets.high_entropy(core):
        return word
    return word.replace(core, _hole("high-entropy token"))


def redacted(value: object) -> str:
    """Any value as redacted text; None as the empty text."""
    return "" if value is None else redact(str(value))
