"""GKP03 discouraged-phrase."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding
from .base import DraftContext, DraftRule
from .words import phrase_findings


class DiscouragedPhrase(DraftRule):
    """The post uses a discouraged word or phrase.

    ### What it checks
    The brand guide's `words` with `level: discouraged` are matched like banned ones, in any
    language and script.

    ### Why it matters
    They are words that do not sound like the brand, or that readers misunderstand; there is usually
    a better one.

    ### Example
    ```markdown
    ---
    account: instagram-nordlysoutdoor
    author: ben
    ---
    Where will the first snow take you? Fjellvind, not cheap, but built to last:
    https://nordlys.example/fjellvind?utm_source=instagram&utm_medium=social&utm_campaign=winter
    ```

    ### Fix
    Use the preferred wording in the hint, or keep the word if it is really the right one.
    ```markdown
    ---
    account: instagram-nordlysoutdoor
    author: ben
    ---
    Where will the first snow take you? Fjellvind, affordable and built to last:
    https://nordlys.example/fjellvind?utm_source=instagram&utm_medium=social&utm_campaign=winter
    ```
    """

    code = "GKP03"
    name = "discouraged-phrase"
    severity = "warning"

    def check(self, context: DraftContext) -> Iterator[Finding]:
        yield from phrase_findings(self, context, "discouraged")
