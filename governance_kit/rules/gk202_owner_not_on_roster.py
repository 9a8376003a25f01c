"""GK202 owner-not-on-roster."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..loading.suggest import did_you_mean
from ..model.accounts import AccountRegistry
from ..model.people import People
from ._accounts import in_use
from .base import Context, Rule


class OwnerNotOnRoster(Rule):
    """An account's business or backup owner is not on the roster.

    ### What it checks
    The owner fields name a person id that no People document defines: a spelling mistake, or
    someone removed from the roster while still owning an account.

    ### Why it matters
    Either way the account has no owner anyone can reach, and the continuity rules cannot tell
    whether they are still here.

    ### Example
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          business_owner: zed
    ```

    ### Fix
    Correct the id (the hint names the closest person on the roster), or hand the account over to
    someone on the roster. Keep people who have left on the roster with `status: left` until their
    accounts are handed over.
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: instagram-teampro
          business_owner: carl
    ```
    """

    code = "GK202"
    name = "owner-not-on-roster"
    severity = "error"
    needs = (AccountRegistry, People)
    controls = ("SOC2:CC6.2", "ISO27001:A.5.9", "NIST:AC-2")

    def check(self, context: Context) -> Iterator[Finding]:
        people = context.governance.people
        for account, where in in_use(context.governance):
            for field in ("business_owner", "backup_owner"):
                owner = getattr(account, field)
                if owner is None or owner in people:
                    continue
                role = field.replace("_", " ")
                yield self.finding(
                    where.child(field),
                    f"account '{account.id}': {role} '{owner}' is not a person on the roster",
                    target=account.id,
                    hint=_hint(owner, list(people)),
                )


def _hint(owner: str, known: list[str]) -> str:
    return did_you_mean(owner, known) or "add the person to the roster or name someone who is on it"
