"""JSON: the exact shape of the report scripts read."""

from __future__ import annotations

import json
from pathlib import Path

from governance_kit.checker import CheckResult
from governance_kit.formats import json_report
from tests.conftest import TODAY, govkit
from tests.reporters.conftest import SELECTED, position


def test_the_report_has_every_finding_and_the_counts(result: CheckResult, broken: Path) -> None:
    account_line = position(broken / "accounts.yaml", "- id: instagram-nordlysoutdoor")[0]
    brand_line, column = position(broken / "brand.yaml", "last_reviewed: ")
    continuity_line, _ = position(broken / "continuity.yaml", "last_reviewed: ")
    moderation_line, _ = position(broken / "moderation.yaml", "last_reviewed: ")

    assert json.loads(json_report.render(result)) == {
        "root": str(broken),
        "today": "2026-11-24",
        "rules": ["GK101", "GK102", "GK205"],
        "summary": {"error": 1, "waived": 1, "warning": 2},
        "findings": [
            {
                "code": "GK205",
                "severity": "warning",
                "message": "account 'instagram-nordlysoutdoor' has no backup owner",
                "hint": "name a second person, not the business owner, in 'backup_owner'",
                "path": "policies/accounts.yaml",
                "line": account_line,
                "column": 7,
                "target": "instagram-nordlysoutdoor",
                "waived_by": None,
            },
            {
                "code": "GK101",
                "severity": "error",
                "message": "review of 'nordlys-brand' is overdue since 2026-09-03 (82 days)",
                "hint": "review it and run 'govkit review nordlys-brand --by PERSON'",
                "path": "policies/brand.yaml",
                "line": brand_line,
                "column": column,
                "target": "nordlys-brand",
                "waived_by": None,
            },
            {
                "code": "GK101",
                "severity": "error",
                "message": "review of 'nordlys-continuity' is overdue since 2026-10-01 (54 days)",
                "hint": "review it and run 'govkit review nordlys-continuity --by PERSON'",
                "path": "policies/continuity.yaml",
                "line": continuity_line,
                "column": column,
                "target": "nordlys-continuity",
                "waived_by": "w-continuity-review",
            },
            {
                "code": "GK102",
                "severity": "warning",
                "message": "review of 'nordlys-moderation' is due on 2026-12-01 (in 7 days)",
                "hint": "plan the review with the owner, 'carl'",
                "path": "policies/moderation.yaml",
                "line": moderation_line,
                "column": column,
                "target": "nordlys-moderation",
                "waived_by": None,
            },
        ],
    }


def test_keys_come_in_a_fixed_order(result: CheckResult) -> None:
    document = json.loads(json_report.render(result))
    assert list(document) == ["root", "today", "rules", "summary", "findings"]
    assert list(document["findings"][0]) == [
        "code",
        "severity",
        "message",
        "hint",
        "path",
        "line",
        "column",
        "target",
        "waived_by",
    ]


def test_govkit_check_format_json(broken: Path, result: CheckResult) -> None:
    run = govkit(
        "check", broken, "--format", "json", "--today", TODAY, "--select", ",".join(SELECTED)
    )
    assert run.exit_code == 1
    assert run.stdout == json_report.render(result)
