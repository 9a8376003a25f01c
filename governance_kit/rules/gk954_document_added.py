"""GK954 document-added."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ._versions import has_base, policies, version_at
from .base import Context, Rule


class DocumentAdded(Rule):
    """A policy document was added.

    A document that did not exist at the base of the branch appears: the reviewers of the pull
    request should check that it has the right owner, approvers and review cadence. Nothing
    needs fixing. This rule needs Git history, so it only runs with `govkit check --base REF`.
    """

    code = "GK954"
    name = "document-added"
    severity = "info"
    controls = ("SOC2:CC8.1",)

    def applies(self, context: Context) -> bool:
        return has_base(context)

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
