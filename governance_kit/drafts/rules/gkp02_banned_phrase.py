"""GKP02 banned-phrase."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding
from .base import DraftContext, DraftRule
from .words import phrase_findings


class BannedPhrase(DraftRule):
    """The post uses a banned word or phrase.

    ### What it checks
    The brand guide's `words` with `level: banned` are matched in any language and script: case does
    not matter, accents must match, and words in scripts written with spaces match whole words only
    ("eco-friendly" does not match "eco-friendlyness"), while Chinese, Japanese and Korean phrases
    match wherever they stand in a sentence.

    ### Why it matters
    Banned words are usually legal risks: unsubstantiated green claims, medical claims, absolute
    promises.

    ### Example
    ```markdown
    ---
    account: instagram-nordlysoutdoor
    author: ben
    ---
    Where will the first snow take you? Our climate neutral Fjellvind jacket:
    https://nordlys.example/fjellvind?utm_source=instagram&utm_medium=social&utm_campaign=winter
    ```

    ### Fix
    Rewrite the sentence; the finding's hint gives the preferred wording where there is one.
    ```markdown
    ---
    account: instagram-nordlysoutdoor
    author: ben
    ---
    Where will the first snow take you this weekend? The new Fjellvind jacket:
    https://nordlys.example/fjellvind?utm_source=instagram&utm_medium=social&utm_campaign=winter
    ```
    """

    code = "GKP02"
    name = "banned-phrase"
    severity = "error"

    def check(self, context: DraftContext) -> Iterator[Finding]:
        yield from phrase_findings(self, context, "banned")
