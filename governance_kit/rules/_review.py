"""When a policy document's next review is due (shared by the review rules).

The fact lives in the model: `PolicyMetadata.next_review()`.
"""

from __future__ import annotations

from datetime import date

from ..model.envelope import PolicyMetadata


def review_due(metadata: PolicyMetadata) -> date:
    """Last review (or, if never reviewed, the effective date) plus the review interval."""
    return metadata.next_review()
