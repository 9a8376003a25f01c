"""The output layer: every text from the policies leaves through one function per medium.

Each function first redacts (`redaction.redact`: credentials and confidential values become
markers), then escapes for where the text goes, so that it shows literally and never acts:
`terminal` (control, ANSI and bidirectional characters shown visibly), `markdown`,
`markdown_code`, `markdown_cell`, `html`, `xml`, `github_data`, `github_property`, `json` (a
whole document, every text redacted) and `text` (redacted only, for writers that escape).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from .redaction import redacted

BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
"""Bidirectional embedding, override, isolate and mark characters (Trojan Source)."""
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})

MARKDOWN_PUNCTUATION = frozenset("\\`*_{}[]()#+-.!|")
"""Characters both CommonMark and Python-Markdown (with tables) accept after a backslash."""
_BACKTICKS = re.compile(r"`+")
_CODE_UNSAFE = frozenset('<>&"')
MARKDOWN_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}


def _shown(char: str) -> str:
    if char in BIDI:
        return f"<U+{ord(char):04X}>"
    category = unicodedata.category(char)
    if category in _HIDDEN_CATEGORIES or char in "\ufffe\uffff":
        return repr(char)[1:-1] if category != "Cs" else f"<U+{ord(char):04X}>"
    return char


def visible(value: str, keep: str = "") -> str:
    """Control, bidirectional and line-separator characters written out, e.g. `\\x1b`, `\\n`,
    `<U+202E>`, so that no terminal, log viewer or parser acts on them; `keep` are left."""
    if value.isprintable() and not any(c in BIDI for c in value):
        return value
    return "".join(c if c in keep else _shown(c) for c in value)


def text(value: object) -> str:
    """Redacted text, for formats whose writer escapes (JSON, SARIF, iCalendar)."""
    return redacted(value)


def json(data: Any) -> str:
    """A JSON document (indented, ending in a newline) with every text in it redacted."""
    import json

    return json.dumps(_redact_all(data), indent=2, ensure_ascii=False) + "\n"


def _redact_all(data: Any) -> Any:
    if isinstance(data, str):
        return redacted(data)
    if isinstance(data, dict):
        return {_redact_all(key): _redact_all(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_redact_all(item) for item in data]
    return data


def terminal(value: object) -> str:
    """Redacted text on one line, every control character visible: for text reports."""
    return visible(redacted(value))


def xml(value: object) -> str:
    """Redacted text holding only characters XML 1.0 allows (others written out visibly);
    ElementTree escapes `&`, `<`, `>` and quotes."""
    return visible(redacted(value))


def html(value: object) -> str:
    """Redacted text escaped for HTML text and attribute values."""
    import html as _html  # only for the handbook and reports: not paid by a check's start

    return _html.escape(visible(redacted(value)), quote=True)


def github_data(value: object) -> str:
    """A workflow command's message: redacted, then escaped as GitHub documents
    (`%` -> `%25`, CR -> `%0D`, LF -> `%0A`)."""
    shown = visible(redacted(value), keep="\r\n")
    return shown.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(value: object) -> str:
    """A workflow command's property (file, title): as data, plus `:` -> `%3A`, `,` -> `%2C`."""
    return github_data(value).replace(":", "%3A").replace(",", "%2C")


def markdown(value: object) -> str:
    """Any value as one line of Markdown that renders exactly as written.

    Redacted; whitespace (newlines included) collapses to single spaces, control characters are
    written out, HTML special characters become entities (so `<!--`, `<script>` and
    `</details>` stay text) and Markdown punctuation is backslash-escaped (so `**bold**`,
    `# heading`, `| cell`, `` `code` `` or `[a](javascript:...)` stay text). Numbers and dates,
    which hold no markup, are written as they are.
    """
    if isinstance(value, int | float | dt.date):
        return str(value)
    out = []
    for char in visible(" ".join(redacted(value).split())):
        if char in MARKDOWN_ENTITIES:
            out.append(MARKDOWN_ENTITIES[char])
        elif char in MARKDOWN_PUNCTUATION:
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def markdown_cell(value: object) -> str:
    """A value for a Markdown table cell: escaped text, `|` included; a dash when empty."""
    if value is None or str(value).strip() == "":
        return "—"
    return markdown(value)


def markdown_code(value: object, *, cell: bool = False) -> str:
    """A Markdown code span showing the redacted `value` literally, whatever backticks it holds.

    Nothing can be escaped inside a code span, so a value holding HTML's special characters
    (`<`, `>`, `&`, `"`), or `|` in a table cell (`cell=True`), is escaped text instead.
    """
    content = visible(" ".join(redacted(value).split()))
    if _CODE_UNSAFE.intersection(content) or (cell and "|" in content):
        return markdown(content)
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(content)), default=0) + 1)
    pad = " " if content.startswith("`") or content.endswith("`") else ""
    return f"{fence}{pad}{content}{pad}{fence}"


def counted(number: int, noun: str) -> str:
    """`number` and `noun`, plural unless the number is one: '1 rule', '2 findings'."""
    return f"{number} {noun}{'' if number == 1 else 's'}"
