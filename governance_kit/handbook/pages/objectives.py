"""Objectives: what we want to achieve on each channel and how we measure it."""

from __future__ import annotations

from ...markup.escape import cell, text
from ...markup.markdown import table
from ...model.objectives import Objectives
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
                [
                    [
                        cell(k.name),
                        _(DIRECTION[k.direction]).format(target=number(k.target))
                        + " "
                        + cell(k.unit),
                        cell(k.source),
                    ]
                    for k in objective.kpis
                ],
            ),
        ]
    return lines
