"""What every policy page shows about its source documents: status, review, change history."""

from __future__ import annotations

import datetime as dt

from ..git.file_log import git_history
from ..markup.escape import cell, text
from ..markup.markdown import admonition, table
from ..model.governance import SourceDocument
from .published import PublishedGovernance
from .words import _, date, ngettext


def next_review(document: SourceDocument) -> dt.date:
    return document.model.metadata.next_review()


def notices(document: SourceDocument, context: PublishedGovernance) -> list[str]:
    """A danger notice when the review is overdue; a warning for drafts and retired policies."""
    meta = document.model.metadata
    title = f"**{text(meta.title)}**"
    if meta.status == "draft":
        return admonition(
            "warning",
            _("Draft"),
            [_("{title} is a draft and does not apply yet.").format(title=title)],
        )
    if meta.status == "retired":
        return admonition(
            "warning",
            _("Retired"),
            [_("{title} is retired and no longer applies.").format(title=title)],
        )
    due = next_review(document)
    if due >= context.today:
        return []
    late = (context.today - due).days
    return admonition(
        "danger",
        _("Review overdue"),
        [
            ngettext(
                "The review of {title} was due on {date} ({days} day ago). Parts of this page "
                "may be out of date: if in doubt, ask the owner, {owner}.",
                "The review of {title} was due on {date} ({days} days ago). Parts of this page "
                "may be out of date: if in doubt, ask the owner, {owner}.",
                late,
            ).format(title=title, date=date(due), days=late, owner=context.person(meta.owner))
        ],
    )


def metadata_box(document: SourceDocument, context: PublishedGovernance) -> list[str]:
    """An info admonition with version, owner, dates and approval of a policy document."""
    meta = document.model.metadata
    review = meta.review
    last = date(review.last_reviewed) if review.last_reviewed else _("never")
    if review.last_reviewed and review.reviewed_by:
        last = _("{date} by {person}").format(date=last, person=context.person(review.reviewed_by))
    approved = context.person(meta.approved_by) if meta.approved_by else "—"
    if meta.approved_by and meta.approved_on:
        approved = _("{person} on {date}").format(person=approved, date=date(meta.approved_on))
    body = [f"**{text(meta.title)}**", ""]
    if meta.description:
        body += [text(meta.description), ""]
    body += table(
        [
            _("Version"),
            _("Owner"),
            _("Effective"),
            _("Last review"),
            _("Next review"),
            _("Approved by"),
        ],
        [
            [
                cell(meta.version),
                context.person(meta.owner),
                date(meta.effective_date),
                last,
                date(next_review(document)),
                approved,
            ]
        ],
    )
    return admonition("info", _("About this policy"), body)


def change_history(document: SourceDocument) -> list[str]:
    """Commits touching the source file (newest first), then the versions in its metadata."""
    meta = document.model.metadata
    lines: list[str] = []
    commits = git_history(document.path)
    if commits:
        lines += table(
            [_("Date"), _("Author"), _("Change")],
            [[date(c.date), cell(c.author), cell(c.subject)] for c in commits],
        )
    elif commits is None:
        lines += [_("The source file is not kept in Git; the versions below are all we know."), ""]
    versions = [[cell(meta.version), date(meta.effective_date), cell(meta.change_summary)]]
    versions += [
        [cell(entry.version), date(entry.date), cell(entry.summary)] for entry in meta.changelog
    ]
    lines += ["**" + _("Versions") + "**", ""]
    lines += table([_("Version"), _("Since"), _("What changed")], versions)
    return lines
