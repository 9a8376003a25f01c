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
from . import trend

TITLE = "Governance posture"
FILENAME = "posture.md"

INTRO = (
    "How our social-media governance stands today: for every control we follow, the checks "
    "that serve it and what they found; the risks we accepted on purpose (waivers), who owns "
    "each account, and which policies were reviewed in the past year. The same report, for "
    "any date in the history of the policy files, is written by `govkit report`; how it changed "
    "over the past year is at the end of this page."
)


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
    return "\n".join([body[0], "", INTRO, *body[1:], "", *trend.section(repository.root, today)])
