"""GKP01 post-too-long."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding
from ..text import length, overflow
from .base import DraftContext, DraftRule


class PostTooLong(DraftRule):
    """The post is empty or longer than the platform's limit.

    ### What it checks
    Characters are counted as the platform counts them: by default each character a reader sees
    counts once (an emoji family or a flag too); on X (`counting: weighted`) Chinese, Japanese and
    Korean characters and emoji count twice and every link 23.

    ### Why it matters
    A post over the limit is cut off or refused by the platform. The finding points at the first
    character past the limit.

    ### Example
    ```markdown
    ---
    account: instagram-nordlysoutdoor
    author: ben
    ---
    ```

    ### Fix
    Shorten the post, or move details into a link, a thread or the comments.
    ```markdown
    ---
    account: instagram-nordlysoutdoor
    author: ben
    ---
    Where will the first snow take you this weekend? The new Fjellvind jacket:
    https://nordlys.example/fjellvind?utm_source=instagram&utm_medium=social&utm_campaign=winter
    ```
    """

    code = "GKP01"
    name = "post-too-long"
    severity = "error"

    def check(self, context: DraftContext) -> Iterator[Finding]:
        body = context.draft.body
        if not body.strip():
            yield self.finding(
                context,
                context.draft.post_start(),
                "the post is empty",
                hint="write the post after the front matter",
            )
            return
        limit, counting = context.rules.max_length, context.rules.counting
        if limit is None:
            return
        lead, post = len(body) - len(body.lstrip()), body.strip()
        past = overflow(post, counting, limit)
        if past is None:
            return
        counted = length(post, counting)
        how = " (weighted as X counts)" if counting == "weighted" else ""
        yield self.finding(
            context,
            context.draft.body_position(lead + past),
            f"post is {counted:,} characters{how}; {context.account.platform} allows "
            f"{limit:,} on '{context.account.id}'",
            hint=f"shorten it by {counted - limit:,}",
        )
