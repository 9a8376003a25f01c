"""Where the credentials in a policy file stand: in its values and in its comments.

Values are judged on the plain data (`secrets.secrets_in`) and each secret is then found in
the file's text, so that it is reported at its own line and column, even on the fifth line of
a block of text. Comments never reach the plain data: lines holding a `#` are looked at as
text, and only when one seems to hold a secret is the file parsed again to tell a comment
from a `#` inside a value.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from ..model.governance import Path_, Secret
from .secrets import PLAINTEXT, RANDOM, Suspect, secret_spans, secrets_in, value_spans

_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
_QUOTES = 8
"""How far past its start a short value written whole may stand (an opening quote, a tag)."""
_NEEDLE = 40
"""Characters of a secret looked for in the text (its first line, at most this long)."""


class Locate(Protocol):
    def __call__(self, path: Path_, *, key: bool = False) -> tuple[int, int]: ...


Events = Callable[[str], Iterator[Any]]


class _Lines:
    """Line and column of offsets in a text; the lines are found only when first asked."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None

    @property
    def starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [0] + [match.end() for match in _BREAK.finditer(self.text)]
        return self._starts

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def offset(self, line: int, column: int) -> int:
        starts = self.starts
        return starts[line - 1] + column - 1 if line <= len(starts) else len(self.text)


def find_secrets(text: str, data: Any, locate: Locate, events: Events) -> list[Secret]:
    """Every secret in a file's values, keys and comments, by line and column (1-based)."""
    lines = _Lines(text)
    keys: list[Suspect] = []
    found = {secret[:2]: secret for secret in _in_values(lines, data, locate, keys)}
    for path, key, kind in keys:
        line, column = locate(path, key=True)
        found.setdefault((line, column), Secret(line, column, kind, path, key, "key"))
    for secret in _in_comments(lines, events):
        found.setdefault(secret[:2], secret)
    return sorted(found.values())


def secrets_in_lines(text: str) -> list[Secret]:
    """Every token shape or written-out password in the lines of a file that is not readable
    YAML, where it stands. Long random-looking strings are left alone there: without the
    structure, a tag's base64 or a broken key is too easily taken for one."""
    lines = _Lines(text)
    return [
        Secret(*lines.position(start + offset), kind, part="line")
        for start, end in _line_spans(text)
        for offset, _end, kind in secret_spans(text[start:end])
        if kind != RANDOM
    ]


def _line_spans(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _BREAK.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _in_values(lines: _Lines, data: Any, locate: Locate, keys: list[Suspect]) -> Iterator[Secret]:
    for path, key, kind in secrets_in(data, keys):
        value = _value_at(data, path)
        line, column = locate(path)
        where = lines.offset(line, column)
        shown = str(value)
        for start, end, found in value_spans(key, value) or [(0, len(shown), kind)]:
            near = where + len(shown) + _QUOTES if found == PLAINTEXT else len(lines.text)
            offset = _find(lines.text, shown[start:end], where, near)
            if offset is None:
                yield Secret(line, column, found, path, key, "value")
            else:
                where = offset + 1
                yield Secret(*lines.position(offset), found, path, key, "value")


def _find(text: str, secret: str, where: int, limit: int) -> int | None:
    """Where `secret` (or its first line) stands in the text of a value starting at `where`.

    A token is looked for up to `limit`, the end of the file: a block of text may be much
    longer than its value (indentation, folding), and a token is not written twice by chance.
    A value written whole under a password key is looked for only where it starts."""
    needle = secret.split("\n", 1)[0][:_NEEDLE].strip()
    if not needle:
        return None
    offset = text.find(needle, where, limit)
    return None if offset < 0 else offset


def _value_at(data: Any, path: Path_) -> Any:
    for step in path:
        data = data[step]
    return data


def _in_comments(lines: _Lines, events: Events) -> Iterator[Secret]:
    """Secrets after a `#` that starts a comment; the file is parsed again only when the
    text after a `#` somewhere looks like it holds one."""
    text = lines.text
    tails = [match.span() for match in _HASH.finditer(text)]
    if not tails or not secret_spans("\n".join(text[at:end] for at, end in tails)):
        return
    suspects = [(at, end) for at, end in tails if secret_spans(text[at:end])]
    if not suspects:
        return
    scalars = _scalar_spans(text, events)
    starts = [start for start, _ in scalars]
    for at, end in suspects:
        for offset in _comment_starts(text, at, end):
            inside = bisect.bisect_right(starts, offset) - 1
            if inside >= 0 and offset < scalars[inside][1]:
                continue
            for start, _end, kind in secret_spans(text[offset:end]):
                yield Secret(*lines.position(offset + start), kind)
            break


_HASH = re.compile(r"#(?:(?<=^#)|(?<=[ \t\r\n\x85\u2028\u2029\ufeff]#))[^\r\n\x85\u2028\u2029]*")
"""From the first `#` of a line that could start a comment (first, or after a blank) to the
end of the line."""


def _comment_starts(text: str, start: int, end: int) -> Iterator[int]:
    """Offsets of the `#` between start and end that stand first on a line or after a blank."""
    offset = text.find("#", start, end)
    while offset >= 0:
        if offset == 0 or text[offset - 1] in " \t\r\n\x85\u2028\u2029\ufeff":
            yield offset
        offset = text.find("#", offset + 1, end)


def _scalar_spans(text: str, events: Events) -> list[tuple[int, int]]:
    """(start, end) offsets of every key and value written in the file, sorted.

    A block scalar (`|` or `>`) starts on the line after its indicator, where a comment may
    stand.
    """
    spans = []
    for event in events(text):
        if type(event).__name__ != "ScalarEvent":
            continue
        start = event.start_mark.index
        if event.style in ("|", ">"):
            match = _BREAK.search(text, start)
            start = match.end() if match else len(text)
        spans.append((start, event.end_mark.index))
    return sorted(spans)
