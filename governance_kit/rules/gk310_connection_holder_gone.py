"""GK310 connection-holder-gone."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.connections import Connections
from ..model.people import People
from .base import Context, Rule


class ConnectionHolderGone(Rule):
    """A connected tool or agency is held by someone who has left or is leaving.

    ### What it checks
    Every connection in a Connections document names its `holder`: the person who authorised the
    tool on the accounts or holds its login, or the agency's contact. The holder must not have
    left (status `left`, or a last working day before today): an error. A holder whose last day
    falls within `leaving_horizon_days` (Settings), or who is leaving without a date, is a
    warning, so that the tool is reconnected while they are still here (`govkit handover` does
    it).

    ### Why it matters
    A platform token outlives the person who granted it: a scheduling tool keeps publishing, and a
    listening tool keeps reading, in the name of someone who no longer works for the company, and
    nobody notices when it is misused or breaks. Access reviews of the accounts do not show it.

    ### Example
    ```yaml
    kind: Connections
    spec:
      connections:
        - id: hootsuite
          holder: lars
    ```

    ### Fix
    Revoke the token in the platform's settings, reconnect the tool under someone who is here, and
    update `holder` (and `secret_ref`).
    ```yaml
    kind: Connections
    spec:
      connections:
        - id: hootsuite
          holder: ana
    ```
    """

    code = "GK310"
    name = "connection-holder-gone"
    severity = "error"
    needs = (Connections, People)
    reads_settings = ("leaving_horizon_days",)
    controls = ("SOC2:CC6.3", "ISO27001:A.5.18", "ISO27001:A.6.5", "NIST:PS-4", "NIST:AC-2")

    def check(self, context: Context) -> Iterator[Finding]:
        governance = context.governance
        horizon = context.settings.leaving_horizon_days
        for connection, where in governance.located("connection"):
            person = governance.people.get(connection.holder)
            gone = person.departure(context.today, horizon) if person is not None else None
            if person is None or gone is None:
                continue
            yield self.finding(
                where.child("holder"),
                f"connection '{connection.id}' ({connection.name}) is held by "
                f"'{person.id}', who {gone}",
                target=connection.id,
                severity="error" if person.gone(context.today) else "warning",
                hint="revoke the token on the platforms, reconnect it under someone who is "
                "here and update 'holder' (govkit handover does it)",
            )
