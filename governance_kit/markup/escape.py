"""Escaping text from YAML so that Markdown and HTML show it literally, never interpret it.

Text and cells come from the output layer (`governance_kit.output`), which also redacts.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import quote, urlsplit

from .. import output as out

SAFE_SCHEMES = ("http", "https", "mailto")
_URL_SAFE = ":/?#@!$&*+,;=%~-._"

text = out.markdown
"""Any value as one line of Markdown that renders exactly as written, redacted (output.markdown)."""

cell = out.markdown_cell
"""A value for a Markdown table cell (output.markdown_cell)."""


def safe_url(url: str) -> str | None:
    """The URL quoted for a Markdown link, or None unless it is http, https or mailto and
    holds no credential."""
    url = url.strip()
    if not url or any(unicodedata.category(c) == "Cc" for c in url) or out.text(url) != url:
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


_LOOK_ALIKES = str.maketrans(
    {"<": "\u2039", ">": "\u203a", "&": "\uff06", '"': "\u201d", "'": "\u2019"}
)
"""<, >, &, " and ' as the look-alikes single angle quotes, fullwidth ampersand, right quotes."""


def nav_title(value: object) -> str:
    """A page title for MkDocs' nav, which also becomes the page's `<title>`: the theme prints
    it unescaped in the nav and unescapes it there (`striptags`), so no escaping is safe in
    both. The five characters HTML gives meaning to become look-alikes instead (redacted, one
    line)."""
    return out.terminal(value).translate(_LOOK_ALIKES)
