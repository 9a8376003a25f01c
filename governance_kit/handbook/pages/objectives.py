"""Objectives: what we want to achieve on each channel, how we measure it, and how we did."""

from __future__ import annotations

from ...markup.escape import cell, text
from ...markup.markdown import table
from ...model.objectives import Kpi, Objective, Objectives, period_start
from ..published import PublishedGovernance

DIRECTION = {"at-least": "at least", "at-most": "at most"}


def body(context: PublishedGovernance) -> list[str]:
    spec = context.spec(Objectives)
    lines: list[str] = []
    for objective in spec.objectives:
        lines += [
            f"## {context.channel(objective.channel)}",
            "",
            f"**Goal:** {text(objective.goal)}",
            "",
            *table(
                ["Measure", "Target", "Source"],
                [[cell(k.name), _target(k), cell(k.source)] for k in objective.kpis],
            ),
            *_actuals(objective),
        ]
    return lines


def _target(kpi: Kpi) -> str:
    return f"{DIRECTION[kpi.direction]} {kpi.target:g} {cell(kpi.unit)}"


def _actuals(objective: Objective) -> list[str]:
    """The recorded values against the target, per KPI and period (oldest first)."""
    rows = [
        [
            cell(kpi.name),
            cell(actual.period),
            f"{actual.value:g} {cell(kpi.unit)}",
            _target(kpi),
            "missed" if kpi.missed(actual.value) else "met",
            cell(actual.note),
        ]
        for kpi in objective.kpis
        for actual in sorted(kpi.actuals, key=lambda a: period_start(a.period))
    ]
    if not rows:
        return []
    return [
        "**Results so far**",
        "",
        *table(["Measure", "Period", "Result", "Target", "Target met", "Note"], rows),
    ]
