"""Helpers of the reconciliation tests: the sample exports and `govkit reconcile` on them."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import EXAMPLE, ROOT, TODAY, Run, govkit

EXPORTS = ROOT / "examples" / "exports"
SOURCES = (
    "entra-users-2026-11-20.csv",
    "google-users-2026-10-01.csv",
    "op-items-2026-11-20.json",
    "social-accounts=op-vault-users-social-accounts-2026-11-20.json",
    "bitwarden-nattravn-2026-11-20.json",
    "bitwarden-nattravn-2026-11-20.csv",
    "facebook-no=meta-facebook-no-assigned-users-2026-11-20.json",
    "facebook-no,facebook-se=meta-business-users-2026-11-20.json",
    "linkedin-nordlys=linkedin-organization-acls-2026-11-20.json",
    "platform-admins-2026-11-20.csv",
)
"""Every sample export, as the README gives them to --from (from examples/exports)."""


@contextmanager
def inside(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def reconcile(*args: str | Path, policies: Path = EXAMPLE, today: str = TODAY) -> Run:
    """`govkit reconcile POLICIES ARGS --today TODAY`, in-process."""
    return govkit("reconcile", policies, *args, "--today", today)


def sources(*names: str) -> list[str]:
    """--from FILE for each name (all the samples when none are named)."""
    return [part for name in names or SOURCES for part in ("--from", name)]
