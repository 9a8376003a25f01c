"""GKP05 alt-text-missing."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...findings import Finding
from .base import DraftContext, DraftRule

MARKDOWN_IMAGE = re.compile(r"!\[([^\]\n]*)\]\(([^)\s]*)[^)\n]*\)")


class AltTextMissing(DraftRule):
    """An image has no alt text.

    ### What it checks
    Every image in the front matter's `media` (`type: image`) needs an `alt_text`, and every
    Markdown image in the post (`![alt text](file)`) a text between the brackets, when the brand
    guide's accessibility section has `alt_text_required: true`.

    ### Why it matters
    Screen-reader users otherwise hear nothing, or a file name.

    ### Example
    ```markdown
    ---
    account: instagram-nordlysoutdoor
    author: ben
    media:
      - type: image
        file: fjellvind.jpg
    ---
    Where will the first snow take you?
    https://nordlys.example/fjellvind?utm_source=instagram&utm_medium=social&utm_campaign=winter
    ```

    ### Fix
    Describe what matters in the image in one or two sentences.
    ```markdown
    ---
    account: instagram-nordlysoutdoor
    author: ben
    media:
      - type: image
        file: fjellvind.jpg
        alt_text: A hiker in a red Fjellvind jacket on a snowy ridge.
    ---
    Where will the first snow take you?
    https://nordlys.example/fjellvind?utm_source=instagram&utm_medium=social&utm_campaign=winter
    ```
    """

    code = "GKP05"
    name = "alt-text-missing"
    severity = "error"

    def check(self, context: DraftContext) -> Iterator[Finding]:
        brand = context.brand
        if brand is None or not brand.accessibility.alt_text_required:
            return
        draft = context.draft
        for index, item in enumerate(draft.meta.media):
            if item.type == "image" and not (item.alt_text or "").strip():
                where = draft.meta_position(("media", index)) or (1, 1)
                yield self.finding(
                    context,
                    where,
                    f"image {item.file or index + 1} has no alt text",
                    hint="add 'alt_text:' describing what matters in the image",
                )
        for match in MARKDOWN_IMAGE.finditer(draft.body):
            if not match.group(1).strip():
                yield self.finding(
                    context,
                    draft.body_position(match.start()),
                    f"image {match.group(2) or '(no file)'} has no alt text",
                    hint="write the alt text between the brackets: ![alt text](file)",
                )
