"""GK105 changelog-out-of-step."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.governance import Location
from .base import Context, Rule


def semver(text: str) -> tuple[int, int, int]:
    major, minor, patch = (int(part) for part in text.split("."))
    return major, minor, patch


class ChangelogOutOfStep(Rule):
    """A policy document's version has no change_summary and no changelog entry.

    ### What it checks
    `metadata.changelog` lists versions newest first.

    ### Why it matters
    Once a document has a changelog, its current `metadata.version` must be accounted for in exactly
    one of two ways: either the newest (first) changelog entry is the current version, or the
    current version is newer than every entry and `metadata.change_summary` says what changed in it.
    A changelog entry newer than the current version, or a new version with neither, means a version
    changed without a record of what changed. A document without a changelog is at its first
    recorded version and is not checked. (With Git history, GK951 and GK952 check the bump itself.)

    ### Example
    ```yaml
    kind: Objectives
    metadata:
      version: 3.1.0
      change_summary: null
    ```

    ### Fix
    Write what changed in `change_summary` (moving the previous summary into `changelog`), or
    correct the version of the newest changelog entry.
    ```yaml
    kind: Objectives
    metadata:
      change_summary: KPI for Pinterest dropped now that the account is dormant.
    ```
    """

    code = "GK105"
    name = "changelog-out-of-step"
    severity = "warning"
    controls = ("ISO27001:A.5.1", "SOC2:CC8.1", "NIST:CM-3")

    def check(self, context: Context) -> Iterator[Finding]:
        for document in context.governance.policies:
            meta = document.model.metadata
            if not meta.changelog:
                continue
            current = semver(meta.version)
            newest = max(meta.changelog, key=lambda entry: semver(entry.version))
            where = Location(document, ("metadata", "version"))
            if semver(newest.version) > current:
                message = (
                    f"'{meta.id}' changelog lists version {newest.version}, newer than the "
                    f"document's version {meta.version}"
                )
                hint = "correct 'version' or the changelog entry"
            elif semver(meta.changelog[0].version) == current:
                continue
            elif not (meta.change_summary or "").strip():
                message = (
                    f"'{meta.id}' version {meta.version} has no change_summary and is not the "
                    f"newest changelog entry ({meta.changelog[0].version})"
                )
                hint = "say what changed in 'change_summary'"
            else:
                continue
            yield self.finding(where, message, target=meta.id, hint=hint)
