"""GK954 document-added."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ._versions import policies, version_at
from .base import Context, Rule


class DocumentAdded(Rule):
    """A policy document was added.

    ### What it checks
    A policy document whose `metadata.id` did not exist at the merge base of `--base REF` and HEAD
    appears (the example renames a document: at the base it had the id `nordlys-goals`). This rule
    needs Git history, so it only runs with `govkit check --base REF`.

    ### Why it matters
    The reviewers of the pull request should check that a new document has the right owner,
    approvers and review cadence.

    ### Example
    ```yaml
    # at the base
    kind: Objectives
    metadata:
      id: nordlys-goals
    ```

    ### Fix
    Nothing needs fixing: the finding is for the reviewers' information (severity info).
    """

    code = "GK954"
    name = "document-added"
    severity = "info"
    controls = ("SOC2:CC8.1",)
    needs_base = True

    def check(self, context: Context) -> Iterator[Finding]:
        before = policies(context.base) if context.base is not None else {}
        for ident, document in policies(context.governance).items():
            if ident not in before:
                version = document.model.metadata.version
                yield self.finding(
                    version_at(document),
                    f"new document '{ident}' (version {version}), not at {context.base_label}",
                    target=ident,
                )
