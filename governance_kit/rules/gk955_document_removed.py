"""GK955 document-removed."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ._versions import has_base, policies, version_at
from .base import Context, Rule


class DocumentRemoved(Rule):
    """A policy document was removed.

    A document that existed at the base of the branch is gone. Removing a policy ends the
    obligations in it; the reviewers should agree that nothing depends on it. To keep its
    history visible, consider `metadata.status: retired` instead. This rule needs Git history,
    so it only runs with `govkit check --base REF`.
    """

    code = "GK955"
    name = "document-removed"
    severity = "info"
    controls = ("SOC2:CC8.1",)

    def applies(self, context: Context) -> bool:
        return has_base(context)

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
