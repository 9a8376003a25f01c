"""The posture over time, a section of the 'Governance posture' page: the past year, a point
a month, from the Git history of the policy files, with its charts inline.

Only counts, dates, commit ids and control ids with their titles are shown, as on the rest of
the page. Without a readable history (no Git repository, a shallow clone, no commit before
the build's date) the section says why instead.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ...git.history import GitProblem
from ...git.refs import SHALLOW_HINT, is_shallow, open_repo
from ...posture.build import _year_before
from ...posture.trend import build_trend
from ...posture.trend_render import TITLE, markdown

READ_FROM = "The posture over time is read from the Git history of the policy files"


def section(root: Path, today: dt.date) -> list[str]:
    """The section's Markdown lines (title at level 2)."""
    missing = _why_no_history(root)
    if missing is not None:
        return [f"## {TITLE}", "", f"{READ_FROM}; {missing}", ""]
    try:
        trend = build_trend(root, _year_before(today), today, "month")
    except GitProblem:
        return [f"## {TITLE}", "", f"{READ_FROM}; it could not be read where this was built.", ""]
    if not trend.points:
        return [
            f"## {TITLE}",
            "",
            f"{READ_FROM}; none of its commits is dated on or before {today.isoformat()}.",
            "",
        ]
    return [*markdown(trend, level=2, inline_charts=True).split("\n"), ""]


def _why_no_history(root: Path) -> str | None:
    """Why the history cannot be read (plain words, no path of the build machine), or None."""
    try:
        repo = open_repo(root)
    except GitProblem:
        return "they are not in a Git repository where this was built."
    try:
        if is_shallow(repo):
            return (
                "this copy is a shallow clone, without the older history "
                f"(to show it, {SHALLOW_HINT} in the job that builds the handbook)."
            )
    finally:
        repo.close()
    return None
