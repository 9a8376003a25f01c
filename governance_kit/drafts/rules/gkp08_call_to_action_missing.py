"""GKP08 call-to-action-missing."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding
from ..describe import either
from ..text import has_question
from .base import DraftContext, DraftRule


class CallToActionMissing(DraftRule):
    """The post has none of the calls to action its platform requires.

    ### What it checks
    Where the post rules list `call_to_action` options, the post needs at least one of them: a
    question (a "?" in any script, fullwidth too), a poll (`poll:` options in the front matter) or a
    link.

    ### Why it matters
    Posts that invite no response reach fewer people and serve no objective.

    ### Example
    ```markdown
    ---
    account: instagram-nordlysoutdoor
    author: ben
    ---
    The new Fjellvind jacket is in the shops.
    ```

    ### Fix
    Ask the reader something, add a poll, or link to where they can act.
    ```markdown
    ---
    account: instagram-nordlysoutdoor
    author: ben
    ---
    The new Fjellvind jacket is in the shops. Where will you take it first?
    ```
    """

    code = "GKP08"
    name = "call-to-action-missing"
    severity = "error"

    def check(self, context: DraftContext) -> Iterator[Finding]:
        options = context.rules.call_to_action
        if not options or not context.draft.body.strip():
            return
        present = {
            "question": has_question(context.draft.body),
            "poll": bool(context.draft.meta.poll),
            "link": bool(context.links()),
        }
        if any(present[option] for option in options):
            return
        wanted = either([f"a {option}" for option in options])
        yield self.finding(
            context,
            context.draft.post_start(),
            f"post has no call to action; {context.account.platform} posts need {wanted}",
            hint=f"add {wanted}",
        )
