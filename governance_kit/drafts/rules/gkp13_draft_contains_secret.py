"""GKP13 draft-contains-secret."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding
from ...loading.secrets import a_kind, secret_spans
from .base import DraftContext, DraftRule


class DraftContainsSecret(DraftRule):
    """The draft holds what looks like a password, token or key.

    ### What it checks
    The whole draft is read, front matter and post: a token shaped like a GitHub, Slack, AWS, Meta,
    Google, Stripe, OpenAI or other known credential, a private key, an `otpauth://` one-time
    password seed, a JSON Web Token, a password in a URL or written out after "password:" (or
    "Passwort=", "pw:", "passord er", ...), or a long random-looking string.

    ### Why it matters
    A post is published to the world, and drafts travel through chats, tickets and review tools on
    the way: a credential in a draft is a leaked credential. The finding never repeats the value.

    ### Example
    ```markdown
    ---
    account: instagram-nordlysoutdoor
    author: ben
    ---
    Where will the first snow take you?
    https://nordlys.example/fjellvind?utm_source=instagram&utm_medium=social&utm_campaign=winter
    (login for the agency, password: Fjellstue-Sommer-2026)
    ```

    ### Fix
    Remove it before the draft goes anywhere, rotate the credential if the draft was shared, and
    keep it in the secret manager.
    ```markdown
    ---
    account: instagram-nordlysoutdoor
    author: ben
    ---
    Where will the first snow take you this weekend? The new Fjellvind jacket:
    https://nordlys.example/fjellvind?utm_source=instagram&utm_medium=social&utm_campaign=winter
    ```
    """

    code = "GKP13"
    name = "draft-contains-secret"
    severity = "error"

    def check(self, context: DraftContext) -> Iterator[Finding]:
        draft = context.draft
        for start, _end, kind in secret_spans(draft.text):
            yield self.finding(
                context,
                draft.position(start),
                f"draft holds what looks like {a_kind(kind)} (not repeated here)",
                hint="remove it, rotate the credential if the draft was shared, and keep it "
                "in the secret manager",
            )
