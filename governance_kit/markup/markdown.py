"""Small builders of Markdown blocks: tables, lists, admonitions. Inputs are already escaped."""

from __future__ import annotations

from collections.abc import Iterable


def table(headers: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    """A Markdown table; every cell must be escaped already (see escape.cell)."""
    header = list(headers)
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def bullets(items: Iterable[str]) -> list[str]:
    return [*(f"- {item}" for item in items), ""]


def numbered(items: Iterable[str]) -> list[str]:
    return [*(f"{number}. {item}" for number, item in enumerate(items, start=1)), ""]


def tasks(items: Iterable[str]) -> list[str]:
    """A checklist of unticked boxes (pymdownx.tasklist)."""
    return [*(f"- [ ] {item}" for item in items), ""]


def admonition(kind: str, title: str, body: Iterable[str]) -> list[str]:
    """A Material admonition; `title` is fixed text of the generator, never YAML."""
    lines = [f'!!! {kind} "{title}"', ""]
    lines += [f"    {line}" if line else "" for line in body]
    return [*lines, ""]
