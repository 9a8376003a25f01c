"""GK312 connection-to-archived-account."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.accounts import AccountRegistry
from ..model.connections import Connections
from .base import Context, Rule


class ConnectionToArchivedAccount(Rule):
    """A tool or agency is still connected to an archived account.

    ### What it checks
    No connection lists, in `accounts`, an account whose status in the registry is `archived`.

    ### Why it matters
    Archiving an account takes its people's access away (GK703), but a connected tool keeps its
    token: it can still publish on, or read from, an account nobody watches any more, which is
    where a hijacked account does most damage unnoticed.

    ### Example
    ```yaml
    kind: Connections
    spec:
      connections:
        - id: hootsuite
          accounts: [instagram-nordlysoutdoor, youtube-sverige-legacy]
    ```

    ### Fix
    Disconnect the tool from the account in the platform's settings and remove the account from
    the connection's `accounts`.
    ```yaml
    kind: Connections
    spec:
      connections:
        - id: hootsuite
          accounts: [instagram-nordlysoutdoor]
    ```
    """

    code = "GK312"
    name = "connection-to-archived-account"
    severity = "warning"
    needs = (Connections, AccountRegistry)
    controls = ("SOC2:CC6.3", "ISO27001:A.5.9", "ISO27001:A.5.18", "NIST:AC-2")

    def check(self, context: Context) -> Iterator[Finding]:
        governance = context.governance
        for connection, where in governance.located("connection"):
            for index, ident in enumerate(connection.accounts):
                account = governance.accounts.get(ident)
                if account is None or account.status != "archived":
                    continue
                yield self.finding(
                    where.child("accounts", index),
                    f"connection '{connection.id}' ({connection.name}) is still connected to "
                    f"archived account '{ident}'",
                    target=connection.id,
                    hint="disconnect it in the platform's settings and remove the account "
                    "from 'accounts'",
                )
