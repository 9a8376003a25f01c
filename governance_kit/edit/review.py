"""Recording a completed review of a policy document in its file (`govkit review`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from ..model.envelope import Review
from ..model.governance import Governance
from .bump import Bumped, NewVersion, bump_document
from .lookup import did_you_mean_hint, policy_document
from .yaml_edit import Changeset, EditProblem, put_in_order


def record_review(
    root: Path,
    governance: Governance,
    document_id: str,
    person: str,
    when: date,
    note: str | None = None,
    bump: NewVersion | None = None,
) -> tuple[list[Path], list[Bumped]]:
    """Set metadata.review.last_reviewed, reviewed_by and note, and with `bump` give the
    document a new version; return the files written and the version raised.

    Without a note, the note of the previous review is removed: it described that review.
    """
    document = policy_document(governance, document_id)
    _reviewer(governance, person, when)
    changeset = Changeset(root)
    review = changeset.file(document.path).data["metadata"]["review"]
    _put(review, "last_reviewed", when)
    _put(review, "reviewed_by", person)
    if note:
        _put(review, "note", note)
    elif "note" in review:
        del review["note"]
    bumped = []
    if bump is not None:
        summary = bump.summary or f"Reviewed by {person} on {when.isoformat()}" + (
            f": {note}" if note else "."
        )
        bumped.append(bump_document(changeset, document, bump.part, summary, bump.today))
    return changeset.write(), bumped


def _reviewer(governance: Governance, ident: str, when: date) -> None:
    person = governance.people.get(ident)
    if person is None:
        raise EditProblem(f"unknown person '{ident}'" + did_you_mean_hint(ident, governance.people))
    if person.gone(when):
        raise EditProblem(f"person '{ident}' has left; a review needs someone at the company")


def _put(review: CommentedMap, key: str, value: Any) -> None:
    put_in_order(review, key, value, list(Review.model_fields))
