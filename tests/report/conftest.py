"""A policy repository with a Git history: an account added in May, its owner changed in July,
a review recorded in August (author and committer dates set explicitly)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import git
import pytest

from tests.conftest import EXAMPLE, edit_yaml
from tests.rules.helpers import item

ACTOR = git.Actor("Ana Berg Haugen", "ana.haugen@nordlys.example")


def commit(repo: git.Repo, message: str, when: str) -> git.Commit:
    repo.git.add(A=True)
    return repo.index.commit(
        message, author=ACTOR, committer=ACTOR, author_date=when, commit_date=when
    )


def new_account(data: dict) -> None:
    account = dict(item(data, "accounts", "linkedin-nordlys"))
    account.update(
        id="linkedin-careers",
        handle="Nordlys Careers",
        url="https://www.linkedin.com/company/nordlys-careers",
        business_owner="ana",
        backup_owner="carl",
    )
    data["spec"]["accounts"].append(account)


@pytest.fixture(scope="session")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("history")
    policies = root / "policies"
    shutil.copytree(EXAMPLE, policies)
    repo = git.Repo.init(root)
    objectives = policies / "objectives.yaml"
    edit_yaml(
        objectives,
        lambda data: data["metadata"]["review"].update(
            last_reviewed=date(2025, 10, 28), reviewed_by="ana"
        ),
    )
    commit(repo, "Policies as adopted", "2026-04-01T09:00:00+0200")
    edit_yaml(policies / "accounts.yaml", new_account)
    commit(repo, "Register the careers page", "2026-05-12T10:00:00+0200")
    edit_yaml(
        policies / "accounts.yaml",
        lambda data: item(data, "accounts", "linkedin-careers").update(business_owner="carl"),
    )
    commit(repo, "Carl takes over the careers page", "2026-07-15T11:00:00+0200")
    edit_yaml(
        objectives,
        lambda data: data["metadata"]["review"].update(
            last_reviewed=date(2026, 8, 19), reviewed_by="ivar"
        ),
    )
    commit(repo, "Review of the objectives", "2026-08-20T12:00:00+0200")
    edit_yaml(
        objectives,
        lambda data: data["metadata"]["review"].update(
            last_reviewed=date(2026, 10, 28), reviewed_by="ivar"
        ),
    )
    commit(repo, "Second review of the objectives", "2026-10-29T12:00:00+0100")
    repo.close()
    return policies
