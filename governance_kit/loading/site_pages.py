"""Judging the company's own handbook pages (PATH/handbook/) before they are published.

MkDocs passes raw HTML in Markdown through to the site, and the theme prints some settings of
mkdocs.yml unescaped; `unsafe_markup` finds what would run in a reader's browser or pull in a
file at build time. `judge_pages` applies it to every page under handbook/ that may be
published, so `govkit check` (GK971) and `govkit docs build` refuse the same pages.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..findings import Finding
from .own_pages import HANDBOOK, own_pages

PAGES_CODE = "GK971"

MARKDOWN = {".md", ".markdown"}
RAW_HTML = {".html", ".htm", ".xhtml", ".shtml"}
SCANNED = MARKDOWN | {".svg"}

_ELEMENT = re.compile(
    r"<\s*(script|iframe|frame|frameset|object|embed|applet|base|meta)\b", re.IGNORECASE
)
_HANDLER_IN_TAG = re.compile(
    r"<[a-z](?:\"[^\"]*\"|'[^']*'|[^<>\"'])*?(?<=[\s/\"'])(on[a-z]+)\s*=", re.IGNORECASE
)
_HANDLER_IN_ATTRIBUTES = re.compile(r"\{[^{}\n]*?(?<=[\s{:])(on[a-z]+)\s*=", re.IGNORECASE)
_SCHEME = re.compile(r"(javascript|vbscript|livescript|data)\s*:", re.IGNORECASE)
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "livescript:", "data:text/html")
_SNIPPET = re.compile(r"-{1,}8<-{1,}")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")

Problem = tuple[int, str]
"""Where in a text (an offset) and what was found there."""


def unsafe_markup(text: str) -> list[Problem]:
    """Raw HTML that runs script or embeds other pages, `javascript:` links, snippet markers."""
    found: list[Problem] = []
    for match in _ELEMENT.finditer(text):
        found.append((match.start(), f"a raw <{match.group(1).lower()}> element"))
    for pattern in (_HANDLER_IN_TAG, _HANDLER_IN_ATTRIBUTES):
        for match in pattern.finditer(text):
            found.append((match.start(1), f"an event-handler attribute '{match.group(1)}='"))
    found.extend(_script_links(text))
    for match in _SNIPPET.finditer(text):
        found.append((match.start(), "a snippet include marker '--8<--'"))
    return sorted(set(found))


def _script_links(text: str) -> list[Problem]:
    """`javascript:` (and similar) links, also when written with entities, or with blanks or
    line breaks inside (browsers drop them from addresses)."""
    found = []
    offset = 0
    for line in text.split("\n"):
        plain = _INVISIBLE.sub("", html.unescape(line)).lower()
        scheme = next((s for s in SCRIPT_SCHEMES if s in plain), None)
        if scheme is not None:
            raw = _SCHEME.search(line)
            column = raw.start() if raw else len(line) - len(line.lstrip())
            found.append((offset + column, f"a '{scheme}' link"))
        offset += len(line) + 1
    lines = {position(text, offset)[0] for offset, _ in found}
    for offset, scheme in _split_schemes(text):
        if position(text, offset)[0] not in lines:
            found.append((offset, f"a '{scheme}' link"))
    return found


def _split_schemes(text: str) -> list[Problem]:
    """Schemes written across blanks and line breaks: where each starts in `text`."""
    kept = [(index, char) for index, char in enumerate(text) if not _INVISIBLE.match(char)]
    joined = "".join(char for _, char in kept).lower()
    found = []
    for scheme in SCRIPT_SCHEMES:
        start = joined.find(scheme)
        while start != -1:
            found.append((kept[start][0], scheme))
            start = joined.find(scheme, start + 1)
    return found


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset in `text`."""
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def judge_pages(root: Path) -> list[Finding]:
    """Every refusal for the content of the pages under PATH/handbook/, sorted by file and
    position. Only the files `own_pages` may publish are judged (and read once, safely);
    links out, pipes and other files that are not published are GK972's."""
    folder = root / HANDBOOK
    findings: list[Finding] = []
    for relative, content in own_pages(root).files.items():
        findings.extend(_judge_page(folder / relative, content))
    return sorted(findings, key=Finding.sort_key)


def _judge_page(path: Path, content: bytes) -> list[Finding]:
    if path.suffix.lower() in RAW_HTML:
        return [
            _refuse(
                path,
                1,
                1,
                "a raw HTML file would be published as it is, scripts included",
                "write the page in Markdown (.md) instead",
            )
        ]
    if path.suffix.lower() not in SCANNED:
        return []
    text = content.decode("utf-8", errors="replace")
    return [
        _refuse(path, *position(text, offset), f"{what} is not allowed in a handbook page", HINT)
        for offset, what in unsafe_markup(text)
    ]


HINT = (
    "write plain Markdown: no scripts, frames, embedded objects, event handlers, "
    "javascript: links or snippet includes"
)


def inside(path: Path, folder: Path) -> bool:
    """Whether `path`, its links followed, lies within `folder` (a resolved path)."""
    try:
        path.resolve().relative_to(folder)
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _refuse(path: Path, line: int, column: int, message: str, hint: str) -> Finding:
    return Finding(path, line, column, message, code=PAGES_CODE, severity="error", hint=hint)
