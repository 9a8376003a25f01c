"""When a policy document's next review is due (shared by the review rules)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..model.common import Period


def review_due(metadata: Any) -> date:
    """Last review (or, if never reviewed, the effective date) plus the review interval."""
    start = metadata.review.last_reviewed or metadata.effective_date
    return Period.parse(metadata.review.interval).after(start)
