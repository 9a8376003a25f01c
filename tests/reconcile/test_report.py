"""`govkit report --from EXPORT`: each control a reconciliation rule serves lists that rule's
findings and the evidence (file, SHA-256, date, age) in every report format."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tests.conftest import EXAMPLE, TODAY, govkit
from tests.oscal_schema import AR_SCHEMA, errors

from .conftest import EXPORTS, inside

ENTRA = "entra-users-2026-11-20.csv"
SHA = hashlib.sha256((EXPORTS / ENTRA).read_bytes()).hexdigest()


def report(*args: str) -> str:
    with inside(EXPORTS):
        run = govkit("report", EXAMPLE, "--today", TODAY, "--from", ENTRA, *args)
    assert run.exit_code == 0, run.stderr
    return run.stdout


def test_the_markdown_report_names_the_evidence_under_each_control() -> None:
    lines = report().splitlines()
    start = lines.index("### NIST:AC-2: Account management")
    evidence = lines.index("Reconciled with:", start)
    section = lines[start:evidence]
    assert "- `GKR01` gone-per-idp: 1 finding" in section
    assert "- `GKR02` unknown-to-idp: 1 finding" in section
    assert lines[evidence : evidence + 4] == [
        "Reconciled with:",
        "",
        f"- `{ENTRA}` (entra-users), sha256 `{SHA}`, exported 2026-11-20 (4 days before the"
        " report, by its file name): 2 findings",
        "",
    ]
    assert lines.count("Reconciled with:") == 4  # CC6.2, CC6.3, A.5.18, AC-2
    assert lines[4] == "Findings: 2 errors, 0 warnings, 0 info, 1 waived."


def test_the_json_report_carries_the_evidence() -> None:
    posture = json.loads(report("--format", "json"))
    served = [c["id"] for c in posture["controls"] if "evidence" in c]
    assert served == ["SOC2:CC6.2", "SOC2:CC6.3", "ISO27001:A.5.18", "NIST:AC-2"]
    control = next(c for c in posture["controls"] if c["id"] == "NIST:AC-2")
    assert control["evidence"] == [
        {
            "path": ENTRA,
            "kind": "entra-users",
            "sha256": SHA,
            "exported": "2026-11-20",
            "dated_by": "file name",
            "age_days": 4,
            "findings": 2,
        }
    ]
    assert posture["counts"] == {"error": 2, "warning": 0, "info": 0, "waived": 1}


def test_the_assessment_results_stay_valid_with_reconciliation(reference: Path) -> None:
    document = json.loads(report("--format", "oscal-ar"))
    assert errors(document, reference, AR_SCHEMA) == []
    assert "GKR01" in json.dumps(document)


def test_an_unreadable_export_stops_the_report(tmp_path: Path) -> None:
    (tmp_path / "users.csv").write_text("userPrincipalName,displayName\n", encoding="utf-8")
    with inside(tmp_path):
        run = govkit("report", EXAMPLE, "--today", TODAY, "--from", "users.csv")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "users.csv:1:1: error: column 'accountEnabled' is missing (hint: the header has"
        " 'userPrincipalName', 'displayName'; give --kind for another export)\n"
    )
