"""Finding what an edit names: a policy document by id, with a did-you-mean when unknown."""

from __future__ import annotations

from typing import Any

from ..loading.suggest import did_you_mean
from ..model.governance import Governance, SourceDocument
from .files import EditProblem


def policy_document(governance: Governance, ident: str) -> SourceDocument:
    """The policy document with the metadata.id `ident`, or EditProblem with a did-you-mean."""
    for document in governance.policies:
        if document.id == ident:
            return document
    record = next((d for d in governance.documents if d.id == ident), None)
    if record is not None:
        raise EditProblem(
            f"'{ident}' is a {record.kind} document, which records facts and has no owner, "
            "version or review"
        )
    known = [d.id for d in governance.policies]
    raise EditProblem(f"unknown policy document '{ident}'" + did_you_mean_hint(ident, known))


def did_you_mean_hint(word: str, options: Any) -> str:
    """ " (hint: did you mean ...?)" for the closest of `options`, or nothing."""
    hint = did_you_mean(word, options)
    return f" (hint: {hint})" if hint else ""
