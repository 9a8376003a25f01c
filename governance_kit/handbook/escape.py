"""Escaping text from YAML so that Markdown and HTML show it literally, never interpret it."""

from __future__ import annotations

import unicodedata
from urllib.parse import quote, urlsplit

MARKDOWN_PUNCTUATION = frozenset("\\`*_{}[]()#+-.!|")
"""Characters Python-Markdown (with the tables extension) accepts after a backslash."""

HTML_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}

SAFE_SCHEMES = ("http", "https", "mailto")
_URL_SAFE = ":/?#@!$&*+,;=%~-._"


def text(value: object) -> str:
    """Any value as one line of Markdown that renders exactly as written.

    Whitespace (including newlines) collapses to single spaces, control characters are
    dropped, HTML special characters become entities and Markdown punctuation is
    backslash-escaped, so `<script>`, `**bold**`, `# heading` or `[a](b)` stay plain text.
    """
    kept = "".join(c for c in str(value) if c.isspace() or unicodedata.category(c) != "Cc")
    out = []
    for char in " ".join(kept.split()):
        if char in HTML_ENTITIES:
            out.append(HTML_ENTITIES[char])
        elif char in MARKDOWN_PUNCTUATION:
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def cell(value: object) -> str:
    """A value for a Markdown table cell: escaped text, `|` included; a dash when empty."""
    if value is None or str(value).strip() == "":
        return "—"
    return text(value)


def safe_url(url: str) -> str | None:
    """The URL quoted for a Markdown link, or None unless it is http, https or mailto."""
    url = url.strip()
    if not url or any(unicodedata.category(c) == "Cc" for c in url):
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if scheme not in SAFE_SCHEMES:
        return None
    return quote(url, safe=_URL_SAFE)


def link(label: object, url: str | None) -> str:
    """A Markdown link with an escaped label; only the label, as text, for unsafe URLs."""
    target = safe_url(url) if url else None
    if target is None:
        return text(label)
    return f"[{text(label)}]({target})"
