"""What every policy page shows about its source documents: status, review, change history."""

from __future__ import annotations

import datetime as dt

from ..git.file_log import git_history
from ..markup.escape import cell, text
from ..markup.markdown import admonition, table
from ..model.governance import SourceDocument
from .published import PublishedGovernance


def next_review(document: SourceDocument) -> dt.date:
    return document.model.metadata.next_review()


def notices(document: SourceDocument, context: PublishedGovernance) -> list[str]:
    """A danger notice when the review is overdue; a warning for drafts and retired policies."""
    meta = document.model.metadata
    title = text(meta.title)
    if meta.status == "draft":
        return admonition("warning", "Draft", [f"**{title}** is a draft and does not apply yet."])
    if meta.status == "retired":
        return admonition("warning", "Retired", [f"**{title}** is retired and no longer applies."])
    due = next_review(document)
    if due >= context.today:
        return []
    late = (context.today - due).days
    return admonition(
        "danger",
        "Review overdue",
        [
            f"The review of **{title}** was due on {due.isoformat()} ({late} days ago). "
            f"Parts of this page may be out of date: if in doubt, ask the owner, "
            f"{context.person(meta.owner)}."
        ],
    )


def metadata_box(document: SourceDocument, context: PublishedGovernance) -> list[str]:
    """An info admonition with version, owner, dates and approval of a policy document."""
    meta = document.model.metadata
    review = meta.review
    last = review.last_reviewed.isoformat() if review.last_reviewed else "never"
    if review.last_reviewed and review.reviewed_by:
        last += f" by {context.person(review.reviewed_by)}"
    approved = context.person(meta.approved_by) if meta.approved_by else "—"
    if meta.approved_by and meta.approved_on:
        approved += f" on {meta.approved_on.isoformat()}"
    body = [f"**{text(meta.title)}**", ""]
    if meta.description:
        body += [text(meta.description), ""]
    body += table(
        ["Version", "Owner", "Effective", "Last review", "Next review", "Approved by"],
        [
            [
                cell(meta.version),
                context.person(meta.owner),
                meta.effective_date.isoformat(),
                last,
                next_review(document).isoformat(),
                approved,
            ]
        ],
    )
    return admonition("info", "About this policy", body)


def change_history(document: SourceDocument) -> list[str]:
    """Commits touching the source file (newest first), then the versions in its metadata."""
    meta = document.model.metadata
    lines: list[str] = []
    commits = git_history(document.path)
    if commits:
        lines += table(
            ["Date", "Author", "Change"],
            [[c.date.isoformat(), cell(c.author), cell(c.subject)] for c in commits],
        )
    elif commits is None:
        lines += ["The source file is not kept in Git; the versions below are all we know.", ""]
    versions = [[cell(meta.version), meta.effective_date.isoformat(), cell(meta.change_summary)]]
    versions += [
        [cell(entry.version), entry.date.isoformat(), cell(entry.summary)]
        for entry in meta.changelog
    ]
    lines += ["**Versions**", ""]
    lines += table(["Version", "Since", "What changed"], versions)
    return lines
