"""`govkit docs build --from EXPORT`: the handbook's posture page names the exports under the
controls they serve and counts their findings, without publishing the lines about the export
(who is disabled in the identity provider). A real MkDocs build."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.conftest import TODAY, govkit

from .conftest import EXPORTS

ENTRA = EXPORTS / "entra-users-2026-11-20.csv"


def test_the_posture_page_names_the_evidence(example: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    run = govkit("docs", "build", example, "--site-dir", site, "--today", TODAY, "--from", ENTRA)
    assert run.exit_code == 0, run.stderr
    page = (site / "posture" / "index.html").read_text(encoding="utf-8")
    digest = hashlib.sha256(ENTRA.read_bytes()).hexdigest()
    assert page.count(digest) == 4  # SOC2:CC6.2, CC6.3, ISO27001:A.5.18, NIST:AC-2
    assert "gone-per-idp: 1 finding" in page
    assert "kari.nordli@nordlys.example" not in page  # the line about the export is not shown
    assert "marit has access to accounts but is not a user" in page  # it points at people.yaml


def test_an_unreadable_export_stops_the_build(example: Path, tmp_path: Path) -> None:
    (tmp_path / "users.csv").write_text("userPrincipalName\n", encoding="utf-8")
    site = tmp_path / "site"
    run = govkit("docs", "build", example, "--site-dir", site, "--from", tmp_path / "users.csv")
    assert run.exit_code == 2
    assert run.stderr == (
        f"{tmp_path / 'users.csv'}:1:1: error: column 'displayName' is missing (hint: the header"
        " has 'userPrincipalName'; give --kind for another export)\n"
    )
    assert not site.exists()
