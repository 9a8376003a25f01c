"""Fixtures of the handbook tests: published copies of the example policies, and built sites."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, TODAY, edit_yaml, govkit

INJECTIONS = (
    '<script>alert("x")</script>',
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
)
INJECTED = " ".join(INJECTIONS)


def inject(policies: Path) -> None:
    """Put script, image and link injections into free-text fields of three documents."""

    def account(data: dict) -> None:
        data["spec"]["accounts"][0]["purpose"] = "Main brand account. " + INJECTED

    def principle(data: dict) -> None:
        data["spec"]["voice"]["principles"][0] = "Be warm. " + INJECTED

    def rule(data: dict) -> None:
        data["spec"]["community_rules"]["expected"][0] = "Be kind. " + INJECTED

    edit_yaml(policies / "accounts.yaml", account)
    edit_yaml(policies / "brand.yaml", principle)
    edit_yaml(policies / "moderation.yaml", rule)


@pytest.fixture
def published(example: Path) -> Path:
    """A copy of the example policies, to build and change."""
    return example


@pytest.fixture(scope="session")
def injected_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the example policies with injections in free text, built once."""
    base = tmp_path_factory.mktemp("injected")
    policies = base / "policies"
    shutil.copytree(EXAMPLE, policies)
    inject(policies)
    site = base / "site"
    run = govkit("docs", "build", policies, "--site-dir", site, "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    return site
