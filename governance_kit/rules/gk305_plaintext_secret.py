"""GK305 plaintext-secret."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..findings import Finding
from ..loading.secret_accounts import account_at
from ..loading.secrets import PLAINTEXT, REFERENCE_KEY, a_kind, looks_like_secret
from ..model.accounts import AccountRegistry
from ..model.governance import Path_, Secret, SourceDocument
from .base import Context, Rule


class PlaintextSecret(Rule):
    """A policy file seems to contain a password, token or key in plain text.

    ### What it checks
    A value or a comment of a policy file holds what looks like a credential: a value under a key
    named like a password, token or key (in any of the languages policies are written in:
    `password`, `pw`, `pin`, `Passwort`, `passord`, `lösenord`, `contraseña`, `пароль`,
    `密码`, ...), even where the field is unknown; a password in `credentials.secret_ref`
    instead of a reference;
    or text shaped like a credential: a private key, an `otpauth://` seed, a token of a known
    service (GitHub, GitLab, Slack, AWS, Meta, Google, Stripe, OpenAI, Anthropic, ...), a JSON Web
    Token, a password in a URL or after "password:", or a long random-looking string. Each is
    reported at its own line and column, also in a comment and in a file that is otherwise invalid.

    ### Why it matters
    Policy files are read by many people, copied into the handbook and kept forever in git history:
    a secret written here is a leaked secret. The finding never repeats the value.

    ### Example
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          notes: "Shared login for the athletes, password: Fjellstue-Sommer-2026"
    ```

    ### Fix
    Remove the value, treat the credential as compromised and rotate it (it stays in the git
    history), and keep it in the secret manager; refer to it with `credentials.secret_ref`, e.g.
    `op://social-accounts/instagram-main`.
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          notes: Athletes never get a login; the login lives in the vault.
    ```
    """

    code = "GK305"
    name = "plaintext-secret"
    severity = "error"
    controls = ("SOC2:CC6.1", "ISO27001:A.5.17", "ISO27001:A.8.24", "CIS:3")

    def check(self, context: Context) -> Iterator[Finding]:
        for document in context.governance.documents:
            accounts = _account_ids(document)
            for secret in document.secrets:
                account = account_at(accounts, secret.path)
                yield secret_finding(document.path, secret, account or document.id, account=account)


def _account_ids(document: SourceDocument) -> list[str]:
    """The ids of an AccountRegistry's accounts, in order; none for another kind."""
    if document.kind != AccountRegistry.__name__:
        return []
    return [account.id for account in document.model.spec.accounts]


HINT = (
    "remove it, rotate the credential (git history keeps it) and store it in the secret "
    "manager; refer to it as e.g. op://vault/item"
)
ROTATE_HINT = (
    "rotate this password now: it is in the Git history; then store it in the secret manager "
    "and reference it, e.g. credentials.secret_ref: op://vault/item"
)


def secret_finding(
    path: Path, secret: Secret, target: str | None, *, account: str | None = None
) -> Finding:
    """The GK305 finding for one secret, at its line and column, naming the account it stands
    in (when it stands in one); it never repeats the value."""
    named = f"account '{account}': " if account else ""
    return Finding(
        path,
        secret.line,
        secret.column,
        named + _message(secret),
        code=PlaintextSecret.code,
        severity=PlaintextSecret.severity,
        hint=ROTATE_HINT if secret.kind == PLAINTEXT else HINT,
        target=target,
    )


def _message(secret: Secret) -> str:
    kind = a_kind(secret.kind)
    if secret.part == "comment":
        return f"comment holds what looks like {kind}"
    if secret.part == "line":
        return f"line holds what looks like {kind}"
    if secret.part == "key":
        return f"key looks like {kind}"
    name = secret.key if isinstance(secret.key, str) else _last_key(secret.path)
    if looks_like_secret(None, name) is not None:
        name = "…"
    if secret.kind == PLAINTEXT and REFERENCE_KEY.search(name):
        return f"'{name}' holds a plaintext credential, not a secret-manager reference"
    return f"value of '{name}' looks like {kind}"


def _last_key(path: Path_) -> str:
    keys = [step for step in path if isinstance(step, str)]
    return keys[-1] if keys else "document"
