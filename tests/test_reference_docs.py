"""docs/reference and docs/commands.md are made from the models and the CLI, never by hand."""

from __future__ import annotations

from governance_kit import reference_docs
from tests.conftest import ROOT


def test_reference_pages_match_the_code() -> None:
    stale = [str(p.relative_to(ROOT)) for p in reference_docs.stale(ROOT / "docs")]
    assert stale == [], "run 'python -m governance_kit.reference_docs docs' and commit the pages"


def test_confidential_fields_are_marked_in_the_reference() -> None:
    page = (ROOT / "docs" / "reference" / "accountregistry.md").read_text(encoding="utf-8")
    row = next(line for line in page.splitlines() if line.startswith("| `secret_ref` |"))
    assert "**confidential**: never printed or published" in row
