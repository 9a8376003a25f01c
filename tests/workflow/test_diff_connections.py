"""`govkit diff` tells changes to connected tools connection by connection, never their token
references."""

from __future__ import annotations

from typing import Any

from tests.conftest import edit_yaml, govkit

from .conftest import PolicyRepo


def _change(data: Any) -> None:
    hootsuite, brandwatch = data["spec"]["connections"][:2]
    hootsuite["secret_ref"] = "op://social-tools/hootsuite-rotated"
    brandwatch["holder"] = "ana"
    brandwatch["last_reviewed"] = "2026-11-20"


def test_diff_of_connections(policy_repo: PolicyRepo) -> None:
    policies = policy_repo.policies
    edit_yaml(policies / "connections.yaml", _change)
    run = govkit("diff", "main", policies)
    assert run.exit_code == 0, run.stderr
    assert run.stdout == (
        "## Governance changes\n\n"
        "3 changes in 1 document between `main` and working tree.\n\n"
        "### Connected tools and agencies (`nordlys-connections`)\n\n"
        "- connection `hootsuite`: credential reference changed\n"
        "- connection `brandwatch`: holder changed from ivar to ana\n"
        "- connection `brandwatch`: last reviewed: 2026\\-10\\-06 -> 2026\\-11\\-20\n"
    )
    assert "op://" not in run.stdout
