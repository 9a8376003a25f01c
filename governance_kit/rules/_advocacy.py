"""Helpers for the advocacy rules: the members of every programme in force, and where they stand."""

from __future__ import annotations

from collections.abc import Iterator

from ..model.advocacy import AdvocacyProgramme, Member
from ..model.governance import Governance, Location, SourceDocument


def members(governance: Governance) -> Iterator[tuple[SourceDocument, Member, Location]]:
    """Every member of every advocacy programme in force, with the member's location."""
    for document in governance.of_kind(AdvocacyProgramme):
        if document.model.metadata.status != "in-force":
            continue
        for index, member in enumerate(document.model.spec.members):
            yield document, member, Location(document, ("spec", "members", index))
