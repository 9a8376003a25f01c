"""GK953 version-decreased."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ._versions import pairs, semver, version_at
from .base import Context, Rule


class VersionDecreased(Rule):
    """A policy document's version is lower than at the base.

    ### What it checks
    A policy document's `metadata.version` is lower than the version of the same document (matched
    by `metadata.id`) at the merge base of `--base REF` and HEAD.

    ### Why it matters
    Versions only move forward: a lower version than at the base of the branch usually means a merge
    or a revert went wrong, and two different texts would soon carry the same number.

    ### Example
    ```yaml
    kind: Objectives
    metadata:
      version: 2.9.0
    ```

    ### Fix
    Set `metadata.version` higher than the version at the base (see the message). To undo a change,
    publish the old text as a new version. This rule needs Git history, so it only runs with `govkit
    check --base REF`.
    ```yaml
    kind: Objectives
    metadata:
      version: 3.0.0
    ```
    """

    code = "GK953"
    name = "version-decreased"
    severity = "error"
    controls = ("SOC2:CC8.1",)
    needs_base = True

    def check(self, context: Context) -> Iterator[Finding]:
        for old, new in pairs(context):
            was, now = old.model.metadata.version, new.model.metadata.version
            if semver(now) < semver(was):
                yield self.finding(
                    version_at(new),
                    f"version of '{new.id}' went backwards: {was} at {context.base_label}, "
                    f"{now} now",
                    target=new.id,
                    hint=f"set a version above {was}",
                )
