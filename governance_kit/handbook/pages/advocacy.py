"""The ambassador programme: what it is, what every member must do, the training, the members."""

from __future__ import annotations

from ...markup.escape import cell, text
from ...markup.markdown import admonition, bullets, table
from ...model.advocacy import AdvocacyProgramme, AdvocacySpec
from ...model.governance import SourceDocument
from ...model.training import TrainingPlan
from ..published import PublishedGovernance
from ..words import _, date, interval, listing, platform


def training(context: PublishedGovernance, spec: AdvocacySpec) -> list[str]:
    if not spec.courses:
        return [_("No course is required to take part."), ""]
    plan = context.spec(TrainingPlan)
    courses = {c.id: c for c in plan.courses} if plan else {}
    rows = []
    for ident in spec.courses:
        course = courses.get(ident)
        refresh = interval(course.refresh) if course and course.refresh else _("Once")
        rows.append([cell(course.name if course else ident), cell(refresh)])
    return [
        _(
            "Every ambassador completes these courses before joining, and again before a "
            "completion runs out:"
        ),
        "",
        *table([_("Course"), _("Take it again")], rows),
    ]


def members(context: PublishedGovernance, spec: AdvocacySpec) -> list[str]:
    people = context.governance.people
    rows = []
    for member in spec.members:
        person = people.get(member.person)
        if person is not None and person.gone(context.today):
            continue
        rows.append(
            [
                context.person(member.person),
                cell(person.team if person else "—"),
                cell(listing([platform(p) for p in member.platforms])),
                date(member.joined),
            ]
        )
    if not rows:
        return [_("The programme has no members yet."), ""]
    return table([_("Ambassador"), _("Team"), _("Posts on"), _("Member since")], rows)


def programme(context: PublishedGovernance, document: SourceDocument, level: str) -> list[str]:
    spec: AdvocacySpec = document.model.spec
    contact = spec.contact or document.model.metadata.owner
    lines = [text(spec.summary), ""]
    lines += [f"{level} " + _("What every ambassador must do"), ""]
    lines += admonition(
        "important", _("Always say that you work for us"), [text(spec.disclosure_rule)]
    )
    lines += bullets(text(g) for g in spec.guidelines) if spec.guidelines else []
    lines += [
        _(
            "When you join, you confirm in writing that you have read this page; when its rules "
            "change in a new major version, you confirm again."
        ),
        "",
    ]
    lines += [f"{level} " + _("Training"), "", *training(context, spec)]
    lines += [f"{level} " + _("Ambassadors"), "", *members(context, spec)]
    questions = _("Questions about the programme: {person}.")
    lines += [questions.format(person=context.person(contact)), ""]
    return lines


def body(context: PublishedGovernance) -> list[str]:
    documents = context.documents(AdvocacyProgramme)
    if len(documents) == 1:
        return programme(context, documents[0], "##")
    lines: list[str] = []
    for document in documents:
        lines += [f"## {text(document.model.metadata.title)}", ""]
        lines += programme(context, document, "###")
    return lines
