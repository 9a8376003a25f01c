"""Training: the courses, what each role must complete, and how long completions last."""

from __future__ import annotations

from ...markup.escape import cell, link
from ...markup.markdown import table
from ...model.advocacy import AdvocacyProgramme
from ...model.training import TrainingPlan
from ..published import PublishedGovernance
from ..words import _, interval, listing


def body(context: PublishedGovernance) -> list[str]:
    spec = context.spec(TrainingPlan)
    courses = {c.id: c for c in spec.courses}
    lines = ["## " + _("Courses"), ""]
    lines += table(
        [_("Course"), _("What it teaches"), _("Refresh"), _("Where to take it")],
        [
            [
                cell(c.name),
                cell(c.description),
                cell(interval(c.refresh)) if c.refresh else _("Once"),
                link(_("Open the course"), c.link) if c.link else "—",
            ]
            for c in spec.courses
        ],
    )

    def names(ids: list[str]) -> str:
        return listing([cell(courses[i].name if i in courses else i) for i in ids]) or "—"

    if spec.requirements:
        lines += ["## " + _("Required courses by role"), ""]
        lines += table(
            [_("Role"), _("Required courses")],
            [[context.role(r.role), names(r.courses)] for r in spec.requirements],
        )
    extra = []
    if spec.account_access_courses:
        extra.append(
            [
                _("Anyone with access to an official account, or owning one"),
                names(spec.account_access_courses),
            ]
        )
    if spec.moderation_courses:
        extra.append([_("Anyone on the moderation rota"), names(spec.moderation_courses)])
    for programme in context.documents(AdvocacyProgramme):
        if programme.model.spec.courses and programme.model.metadata.status == "in-force":
            who = _("Members of {programme}").format(programme=cell(programme.model.metadata.title))
            extra.append([who, names(programme.model.spec.courses)])
    if extra:
        lines += ["## " + _("Required for everyone who"), ""]
        lines += table([_("Who"), _("Required courses")], extra)
    lines += [
        _(
            "A completed course stays valid for its refresh interval; take it again before it "
            "runs out."
        ),
        "",
    ]
    return lines
