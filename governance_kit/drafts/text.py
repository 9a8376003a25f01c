"""Text as platforms and readers see it: characters, phrases, links, hashtags and questions.

Characters are grapheme clusters (`regex`'s `\\X`): what a reader sees as one character, so an
emoji family or a flag counts once. X weighs characters instead: CJK, Hangul, Hiragana and
Katakana characters and emoji count 2, every link 23 (its t.co length), everything else 1.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

X_LINK_WEIGHT = 23

_GRAPHEME = regex.compile(r"\X")
_EMOJI = regex.compile(r"\p{Extended_Pictographic}|\p{Regional_Indicator}")
_NO_SPACES = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]"
)
_WORD = regex.compile(r"[\p{L}\p{N}\p{M}_]")
_LINK = regex.compile(
    r"""https?://[^\s<>()\[\]{}"'\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]+""", regex.IGNORECASE
)
_HASHTAG = regex.compile(r"(?<![\p{L}\p{N}\p{M}_#&/])#[\p{L}\p{N}\p{M}_]+")
_QUESTION = ("?", "\uff1f", "\u061f")  # Latin, fullwidth, Arabic

WIDE_RANGES = (
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x2FDF),  # CJK radicals, Kangxi radicals
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3100, 0x31FF),  # Bopomofo, Hangul compatibility Jamo, Kanbun, Katakana extensions
    (0x3200, 0x4DBF),  # enclosed CJK, CJK compatibility, CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xA960, 0xA97F),  # Hangul Jamo extended A
    (0xAC00, 0xD7FF),  # Hangul syllables, Jamo extended B
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # halfwidth and fullwidth forms
    (0x1B000, 0x1B16F),  # Kana supplement and extended
    (0x20000, 0x3134F),  # CJK extensions B to G
)


@dataclass(frozen=True)
class Span:
    """A stretch of text: start and end offsets (end excluded) and what stands there."""

    start: int
    end: int
    value: str


def graphemes(text: str) -> list[str]:
    return _GRAPHEME.findall(text)


def is_wide(char: str) -> bool:
    point = ord(char)
    return any(low <= point <= high for low, high in WIDE_RANGES)


def weight(grapheme: str) -> int:
    """What one grapheme counts for on X: 2 for CJK, Hangul, kana and emoji, else 1."""
    return 2 if is_wide(grapheme[0]) or _EMOJI.search(grapheme) else 1


def links(text: str) -> list[Span]:
    """Every http(s) link, without punctuation that ends the sentence it stands in."""
    found = []
    for match in _LINK.finditer(text):
        url = match.group().rstrip(".,;:!?*_~'")
        found.append(Span(match.start(), match.start() + len(url), url))
    return found


def hashtags(text: str) -> list[Span]:
    """Every hashtag, in any script; a `#` inside a link is not one."""
    inside = links(text)
    starts = [link.start for link in inside]
    found = []
    for match in _HASHTAG.finditer(text):
        index = bisect.bisect_right(starts, match.start()) - 1
        if index < 0 or match.start() >= inside[index].end:
            found.append(Span(match.start(), match.end(), match.group()))
    return found


def has_question(text: str) -> bool:
    return any(mark in text for mark in _QUESTION)


def length(text: str, counting: str) -> int:
    return sum(amount for _, amount in measured(text, counting))


def measured(text: str, counting: str) -> Iterator[tuple[int, int]]:
    """(offset, amount) of every counted unit: a grapheme, or on X a whole link as 23."""
    spans = links(text) if counting == "weighted" else []
    offset = 0
    for span in spans:
        yield from _graphemes_from(text[offset : span.start], offset, counting)
        yield span.start, X_LINK_WEIGHT
        offset = span.end
    yield from _graphemes_from(text[offset:], offset, counting)


def _graphemes_from(text: str, base: int, counting: str) -> Iterator[tuple[int, int]]:
    offset = base
    for grapheme in _GRAPHEME.findall(text):
        yield offset, weight(grapheme) if counting == "weighted" else 1
        offset += len(grapheme)


def overflow(text: str, counting: str, limit: int) -> int | None:
    """Offset of the first unit past the limit, or None when the text fits."""
    total = 0
    for offset, amount in measured(text, counting):
        total += amount
        if total > limit:
            return offset
    return None


@lru_cache(maxsize=16)
def fold(text: str) -> tuple[str, tuple[int, ...]]:
    """Text for matching (NFC, casefolded, per grapheme) and each folded char's original offset."""
    folded: list[str] = []
    origin: list[int] = []
    offset = 0
    for grapheme in _GRAPHEME.findall(text):
        piece = unicodedata.normalize("NFC", unicodedata.normalize("NFC", grapheme).casefold())
        folded.append(piece)
        origin.extend([offset] * len(piece))
        offset += len(grapheme)
    origin.append(offset)
    return "".join(folded), tuple(origin)


def find_phrase(text: str, phrase: str) -> list[Span]:
    """Every place `phrase` stands in `text`, in any script and case.

    Both sides are NFC-normalised and casefolded. Where the phrase begins or ends with a letter
    of a script written with spaces, the text must not continue it with a letter there (a word
    boundary); Chinese, Japanese, Korean, Thai and similar scripts match as plain substrings.
    """
    haystack, origin = fold(text)
    needle, _ = fold(phrase.strip())
    if not needle:
        return []
    found = []
    start = haystack.find(needle)
    while start != -1:
        end = start + len(needle)
        if _bounded(haystack, start, end, needle):
            begin, finish = origin[start], _original_end(origin, end)
            found.append(Span(begin, finish, text[begin:finish]))
        start = haystack.find(needle, start + 1)
    return found


def _original_end(origin: tuple[int, ...], end: int) -> int:
    """Original offset just after the grapheme holding folded position end - 1."""
    last = origin[end - 1]
    for position in range(end, len(origin)):
        if origin[position] != last:
            return origin[position]
    return origin[-1]


def _bounded(haystack: str, start: int, end: int, needle: str) -> bool:
    if _needs_boundary(needle[0]) and start > 0 and _is_word(haystack[start - 1]):
        return False
    return not (_needs_boundary(needle[-1]) and end < len(haystack) and _is_word(haystack[end]))


def _needs_boundary(char: str) -> bool:
    return _is_word(char) and not _NO_SPACES.match(char)


def _is_word(char: str) -> bool:
    return bool(_WORD.match(char))
