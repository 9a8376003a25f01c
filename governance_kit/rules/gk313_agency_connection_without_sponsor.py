"""GK313 agency-connection-without-sponsor."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.connections import Connection, Connections
from ..model.governance import Governance
from ..model.people import People
from .base import Context, Rule


class AgencyConnectionWithoutSponsor(Rule):
    """An agency connected to accounts has no employee who answers for it.

    ### What it checks
    A connection of `type: agency` names, in `sponsor`, an employee who answers for the agency's
    work and access; when it has none, the sponsor of its `holder` on the roster counts. The
    sponsor must be on the roster as an employee (`employment: employee`) and must not have left.

    ### Why it matters
    An agency acts on the accounts under a contract, not an employment: nobody inside the company
    sees when its people change, when the contract ends, or what it publishes, unless one employee
    answers for it. Without one, the agency's access survives the end of the contract.

    ### Example
    ```yaml
    kind: Connections
    spec:
      connections:
        - id: nattravn
          sponsor: ola
    ```

    ### Fix
    Name the employee who manages the agency contract in `sponsor`.
    ```yaml
    kind: Connections
    spec:
      connections:
        - id: nattravn
          sponsor: erik
    ```
    """

    code = "GK313"
    name = "agency-connection-without-sponsor"
    severity = "error"
    needs = (Connections, People)
    controls = ("SOC2:CC6.2", "ISO27001:A.5.18", "NIST:PS-7")

    def check(self, context: Context) -> Iterator[Finding]:
        governance = context.governance
        for connection, where in governance.located("connection"):
            if connection.type != "agency":
                continue
            problem = self.problem(governance, connection, context)
            if problem is None:
                continue
            field = "sponsor" if connection.sponsor else "holder"
            yield self.finding(
                where.child(field),
                f"agency connection '{connection.id}' ({connection.name}) {problem}",
                target=connection.id,
                hint="name the employee who answers for the agency in 'sponsor'",
            )

    @staticmethod
    def problem(governance: Governance, connection: Connection, context: Context) -> str | None:
        """Why the agency has no sponsor who answers for it, or None."""
        holder = governance.people.get(connection.holder)
        ident = connection.sponsor or (holder.sponsor if holder else None)
        sponsor = governance.people.get(ident) if ident else None
        if ident is None:
            return "has no sponsor employee"
        if sponsor is None:
            return None
        if sponsor.employment != "employee":
            return f"is sponsored by '{ident}', who is not an employee ({sponsor.employment})"
        if sponsor.gone(context.today):
            return f"is sponsored by '{ident}', who {sponsor.departure(context.today, 0)}"
        return None
