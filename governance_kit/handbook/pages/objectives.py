"""Objectives: what we want to achieve on each channel and how we measure it."""

from __future__ import annotations

from ...markup.escape import cell, text
from ...markup.markdown import table
from ...model.objectives import Objectives
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
                [
                    [
                        cell(k.name),
                        f"{DIRECTION[k.direction]} {k.target:g} {cell(k.unit)}",
                        cell(k.source),
                    ]
                    for k in objective.kpis
                ],
            ),
        ]
    return lines
