"""GKP11 author-not-allowed."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding
from .base import DraftContext, DraftRule

POSTING_LEVELS = ("admin", "editor")


class AuthorNotAllowed(DraftRule):
    """The author has left, holds no role that may post, or lacks editor access.

    ### What it checks
    The author (`author:` in the front matter, or `--author`) must be on the roster and not have
    left, hold a role with `may_post: true`, and have `editor` or `admin` access to the account in
    the registry.

    ### Why it matters
    Moderators, analysts and advertisers may not publish posts. Without an author, who may post is
    not checked; the check says so as information.

    ### Example
    ```markdown
    ---
    account: instagram-nordlysoutdoor
    author: ivar
    ---
    Where will the first snow take you?
    https://nordlys.example/fjellvind?utm_source=instagram&utm_medium=social&utm_campaign=winter
    ```

    ### Fix
    Have someone allowed to post publish it, or grant the author the role and the access through the
    usual approval.
    ```markdown
    ---
    account: instagram-nordlysoutdoor
    author: ben
    ---
    Where will the first snow take you this weekend? The new Fjellvind jacket:
    https://nordlys.example/fjellvind?utm_source=instagram&utm_medium=social&utm_campaign=winter
    ```
    """

    code = "GKP11"
    name = "author-not-allowed"
    severity = "error"

    def check(self, context: DraftContext) -> Iterator[Finding]:
        author, account = context.author, context.account
        if author is None:
            yield self.finding(
                context,
                (1, 1),
                "no author given; who may post and their training were not checked",
                hint="add 'author:' to the front matter or give --author",
                severity="info",
            )
            return
        where = context.where_author or (1, 1)
        if author.gone(context.today):
            yield self.finding(context, where, f"author '{author.id}' has left")
            return
        roles = context.governance.roles
        if not any(roles[r].may_post for r in author.roles if r in roles):
            held = ", ".join(author.roles) or "none"
            yield self.finding(
                context,
                where,
                f"author '{author.id}' holds no role that may post (roles: {held})",
                hint="have someone whose role has 'may_post: true' publish it",
            )
        levels = [entry.level for entry in account.access if entry.person == author.id]
        if not any(level in POSTING_LEVELS for level in levels):
            has = f"{' and '.join(levels)} access" if levels else "no access"
            yield self.finding(
                context,
                where,
                f"author '{author.id}' has {has} to '{account.id}'; posting needs editor or admin",
                hint="have an editor of the account publish it",
            )
