"""GK951 version-not-bumped."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ._versions import content, pairs, text_changed, version_at
from .base import Context, Rule


class VersionNotBumped(Rule):
    """A policy document changed without a new version.

    ### What it checks
    `govkit check --base REF` compares every policy document with the same document (matched by
    `metadata.id`) at the merge base of REF and HEAD; for a Policy whose text stands in a
    `body_file`, the text file there with the file now.

    ### Why it matters
    When anything a reader relies on changed — the spec, a policy's text, the title, description,
    owner, status or classification — but `metadata.version` is the same, readers of the handbook
    and auditors cannot tell the two versions apart, acknowledgements of the old text still count
    for the new one, and the changelog stops telling the truth. Bookkeeping of a release
    does not count as a change: recording a review (`metadata.review`), the approval, the effective
    date, the change summary and the changelog may change without a bump.

    ### Example
    ```yaml
    kind: BrandGuide
    spec:
      disclosure:
        ads_label: "#reklame"
    ```

    ### Fix
    Bump `metadata.version`: the patch number for wording and corrections, the minor number for new
    rules or entities, the major number for changed obligations. Say what changed in
    `metadata.change_summary` and move the previous summary into `metadata.changelog`. This rule
    needs Git history, so it only runs with `govkit check --base REF`.
    ```yaml
    kind: BrandGuide
    metadata:
      version: 2.4.0
      change_summary: The ads label is now #reklame.
    ```
    """

    code = "GK951"
    name = "version-not-bumped"
    severity = "error"
    controls = ("ISO27001:A.5.1", "SOC2:CC8.1")
    needs_base = True

    def check(self, context: Context) -> Iterator[Finding]:
        for old, new in pairs(context):
            now = new.model.metadata.version
            if old.model.metadata.version != now:
                continue
            if content(old) != content(new):
                what = f"'{new.id}' changed"
            elif (path := text_changed(old, new, context)) is not None:
                what = f"the text of '{new.id}' ({path.name}) changed"
            else:
                continue
            yield self.finding(
                version_at(new),
                f"{what} since {context.base_label} but its version is still {now}",
                target=new.id,
                hint="bump metadata.version and say what changed in metadata.change_summary",
            )
