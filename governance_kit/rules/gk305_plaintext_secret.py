"""GK305 plaintext-secret."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.governance import Location, Path_
from .base import Context, Rule


class PlaintextSecret(Rule):
    """A policy file seems to contain a password, token or key.

    A value is stored under a key named like a password, token or key and is not a
    secret-manager reference, or the text holds something shaped like a credential: a GitHub,
    Slack, AWS, Meta or Google token, a JSON Web Token, a private key, a password in a URL or
    after "password:", or a long random-looking string. Policy files are read by many people,
    copied into the handbook and kept forever in git history: a secret written here is a
    leaked secret. The finding never repeats the value.

    Remove the value, treat the credential as compromised and rotate it (it stays in the git
    history), and keep it in the secret manager; refer to it with `credentials.secret_ref`,
    e.g. `op://social-accounts/instagram-main`.
    """

    code = "GK305"
    name = "plaintext-secret"
    severity = "error"
    summary = "A policy file seems to contain a password, token or key in plain text."
    controls = ("SOC2:CC6.1", "ISO27001:A.5.17", "ISO27001:A.8.24", "CIS:3")

    def check(self, context: Context) -> Iterator[Finding]:
        for document in context.governance.documents:
            for path, key, kind in document.secrets:
                name = key if isinstance(key, str) else _last_key(path)
                yield self.finding(
                    Location(document, path),
                    f"value of '{name}' looks like {_article(kind)} {kind}",
                    target=document.id,
                    hint="remove it, rotate the credential (git history keeps it) and store it "
                    "in the secret manager; refer to it as e.g. op://vault/item",
                )


def _last_key(path: Path_) -> str:
    keys = [step for step in path if isinstance(step, str)]
    return keys[-1] if keys else "document"


def _article(kind: str) -> str:
    return "an" if kind[0].lower() in "aeiou" else "a"
