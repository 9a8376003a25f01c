"""Where the moderation policy stands (shared by the coverage rules)."""

from __future__ import annotations

from ..model.governance import Governance, SourceDocument
from ..model.moderation import ModerationPolicy


def moderation_document(governance: Governance) -> SourceDocument | None:
    found = governance.of_kind(ModerationPolicy)
    return found[0] if found else None
