"""GK703 archived-account-with-access."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.accounts import AccountRegistry
from ._accounts import accounts
from .base import Context, Rule


class ArchivedAccountWithAccess(Rule):
    """An archived account still lists admins or a credential reference.

    ### What it checks
    An account with `status: archived` still lists admins in `access`, or a
    `credentials.secret_ref`.

    ### Why it matters
    Archiving an account means it is closed or frozen: nobody posts, nobody administers it. An
    archived entry that still lists admins in `access`, or a `credentials.secret_ref`, says that
    people can still log in — so either the account is not really archived, or access and the
    stored login were forgotten when it was. Forgotten logins of old accounts are a favourite
    target: nobody notices when they are taken over.

    ### Example
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: youtube-sverige-legacy
          access:
            - {person: ana, level: admin, granted: 2016-05-03}
    ```

    ### Fix
    Remove the admin roles on the platform (or delete the account), delete the login from the secret
    manager, and remove the `access` entries and `secret_ref` from the registry.
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: youtube-sverige-legacy
          access: []
    ```
    """

    code = "GK703"
    name = "archived-account-with-access"
    severity = "warning"
    needs = (AccountRegistry,)
    controls = ("SOC2:CC6.2", "SOC2:CC6.3", "ISO27001:A.5.9", "ISO27001:A.5.18", "CIS:5")

    def check(self, context: Context) -> Iterator[Finding]:
        for account, where in accounts(context.governance, "archived"):
            admins = sorted({e.person for e in account.access if e.level == "admin"})
            kept = []
            if admins:
                kept.append("admins " + ", ".join(f"'{a}'" for a in admins))
            if account.credentials.secret_ref:
                kept.append("a credential reference")
            if not kept:
                continue
            here = where.child("access") if admins else where.child("credentials", "secret_ref")
            yield self.finding(
                here,
                f"archived account '{account.id}' still lists {' and '.join(kept)}",
                target=account.id,
                hint="remove admin roles and the stored login, then the entries here",
            )
