"""The KPIs of the Objectives, each with where it stands, for the KPI rules (GK121, GK122)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model.governance import Governance, Location
from ..model.objectives import Kpi, Objectives


def located_kpis(
    governance: Governance, *, in_force: bool = False
) -> Iterator[tuple[Kpi, Location]]:
    """Every KPI of every Objectives document (only those in force, with `in_force`)."""
    for document in governance.of_kind(Objectives):
        if in_force and document.model.metadata.status != "in-force":
            continue
        for o, objective in enumerate(document.model.spec.objectives):
            for k, kpi in enumerate(objective.kpis):
                yield kpi, Location(document, ("spec", "objectives", o, "kpis", k))
