"""What the version rules (GK951-GK955) share: the policy documents of a state, and what
counts as a change of content.

What counts as a change: the spec and the metadata a reader relies on (title, description,
owner, status, classification). Release bookkeeping is left out — the version itself, the
change summary, the changelog, the approval, the effective date and the review record — so
recording a review (`govkit review`) needs no new version, while any change of content does.
"""

from __future__ import annotations

from collections.abc import Iterator
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
