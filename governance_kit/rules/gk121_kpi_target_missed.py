"""GK121 kpi-target-missed."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.governance import Location
from ..model.objectives import Kpi, Objectives, period_start
from ._kpis import located_kpis
from .base import Context, Rule

DIRECTION = {"at-least": "at least", "at-most": "at most"}


class KpiTargetMissed(Rule):
    """A KPI missed its target in each of its latest recorded periods.

    ### What it checks
    A KPI of the Objectives may record what was measured, one value per reporting period (a
    month `2026-10`, a quarter `2026-Q3` or a year `2026`) in `actuals`. The rule takes the
    latest recorded periods of each KPI, as many as `kpi_missed_periods` in Settings
    (`spec.check`, default 2), and reports the KPI when every one of them missed the target: below
    it for `direction: at-least`, above it for `direction: at-most`. The finding names the KPI,
    the target, the periods and the values.

    ### Why it matters
    One bad month is noise; a target missed period after period means the objective, the target
    or the way of working needs a decision. Measuring success is only useful when someone acts
    on the measurement.

    ### Example
    ```yaml
    kind: Objectives
    spec:
      objectives:
        - id: obj-instagram-inspire
          kpis:
            - id: ig-engagement-rate
              actuals:
                - {period: 2026-09, value: 3.6}
                - {period: 2026-10, value: 3.8}
    ```

    ### Fix
    Decide what to do and record it: change the way of working, or change the target with the
    objectives' approvers (a new version of the document). Once a recorded period meets the target
    again the KPI is no longer reported.
    ```yaml
    kind: Objectives
    spec:
      objectives:
        - id: obj-instagram-inspire
          kpis:
            - id: ig-engagement-rate
              actuals:
                - {period: 2026-09, value: 3.6}
                - {period: 2026-10, value: 4.2}
    ```
    """

    code = "GK121"
    name = "kpi-target-missed"
    severity = "warning"
    needs = (Objectives,)
    controls = ("SOC2:CC2.1", "SOC2:CC3.2", "NIST:CA-5")
    reads_settings = ("kpi_missed_periods",)

    def check(self, context: Context) -> Iterator[Finding]:
        wanted = context.settings.kpi_missed_periods
        for kpi, where in located_kpis(context.governance, in_force=True):
            finding = self._judge(kpi, wanted, where.child("actuals"))
            if finding is not None:
                yield finding

    def _judge(self, kpi: Kpi, wanted: int, where: Location) -> Finding | None:
        latest = sorted(kpi.actuals, key=lambda a: period_start(a.period))[-wanted:]
        if len(latest) < wanted or not all(kpi.missed(a.value) for a in latest):
            return None
        values = ", ".join(f"{a.period}: {a.value:g}" for a in latest)
        return self.finding(
            where,
            f"KPI '{kpi.id}' missed its target ({DIRECTION[kpi.direction]} {kpi.target:g} "
            f"{kpi.unit}) in the last {wanted} recorded periods ({values})",
            target=kpi.id,
            hint="decide what to change and record it, or revise the target with the approvers",
            key=True,
        )
