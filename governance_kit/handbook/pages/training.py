"""Training: the courses, what each role must complete, and how long completions last."""

from __future__ import annotations

from ...markup.escape import cell, link
from ...markup.markdown import table
from ...model.advocacy import AdvocacyProgramme
from ...model.training import TrainingPlan
from ..published import PublishedGovernance
from ..words import interval


def body(context: PublishedGovernance) -> list[str]:
    spec = context.spec(TrainingPlan)
    courses = {c.id: c for c in spec.courses}
    lines = ["## Courses", ""]
    lines += table(
        ["Course", "What it teaches", "Refresh", "Where to take it"],
        [
            [
                cell(c.name),
                cell(c.description),
                cell(interval(c.refresh)) if c.refresh else "Once",
                link("Open the course", c.link) if c.link else "—",
            ]
            for c in spec.courses
        ],
    )

    def names(ids: list[str]) -> str:
        return ", ".join(cell(courses[i].name if i in courses else i) for i in ids) or "—"

    if spec.requirements:
        lines += ["## Required courses by role", ""]
        lines += table(
            ["Role", "Required courses"],
            [[context.role(r.role), names(r.courses)] for r in spec.requirements],
        )
    extra = []
    if spec.account_access_courses:
        extra.append(
            [
                "Anyone with access to an official account, or owning one",
                names(spec.account_access_courses),
            ]
        )
    if spec.moderation_courses:
        extra.append(["Anyone on the moderation rota", names(spec.moderation_courses)])
    for programme in context.documents(AdvocacyProgramme):
        if programme.model.spec.courses and programme.model.metadata.status == "in-force":
            who = f"Members of {cell(programme.model.metadata.title)}"
            extra.append([who, names(programme.model.spec.courses)])
    if extra:
        lines += ["## Required for everyone who", ""]
        lines += table(["Who", "Required courses"], extra)
    lines += [
        "A completed course stays valid for its refresh interval; take it again before it "
        "runs out.",
        "",
    ]
    return lines
