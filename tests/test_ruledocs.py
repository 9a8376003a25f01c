"""docs/rules/ is generated from the rule definitions and must not drift from them."""

from __future__ import annotations

import re
from pathlib import Path

from governance_kit import ruledocs
from governance_kit.rules import all_rules, rule_by_code
from tests.conftest import ROOT

DOCS = ROOT / "docs" / "rules"


def test_docs_rules_match_the_rules() -> None:
    stale = ruledocs.drift(DOCS)
    assert stale == [], (
        f"docs/rules/ is out of date with the rules ({', '.join(stale)}); "
        "run 'govkit rules --export-docs docs/rules' and commit the result"
    )


def test_the_index_links_a_page_for_every_rule() -> None:
    index = ruledocs.render_index(all_rules())
    links = re.findall(r"\[(GK\d{3})\]\((GK\d{3}\.md)\)", index)
    assert links == [(rule.code, f"{rule.code}.md") for rule in all_rules()]
    assert (
        "| [GK101](GK101.md) | review-overdue | error | A policy document's review is overdue. |"
        in (index.splitlines())
    )


def test_a_page_has_title_severity_summary_controls_explanation_and_example() -> None:
    rule = rule_by_code("GK101")
    page = ruledocs.render_page(rule).splitlines()
    assert page[2] == "# GK101 review-overdue"
    assert "| Summary | A policy document's review is overdue. |" in page
    assert "| Default severity | error |" in page
    assert "| Controls | ISO27001:A.5.1, SOC2:CC5.3 |" in page
    assert rule.explanation() in "\n".join(page)
    example = page.index("## Example")
    assert page[example + 2 : example + 5] == [
        "```text",
        "<file>:<line>:<column>: error: <message> [GK101] (hint: <hint>)",
        "```",
    ]


def test_export_removes_pages_of_rules_that_are_gone(tmp_path: Path) -> None:
    (tmp_path / "GK999.md").write_text("# GK999 gone\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("kept\n", encoding="utf-8")
    assert "GK999.md" in ruledocs.drift(tmp_path)
    ruledocs.export(tmp_path)
    assert not (tmp_path / "GK999.md").exists()
    assert (tmp_path / "notes.txt").exists()
    assert ruledocs.drift(tmp_path) == []


def test_drift_notices_a_changed_page(tmp_path: Path) -> None:
    ruledocs.export(tmp_path)
    page = tmp_path / "GK101.md"
    page.write_text(page.read_text(encoding="utf-8") + "edited by hand\n", encoding="utf-8")
    (tmp_path / "GK102.md").unlink()
    assert ruledocs.drift(tmp_path) == ["GK101.md", "GK102.md"]


def test_draft_rules_have_pages_and_their_own_table() -> None:
    index = ruledocs.render_index(ruledocs.every_rule()).splitlines()
    drafts = index.index("## Draft rules")
    assert re.findall(r"\[(GK\d{3})\]", "\n".join(index[:drafts])) == [
        rule.code for rule in all_rules()
    ]
    assert (
        "| [GKP04](GKP04.md) | disclosure-missing | error | "
        "A sponsored post lacks a disclosure label, or shows it too late. |"
    ) in index[drafts:]
    page = ruledocs.render_page(ruledocs.rule_by_code("GKP04")).splitlines()
    assert page[2] == "# GKP04 disclosure-missing"
    assert "| Kind | draft rule (reported by `govkit post check`) |" in page
    assert (DOCS / "GKP04.md").read_text(encoding="utf-8") == "\n".join(page) + "\n"
