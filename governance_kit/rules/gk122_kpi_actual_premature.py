"""GK122 kpi-actual-premature."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.governance import Location
from ..model.objectives import Kpi, Objectives, period_end
from ._kpis import located_kpis
from .base import Context, Rule


class KpiActualPremature(Rule):
    """A KPI records a value for a period that has not ended, or twice for one period.

    ### What it checks
    Each entry of a KPI's `actuals` is what was measured over a whole reporting period. The rule
    reports an entry whose period (month, quarter or year) ends today or later, and an entry for
    a period the KPI has already recorded.

    ### Why it matters
    A figure for a period that is not over is a forecast or a typo (2027-10 for 2026-10), and two
    figures for one period leave the reader to guess which is true; either way GK121 and the
    handbook's table of actuals would judge the KPI on a number nobody measured.

    ### Example
    ```yaml
    kind: Objectives
    spec:
      objectives:
        - id: obj-instagram-inspire
          kpis:
            - id: ig-engagement-rate
              actuals:
                - {period: 2026-12, value: 4.4}
    ```

    ### Fix
    Record the period that was measured, once it has ended.
    ```yaml
    kind: Objectives
    spec:
      objectives:
        - id: obj-instagram-inspire
          kpis:
            - id: ig-engagement-rate
              actuals:
                - {period: 2026-10, value: 4.4}
    ```
    """

    code = "GK122"
    name = "kpi-actual-premature"
    severity = "error"
    needs = (Objectives,)
    controls = ("SOC2:CC2.1",)

    def check(self, context: Context) -> Iterator[Finding]:
        for kpi, where in located_kpis(context.governance):
            yield from self._judge(kpi, where, context)

    def _judge(self, kpi: Kpi, where: Location, context: Context) -> Iterator[Finding]:
        seen: set[str] = set()
        for index, actual in enumerate(kpi.actuals):
            at = where.child("actuals", index, "period")
            end = period_end(actual.period)
            if end >= context.today:
                yield self.finding(
                    at,
                    f"KPI '{kpi.id}' records a value for {actual.period}, which ends on "
                    f"{end.isoformat()}, not before today",
                    target=kpi.id,
                    hint="record a period once it has ended; check the year",
                )
            elif actual.period in seen:
                yield self.finding(
                    at,
                    f"KPI '{kpi.id}' records {actual.period} twice",
                    target=kpi.id,
                    hint="keep one value per period",
                )
            seen.add(actual.period)
