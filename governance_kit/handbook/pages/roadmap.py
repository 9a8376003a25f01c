"""Roadmap: each rollout plan's milestones as a timeline, by due date, with owner and status."""

from __future__ import annotations

from ...markup.escape import cell, text
from ...markup.markdown import table
from ...model.roadmap import OPEN, Milestone, Roadmap
from ..published import PublishedGovernance

STATUS = {"planned": "Planned", "in_progress": "In progress", "done": "Done", "dropped": "Dropped"}


def body(context: PublishedGovernance) -> list[str]:
    documents = context.documents(Roadmap)
    lines: list[str] = []
    for document in documents:
        spec = document.model.spec
        if len(documents) > 1:
            lines += [f"## {text(document.model.metadata.title)}", ""]
        if spec.goal:
            lines += [f"**Goal:** {text(spec.goal)}", ""]
        if spec.starts:
            lines += [f"**Started:** {spec.starts.isoformat()}", ""]
        lines += table(
            ["Due", "Milestone", "Owner", "Status", "Done on", "Notes"],
            [_row(m, context) for m in sorted(spec.milestones, key=lambda m: m.due)],
        )
    return lines


def _row(milestone: Milestone, context: PublishedGovernance) -> list[str]:
    status = STATUS[milestone.status]
    if milestone.status in OPEN and milestone.due < context.today:
        status += " (**overdue**)"
    return [
        milestone.due.isoformat(),
        cell(milestone.title),
        context.person(milestone.owner),
        status,
        milestone.done_on.isoformat() if milestone.done_on else "—",
        cell(milestone.notes),
    ]
