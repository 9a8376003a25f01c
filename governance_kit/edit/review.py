"""Recording a completed review of a policy document in its file (`govkit review`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from ..loading.suggest import did_you_mean
from ..model.envelope import Review
from ..model.governance import Governance
from .yaml_edit import Changeset, EditProblem, put_in_order


def record_review(
    root: Path,
    governance: Governance,
    document_id: str,
    person: str,
    when: date,
    note: str | None = None,
) -> list[Path]:
    """Set metadata.review.last_reviewed, reviewed_by and note; return the files written.

    Without a note, the note of the previous review is removed: it described that review.
    """
    document = _policy(governance, document_id)
    _reviewer(governance, person, when)
    changeset = Changeset(root)
    review = changeset.file(document.path).data["metadata"]["review"]
    _put(review, "last_reviewed", when)
    _put(review, "reviewed_by", person)
    if note:
        _put(review, "note", note)
    elif "note" in review:
        del review["note"]
    return changeset.write()


def _policy(governance: Governance, ident: str) -> Any:
    for document in governance.policies:
        if document.id == ident:
            return document
    known = [d.id for d in governance.policies]
    raise EditProblem(f"unknown policy document '{ident}'" + _did_you_mean(ident, known))


def _reviewer(governance: Governance, ident: str, when: date) -> None:
    person = governance.people.get(ident)
    if person is None:
        raise EditProblem(f"unknown person '{ident}'" + _did_you_mean(ident, governance.people))
    if person.gone(when):
        raise EditProblem(f"person '{ident}' has left; a review needs someone at the company")


def _did_you_mean(word: str, options: Any) -> str:
    hint = did_you_mean(word, options)
    return f" (hint: {hint})" if hint else ""


def _put(review: CommentedMap, key: str, value: Any) -> None:
    put_in_order(review, key, value, list(Review.model_fields))
