"""The 'Governance posture' page: the posture report of `govkit report`, for everyone to read.

Made from published documents only: findings in confidential documents are counted but not
shown, and accounts, waivers and reviews come from the published documents.
"""

from __future__ import annotations

import datetime as dt

from ...exports import Export
from ...git.history import recorded_reviews
from ...loading.repository import Repository
from ...posture.build import posture_of
from ...posture.render import markdown
from ..published import PublishedGovernance, published
from ..words import N_, _
from . import trend

TITLE = N_("Governance posture")
FILENAME = "posture.md"

INTRO = N_(
    "For auditors and the governance team: how our social-media governance stands today. For "
    "every control we follow, the checks that serve it and what they found; the risks we "
    "accepted on purpose (waivers), who owns each account, and which policies were reviewed in "
    "the past year. How it changed over the past year is at the end of this page. The report "
    "below is written in English."
)


TERMS = (
    (
        N_("Control"),
        N_(
            "A requirement we follow, from a standard (e.g. SOC 2) or of our own; each is "
            "listed with the checks that test it."
        ),
    ),
    (
        N_("Rule and finding"),
        N_(
            "A rule is one automatic check of the policy files (its code, e.g. GK201); a finding "
            "is one thing a rule found wrong. No findings under a control means its checks passed."
        ),
    ),
    (
        N_("Waiver"),
        N_(
            "A finding we accepted on purpose, with a reason, an approver and an end date; it is "
            "counted as waived, not as a finding."
        ),
    ),
    (
        N_("State"),
        N_(
            "Which version of the policy files the report describes: a Git commit, or the "
            "working tree (the files as they were when the handbook was built)."
        ),
    ),
    (
        N_("Identifiers in code style"),
        N_(
            "Ids of accounts, documents and waivers as they are written in the policy files, so "
            "that an auditor can find them there."
        ),
    ),
)


def terms() -> list[str]:
    """What the report's words mean, for readers who are not auditors."""
    lines = ["## " + _("What the terms mean"), ""]
    lines += [f"- **{_(term)}**: {_(meaning)}" for term, meaning in TERMS]
    return [*lines, ""]


def render(
    repository: Repository,
    context: PublishedGovernance,
    today: dt.date,
    exports: tuple[Export, ...] = (),
) -> str:
    """The page; with `exports`, each control a reconciliation serves names the exports (file,
    SHA-256, date) and counts the findings, whose lines about the exports are not published."""
    hidden = [d.path.resolve() for d in repository.documents if not published(d)]
    hidden += [export.path.resolve() for export in exports]
    posture = posture_of(
        repository,
        today,
        exports=exports,
        recorded=recorded_reviews(repository.root),
        hidden=hidden,
        lists_from=context.governance,
    )
    body = markdown(posture, level=1).split("\n")
    trend_lines = trend.section(repository.root, today)
    return "\n".join([body[0], "", _(INTRO), "", *terms(), *body[1:], "", *trend_lines])
