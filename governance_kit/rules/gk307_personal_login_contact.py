"""GK307 personal-login-contact."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Finding
from ..model.accounts import AccountRegistry
from ..model.governance import Governance
from ..model.people import People
from ._accounts import in_use
from .base import Context, Rule

FIRST_LAST = re.compile(r"^[^\W\d_]{2,}(?:\.[^\W\d_]{2,}){1,2}@", re.UNICODE)
"""firstname.lastname@ (or first.middle.last@): letters only between the dots."""

MAILBOX_WORDS = frozenset(
    [
        "account",
        "accounts",
        "admin",
        "admins",
        "alerts",
        "brand",
        "care",
        "comms",
        "communication",
        "communications",
        "community",
        "contact",
        "content",
        "customer",
        "digital",
        "editor",
        "editorial",
        "help",
        "hello",
        "info",
        "it",
        "kundeservice",
        "marketing",
        "media",
        "news",
        "newsroom",
        "noreply",
        "office",
        "online",
        "ops",
        "platform",
        "post",
        "posts",
        "pr",
        "press",
        "recovery",
        "sales",
        "security",
        "service",
        "social",
        "sosiale",
        "support",
        "team",
        "web",
    ]
)
"""Words that name a function rather than a person: social.media@ is a shared mailbox."""


class PersonalLoginContact(Rule):
    """A login or recovery e-mail is a person's own address, not a shared mailbox.

    ### What it checks
    `credentials.login_email` and `recovery.email` should be shared mailboxes the company controls
    (social-admin@, social-recovery@), so that the account survives any one person.

    ### Why it matters
    An address that is a person's work e-mail on the roster, or that looks like one
    (firstname.lastname@), ties the login or the recovery to that person: when they leave and their
    mailbox is closed, password resets and security codes go nowhere — or to whoever inherits the
    mailbox. The finding names whose address it is, never the address.

    ### Example
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          credentials:
            login_email: carl.johansson@nordlys.example
    ```

    ### Fix
    Create or use a shared mailbox (with at least two people able to read it), change the login or
    recovery e-mail on the platform, and update the registry.
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          credentials:
            login_email: social-admin@nordlys.example
    ```
    """

    code = "GK307"
    name = "personal-login-contact"
    severity = "warning"
    needs = (AccountRegistry, People)
    controls = ("SOC2:CC6.1", "ISO27001:A.5.16", "ISO27001:A.5.17", "NIST:AC-2(10)", "CIS:5")

    def check(self, context: Context) -> Iterator[Finding]:
        governance = context.governance
        owners = roster_emails(governance)
        for account, where in in_use(governance):
            addresses = [
                (("credentials", "login_email"), "login e-mail", account.credentials.login_email)
            ]
            if account.recovery is not None:
                addresses.append((("recovery", "email"), "recovery e-mail", account.recovery.email))
            for path, label, address in addresses:
                whose = personal(address, owners)
                if whose is None:
                    continue
                yield self.finding(
                    where.child(*path),
                    f"account '{account.id}': the {label} {whose}",
                    target=account.id,
                    hint="use a shared mailbox the company controls, and change it on the platform",
                )


def personal(address: str | None, owners: dict[str, str]) -> str | None:
    """How an address is personal ('is the address of X', 'looks like ...'), or None."""
    if not address:
        return None
    owner = owners.get(address.lower())
    if owner is not None:
        return f"is the personal address of '{owner}'"
    if FIRST_LAST.match(address) and not _names_a_function(address):
        return "looks like a personal address (firstname.lastname@)"
    return None


def _names_a_function(address: str) -> bool:
    local = address.split("@", 1)[0].lower()
    return any(part in MAILBOX_WORDS for part in local.split("."))


def roster_emails(governance: Governance) -> dict[str, str]:
    return {person.email.lower(): person.id for person in governance.people.values()}
