"""GKP09 too-many-hashtags."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding
from ..text import hashtags
from .base import DraftContext, DraftRule


class TooManyHashtags(DraftRule):
    """The post has more hashtags than allowed.

    ### What it checks
    Hashtags are words after `#` in any script (`#NordlysTurprat`, `#户外`); anchors inside links do
    not count.

    ### Why it matters
    Too many hashtags read as spam, and some platforms show such posts to fewer people. The finding
    points at the first hashtag over the limit.

    ### Example
    ```markdown
    ---
    account: instagram-nordlysoutdoor
    author: ben
    ---
    Where will the first snow take you?
    https://nordlys.example/fjellvind?utm_source=instagram&utm_medium=social&utm_campaign=winter
    #Nordlys #Fjellvind #Hiking #Snow #Norway #Winter
    ```

    ### Fix
    Keep the most relevant hashtags and drop the rest.
    ```markdown
    ---
    account: instagram-nordlysoutdoor
    author: ben
    ---
    Where will the first snow take you?
    https://nordlys.example/fjellvind?utm_source=instagram&utm_medium=social&utm_campaign=winter
    #Nordlys #Fjellvind
    ```
    """

    code = "GKP09"
    name = "too-many-hashtags"
    severity = "error"

    def check(self, context: DraftContext) -> Iterator[Finding]:
        limit = context.rules.max_hashtags
        if limit is None:
            return
        found = hashtags(context.draft.body)
        if len(found) <= limit:
            return
        yield self.finding(
            context,
            context.draft.body_position(found[limit].start),
            f"post has {len(found)} hashtags; {context.account.platform} allows {limit} on "
            f"'{context.account.id}'",
            hint=f"remove {len(found) - limit}, starting with {found[limit].value}",
        )
