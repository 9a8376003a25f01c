"""GKP06 subtitles-missing."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding
from .base import DraftContext, DraftRule


class SubtitlesMissing(DraftRule):
    """A video has no subtitles.

    ### What it checks
    Every video in the front matter's `media` (`type: video`) must say `subtitles: true` when the
    brand guide's accessibility section has `subtitles_required: true`.

    ### Why it matters
    Most people watch social video without sound, and deaf and hard-of-hearing viewers depend on
    subtitles.

    ### Example
    ```markdown
    ---
    account: instagram-nordlysoutdoor
    author: ben
    media:
      - type: video
        file: fjellvind.mp4
        subtitles: false
    ---
    Where will the first snow take you?
    https://nordlys.example/fjellvind?utm_source=instagram&utm_medium=social&utm_campaign=winter
    ```

    ### Fix
    Burn in or upload subtitles, then set `subtitles: true`.
    ```markdown
    ---
    account: instagram-nordlysoutdoor
    author: ben
    media:
      - type: video
        file: fjellvind.mp4
        subtitles: true
    ---
    Where will the first snow take you?
    https://nordlys.example/fjellvind?utm_source=instagram&utm_medium=social&utm_campaign=winter
    ```
    """

    code = "GKP06"
    name = "subtitles-missing"
    severity = "error"

    def check(self, context: DraftContext) -> Iterator[Finding]:
        brand = context.brand
        if brand is None or not brand.accessibility.subtitles_required:
            return
        draft = context.draft
        for index, item in enumerate(draft.meta.media):
            if item.type == "video" and not item.subtitles:
                yield self.finding(
                    context,
                    draft.meta_position(("media", index)) or (1, 1),
                    f"video {item.file or index + 1} has no subtitles",
                    hint="add subtitles to the video and set 'subtitles: true'",
                )
