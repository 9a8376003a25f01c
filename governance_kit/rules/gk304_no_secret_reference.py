"""GK304 no-secret-reference."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.accounts import AccountRegistry
from ._accounts import in_use
from .base import Context, Rule


class NoSecretReference(Rule):
    """An active or dormant account has no secret-manager reference for its login.

    ### What it checks
    An active or dormant account without `credentials.secret_ref` has its password somewhere nobody
    can point to: in someone's head, browser or notebook.

    ### Why it matters
    When that person is away or leaves, the login is lost, and nobody can rotate what nobody can
    find.

    ### Example
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          credentials:
            secret_ref: null
    ```

    ### Fix
    Store the login in the company's secret manager and write the reference in
    `credentials.secret_ref`, e.g. `op://social-accounts/instagram-main`. Never write the password
    itself in a policy file.
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          credentials:
            secret_ref: op://social-accounts/instagram-teampro
    ```
    """

    code = "GK304"
    name = "no-secret-reference"
    severity = "error"
    needs = (AccountRegistry,)
    controls = ("SOC2:CC6.1", "ISO27001:A.5.17", "CIS:5")

    def check(self, context: Context) -> Iterator[Finding]:
        for account, where in in_use(context.governance):
            if account.credentials.secret_ref is None:
                yield self.finding(
                    where.child("credentials", "secret_ref"),
                    f"account '{account.id}' has no secret-manager reference for its login",
                    target=account.id,
                    hint="store the login in the secret manager and set 'credentials.secret_ref'",
                )
