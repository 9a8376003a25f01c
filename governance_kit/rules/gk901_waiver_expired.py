"""GK901 waiver-expired."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.waivers import Waivers
from .base import Context, Rule


class WaiverExpired(Rule):
    """A waiver's expiry date has passed.

    ### What it checks
    A waiver's `expires` date has passed.

    ### Why it matters
    A waiver accepts a risk until its `expires` date. After that the finding it covered is
    reported again, and the expired waiver is reported too, so that the accepted risk is either
    fixed or consciously accepted again, not silently forgotten.

    ### Example
    ```yaml
    kind: Waivers
    spec:
      waivers:
        - id: w-2026-engage-single-admin
          expires: 2026-10-31
    ```

    ### Fix
    Fix what the waiver covered and delete the waiver, or, if the risk is still accepted, have it
    approved again and set a new `approved_on` and `expires`.
    ```yaml
    kind: Waivers
    spec:
      waivers:
        - id: w-2026-engage-single-admin
          expires: 2028-03-31
    ```
    """

    code = "GK901"
    name = "waiver-expired"
    severity = "error"
    needs = (Waivers,)
    controls = ("SOC2:CC3.2", "ISO27001:A.5.1", "NIST:CA-5")

    def check(self, context: Context) -> Iterator[Finding]:
        governance = context.governance
        for ident, waiver in governance.waivers.items():
            if waiver.expires < context.today:
                yield self.finding(
                    governance.locate("waiver", ident).child("expires"),
                    f"waiver '{ident}' of {waiver.rule} for '{waiver.target}' expired on "
                    f"{waiver.expires.isoformat()}",
                    target=ident,
                    hint="fix the finding and delete the waiver, or renew its approval and "
                    "'expires'",
                )
