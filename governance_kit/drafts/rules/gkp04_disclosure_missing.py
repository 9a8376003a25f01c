"""GKP04 disclosure-missing."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding
from ..describe import labels
from ..text import find_phrase, graphemes
from .base import DraftContext, DraftRule


class DisclosureMissing(DraftRule):
    """A sponsored post lacks a disclosure label, or shows it too late.

    ### What it checks
    A post is sponsored when the draft's front matter says `sponsored: true` or the command is given
    `--sponsored`: paid, gifted or partnership content.

    ### Why it matters
    It must carry one of the brand guide's disclosure labels (`ads_label`, `partnership_label` or
    one of `also_accepted`), and, when the guide sets `visible_within`, start with it within that
    many characters so readers see it without clicking "more". Hidden advertising breaks consumer
    law in every market the company sells in.

    ### Example
    ```markdown
    ---
    account: instagram-nordlysoutdoor
    author: ben
    sponsored: true
    ---
    Where will the first snow take you? Fjellvind with Bergen Turlag:
    https://nordlys.example/fjellvind?utm_source=instagram&utm_medium=social&utm_campaign=winter
    ```

    ### Fix
    Put the label at the very start of the post.
    ```markdown
    ---
    account: instagram-nordlysoutdoor
    author: ben
    sponsored: true
    ---
    #ad Where will the first snow take you? Fjellvind with Bergen Turlag:
    https://nordlys.example/fjellvind?utm_source=instagram&utm_medium=social&utm_campaign=winter
    ```
    """

    code = "GKP04"
    name = "disclosure-missing"
    severity = "error"

    def check(self, context: DraftContext) -> Iterator[Finding]:
        brand = context.brand
        if not context.sponsored or brand is None:
            return
        body = context.draft.body
        found = sorted(
            (span for label in labels(brand) for span in find_phrase(body, label)),
            key=lambda span: span.start,
        )
        choices = ", ".join(f"'{label}'" for label in labels(brand))
        if not found:
            yield self.finding(
                context,
                context.draft.post_start(),
                "sponsored post has no disclosure label",
                hint=f"start the post with one of {choices}",
            )
            return
        limit = brand.disclosure.visible_within
        first = found[0]
        before = len(graphemes(body[: first.start].lstrip()))
        if limit is not None and before >= limit:
            yield self.finding(
                context,
                context.draft.body_position(first.start),
                f"disclosure label '{first.value}' starts at character {before + 1}; it must "
                f"start within the first {limit}",
                hint="move the label to the very start of the post",
            )
