"""GK952 major-bump-without-summary."""

from __future__ import annotations

from .base import Rule


class MajorBumpWithoutSummary(Rule):
    """A major version of a policy document says nothing about what changed.

    A new major version changes what people must do. Everyone bound by the document needs to
    learn what is different, so a major bump needs a `metadata.change_summary` — and a new
    one: a summary identical to the one of the previous version describes that version, not
    this one.

    Write `metadata.change_summary` in words a reader understands, and move the previous
    summary into `metadata.changelog`. This rule needs Git history, so it only runs with
    `govkit check --base REF`.
    """

    code = "GK952"
    name = "major-bump-without-summary"
    severity = "error"
    external = True
    summary = "A major version bump without a new change_summary."
    controls = ("ISO27001:A.5.1", "SOC2:CC8.1")
