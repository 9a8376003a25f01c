"""A policy repository whose posture changes over a winter (author and committer dates set).

- 2026-12-01 A: the example policies, clean from 2026-11-23 on.
- 2026-12-20 B: the German Facebook page loses its business owner (GK201, 'no owner').
- 2027-01-20 C: Greta owns the page again but is to leave on 2027-02-28 ('owner leaving'
  from 2027-01-29, GK203); the objectives are to be reviewed every three months, so their
  review falls due on 2027-01-28 (GK102 from 2026-12-29, GK101 after 2027-01-28); the UK
  Facebook page's access was last reviewed on 2025-06-01, 18 months before 2026-12-01
  (GK302).
- 2027-02-25 D: Erik owns the page, Greta stays, the objectives and the UK page's access
  are reviewed: clean again.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import git

from tests.conftest import EXAMPLE, edit_yaml
from tests.report.conftest import commit
from tests.rules.helpers import item

GERMAN_PAGE = "facebook-de"
UK_PAGE = "facebook-uk"


def _owner(policies: Path, owner: str | None) -> None:
    def change(data: dict) -> None:
        account = item(data, "accounts", GERMAN_PAGE)
        if owner is None:
            del account["business_owner"]
        else:
            account["business_owner"] = owner

    edit_yaml(policies / "accounts.yaml", change)


def _greta_leaves(policies: Path, day: date | None) -> None:
    def change(data: dict) -> None:
        greta = item(data, "people", "greta")
        if day is None:
            del greta["end_date"]
        else:
            greta["end_date"] = day

    edit_yaml(policies / "people.yaml", change)


def _reviews(policies: Path, objectives: dict, access: date) -> None:
    edit_yaml(
        policies / "objectives.yaml", lambda data: data["metadata"]["review"].update(objectives)
    )
    edit_yaml(
        policies / "accounts.yaml",
        lambda data: item(data, "accounts", UK_PAGE).update(last_access_review=access),
    )


def winter(root: Path) -> Path:
    """The repository of the module docstring under `root`; its policy folder."""
    policies = root / "policies"
    shutil.copytree(EXAMPLE, policies)
    repo = git.Repo.init(root)
    commit(repo, "Policies as adopted", "2026-12-01T09:00:00+0100")
    _owner(policies, None)
    commit(repo, "The German page's owner moved to another team", "2026-12-20T10:00:00+0100")
    _owner(policies, "greta")
    _greta_leaves(policies, date(2027, 2, 28))
    _reviews(policies, {"interval": "P3M"}, date(2025, 6, 1))
    commit(repo, "Greta owns the German page until she leaves", "2027-01-20T11:00:00+0100")
    _owner(policies, "erik")
    _greta_leaves(policies, None)
    _reviews(
        policies,
        {"last_reviewed": date(2027, 2, 24), "reviewed_by": "ivar"},
        date(2027, 2, 24),
    )
    commit(repo, "Erik owns the German page; reviews done", "2027-02-25T12:00:00+0100")
    repo.close()
    return policies
