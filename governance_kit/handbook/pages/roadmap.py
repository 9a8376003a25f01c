"""Roadmap: each rollout plan's milestones as a timeline, by due date, with owner and status."""

from __future__ import annotations

from ...markup.escape import cell, text
from ...markup.markdown import table
from ...model.roadmap import OPEN, Milestone, Roadmap
from ..published import PublishedGovernance
from ..words import N_, _, date

STATUS = {
    "planned": N_("Planned"),
    "in_progress": N_("In progress"),
    "done": N_("Done"),
    "dropped": N_("Dropped"),
}


def body(context: PublishedGovernance) -> list[str]:
    documents = context.documents(Roadmap)
    lines: list[str] = []
    for document in documents:
        spec = document.model.spec
        if len(documents) > 1:
            lines += [f"## {text(document.model.metadata.title)}", ""]
        if spec.goal:
            lines += ["**" + _("Goal:") + "** " + text(spec.goal), ""]
        if spec.starts:
            lines += ["**" + _("Started:") + "** " + date(spec.starts), ""]
        lines += table(
            [_("Due"), _("Milestone"), _("Owner"), _("Status"), _("Done on"), _("Notes")],
            [_row(m, context) for m in sorted(spec.milestones, key=lambda m: m.due)],
        )
    return lines


def _row(milestone: Milestone, context: PublishedGovernance) -> list[str]:
    status = _(STATUS[milestone.status])
    if milestone.status in OPEN and milestone.due < context.today:
        status = _("{status} (**overdue**)").format(status=status)
    return [
        date(milestone.due),
        cell(milestone.title),
        context.person(milestone.owner),
        status,
        date(milestone.done_on) if milestone.done_on else "—",
        cell(milestone.notes),
    ]
