"""GK955 document-removed."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.kinds import POLICY_KIND_CLASSES
from ._versions import policies, version_at
from .base import Context, Rule


class DocumentRemoved(Rule):
    """A policy document was removed.

    ### What it checks
    A policy document that existed at the merge base of `--base REF` and HEAD (matched by
    `metadata.id`) is gone (the example renames a document: at the base it had the id
    `nordlys-goals`). This rule needs Git history, so it only runs with `govkit check --base REF`.

    ### Why it matters
    Removing a policy ends the obligations in it; the reviewers should agree that nothing depends on
    it.

    ### Example
    ```yaml
    # at the base
    kind: Objectives
    metadata:
      id: nordlys-goals
    ```

    ### Fix
    Nothing needs fixing if the removal is meant. To keep the document's history visible, set
    `metadata.status: retired` instead of deleting it.
    """

    code = "GK955"
    name = "document-removed"
    severity = "info"
    needs = POLICY_KIND_CLASSES
    controls = ("SOC2:CC8.1",)
    needs_base = True

    def check(self, context: Context) -> Iterator[Finding]:
        if context.base is None:
            return
        after = policies(context.governance)
        for ident, document in policies(context.base).items():
            if ident not in after:
                version = document.model.metadata.version
                yield self.finding(
                    version_at(document),
                    f"document '{ident}' (version {version} at {context.base_label}) was removed",
                    target=ident,
                    hint="to keep its history visible, set metadata.status: retired instead",
                )
