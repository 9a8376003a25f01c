"""GK952 major-bump-without-summary."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ._versions import pairs, semver, version_at
from .base import Context, Rule


class MajorBumpWithoutSummary(Rule):
    """A major version bump without a new change_summary.

    ### What it checks
    A policy document's major version went up since the merge base of `--base REF` and HEAD, but
    its `metadata.change_summary` is empty or the same as at the base.

    ### Why it matters
    A new major version changes what people must do. Everyone bound by the document needs to
    learn what is different, so a major bump needs a `metadata.change_summary` — and a new one:
    a summary identical to the one of the previous version describes that version, not this one.

    ### Example
    ```yaml
    kind: Objectives
    metadata:
      version: 4.0.0
    ```

    ### Fix
    Write `metadata.change_summary` in words a reader understands, and move the previous summary
    into `metadata.changelog`. This rule needs Git history, so it only runs with `govkit check
    --base REF`.
    ```yaml
    kind: Objectives
    metadata:
      change_summary: Objectives reset for 2027; the forum KPIs are dropped.
    ```
    """

    code = "GK952"
    name = "major-bump-without-summary"
    severity = "error"
    controls = ("ISO27001:A.5.1", "SOC2:CC8.1")
    needs_base = True

    def check(self, context: Context) -> Iterator[Finding]:
        for old, new in pairs(context):
            was, now = old.model.metadata.version, new.model.metadata.version
            summary = new.model.metadata.change_summary
            if semver(now)[0] > semver(was)[0] and (
                not summary or summary == old.model.metadata.change_summary
            ):
                yield self.finding(
                    version_at(new),
                    f"'{new.id}' goes from {was} to {now}, a major version, "
                    "without a new change_summary",
                    target=new.id,
                    hint="say what changed in metadata.change_summary",
                )
