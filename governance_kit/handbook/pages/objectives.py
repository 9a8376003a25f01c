"""Objectives: what we want to achieve on each channel, how we measure it, and how we did."""

from __future__ import annotations

from ...markup.escape import cell, text
from ...markup.markdown import table
from ...model.objectives import Kpi, Objective, Objectives, period_start
from ..published import PublishedGovernance
from ..words import N_, _, number

DIRECTION = {"at-least": N_("at least {target}"), "at-most": N_("at most {target}")}


def body(context: PublishedGovernance) -> list[str]:
    spec = context.spec(Objectives)
    lines: list[str] = []
    for objective in spec.objectives:
        lines += [
            "## " + context.channel(objective.channel),
            "",
            "**" + _("Goal:") + "** " + text(objective.goal),
            "",
            *table(
                [_("Measure"), _("Target"), _("Source")],
                [[cell(k.name), _target(k), cell(k.source)] for k in objective.kpis],
            ),
            *_actuals(objective),
        ]
    return lines


def _target(kpi: Kpi) -> str:
    return _(DIRECTION[kpi.direction]).format(target=number(kpi.target)) + " " + cell(kpi.unit)


def _actuals(objective: Objective) -> list[str]:
    """The recorded values against the target, per KPI and period (oldest first)."""
    rows = [
        [
            cell(kpi.name),
            cell(actual.period),
            number(actual.value) + " " + cell(kpi.unit),
            _target(kpi),
            _("missed") if kpi.missed(actual.value) else _("met"),
            cell(actual.note),
        ]
        for kpi in objective.kpis
        for actual in sorted(kpi.actuals, key=lambda a: period_start(a.period))
    ]
    if not rows:
        return []
    return [
        "**" + _("Results so far") + "**",
        "",
        *table(
            [_("Measure"), _("Period"), _("Result"), _("Target"), _("Target met"), _("Note")], rows
        ),
    ]
