"""GK954 document-added."""

from __future__ import annotations

from .base import Rule


class DocumentAdded(Rule):
    """A new policy document, for the reviewers' information.

    A document that did not exist at the base of the branch appears: the reviewers of the pull
    request should check that it has the right owner, approvers and review cadence. Nothing
    needs fixing. This rule needs Git history, so it only runs with `govkit check --base REF`.
    """

    code = "GK954"
    name = "document-added"
    severity = "info"
    external = True
    summary = "A policy document was added."
    controls = ("SOC2:CC8.1",)
