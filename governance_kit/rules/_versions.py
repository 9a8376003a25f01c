"""What the version rules (GK951-GK955) share: the policy documents of a state, and what
counts as a change of content.

What counts as a change: the spec and the metadata a reader relies on (title, description,
owner, status, classification). Release bookkeeping is left out — the version itself, the
change summary, the changelog, the approval, the effective date and the review record — so
recording a review (`govkit review`) needs no new version, while any change of content does.
A Policy's text in its `body_file` is content too: the file at the base is compared with the
file now.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..model.governance import Governance, Location
from .base import Context

BOOKKEEPING = {
    "version",
    "change_summary",
    "changelog",
    "approved_by",
    "approved_on",
    "effective_date",
    "review",
}
"""Metadata fields that may change without a new version."""

VERSION = ("metadata", "version")


def policies(governance: Governance) -> dict[str, Any]:
    """The versioned documents of a state, by id."""
    return {d.id: d for d in governance.documents if hasattr(d.model.metadata, "version")}


def pairs(context: Context) -> Iterator[tuple[Any, Any]]:
    """Each versioned document now with the same document at the base, when it was there."""
    if context.base is None:
        return
    before = policies(context.base)
    for ident, document in policies(context.governance).items():
        if ident in before:
            yield before[ident], document


def content(document: Any) -> dict[str, Any]:
    """The part of a document whose change needs a new version."""
    data = document.model.model_dump(mode="json", by_alias=True)
    metadata = {k: v for k, v in data["metadata"].items() if k not in BOOKKEEPING}
    return {"metadata": metadata, "spec": data["spec"]}


def semver(text: str) -> tuple[int, int, int]:
    major, minor, patch = (int(part) for part in text.split("."))
    return major, minor, patch


def version_at(document: Any) -> Location:
    return Location(document, VERSION)


def body_file(document: Any, root: Path | None) -> Path | None:
    """Where a Policy's text file stands (None for a text in the document, or another kind)."""
    name = getattr(document.model.spec, "body_file", None)
    if name is None or root is None:
        return None
    return (root if root.is_dir() else root.parent) / name


def text_changed(old: Any, new: Any, context: Context) -> Path | None:
    """The text file of a Policy whose content changed since the base, else None."""
    path = body_file(new, context.root)
    if context.base_files is None or path is None or path != body_file(old, context.root):
        return None
    return path if context.base_files.get(path) != context.read(path) else None
