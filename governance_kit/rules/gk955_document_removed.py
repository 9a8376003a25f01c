"""GK955 document-removed."""

from __future__ import annotations

from .base import Rule


class DocumentRemoved(Rule):
    """A policy document was removed, for the reviewers' information.

    A document that existed at the base of the branch is gone. Removing a policy ends the
    obligations in it; the reviewers should agree that nothing depends on it. To keep its
    history visible, consider `metadata.status: retired` instead. This rule needs Git history,
    so it only runs with `govkit check --base REF`.
    """

    code = "GK955"
    name = "document-removed"
    severity = "info"
    external = True
    summary = "A policy document was removed."
    controls = ("SOC2:CC8.1",)
