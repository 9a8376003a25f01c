"""The handbook's brand page states the draft rules in words, from the same definitions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from governance_kit.handbook.pages import POLICY_PAGES, render_policy_page
from governance_kit.handbook.published import PublishedGovernance
from governance_kit.loading.repository import load_repository
from tests.conftest import EXAMPLE, TODAY, edit_yaml

DAY = dt.date.fromisoformat(TODAY)


def brand_page(policies: Path) -> list[str]:
    context = PublishedGovernance.of(load_repository(policies), DAY)
    page = next(p for p in POLICY_PAGES if p.filename == "brand.md")
    return render_policy_page(page, context).splitlines()


def section(lines: list[str], heading: str) -> list[str]:
    start = lines.index(heading) + 1
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("#"))
    return lines[start:end]


def test_each_platform_lists_its_checked_rules() -> None:
    x = section(brand_page(EXAMPLE), "### X")
    checked = x[x.index("**Checked on every draft**") + 2 :]
    assert checked[:3] == [
        "- At most 280 characters, counted as X counts them: Chinese, Japanese and Korean "
        "characters and emoji count as two, every link as 23\\.",
        "- At most 2 hashtags\\.",
        "- Every link carries the UTM parameters utm\\_source, utm\\_medium and utm\\_campaign\\.",
    ]
    instagram = section(brand_page(EXAMPLE), "### Instagram")
    assert "- Every post has a call to action: a question, a poll or a link\\." in instagram
    assert "- At most 5 hashtags\\." in instagram
    forum = section(brand_page(EXAMPLE), "### Forum")
    assert "- No hashtags\\." in forum
    assert not any("UTM" in line for line in forum)


def test_rules_for_every_draft_accounts_and_words() -> None:
    lines = brand_page(EXAMPLE)
    everywhere = section(lines, "## Checked on every draft")
    assert "- Every image has alt text\\." in everywhere
    assert "- Every video has subtitles\\." in everywhere
    assert (
        "- A sponsored post carries one of the labels “\\#ad”, “Paid partnership with Nordlys "
        "Outdoor”, “Annonse”, “Reklame”, “Reklam”, “Werbung”, “Anzeige” or “Ad”\\."
    ) in everywhere
    assert "- The label starts within the first 125 characters\\." in everywhere
    accounts = section(lines, "### Accounts with rules of their own")
    assert accounts[1].startswith("- @nordlys\\.teampro (Instagram): At most 2,200 characters")
    assert "At most 3 hashtags\\." in accounts[1]
    words = section(lines, "### Words we don't use")
    assert (
        "| miljøvennlig | Banned | hva som konkret er bedre \\(f\\.eks\\. &quot;resirkulert "
        "polyester&quot;\\) | en vag miljøpåstand som markedsføringsloven forbyr |" in words
    )
    assert "| cheap | Avoid | affordable | sounds like poor quality |" in words


def test_the_page_follows_the_definitions(example: Path) -> None:
    def change(data: dict) -> None:
        x = next(p for p in data["spec"]["platforms"] if p["platform"] == "x")
        x["post"]["max_length"] = 500
        data["spec"]["words"].append({"phrase": "<b>环保</b>", "level": "banned"})

    edit_yaml(example / "brand.yaml", change)
    lines = brand_page(example)
    assert any(line.startswith("- At most 500 characters, counted as X") for line in lines)
    assert "| &lt;b&gt;环保&lt;/b&gt; | Banned | — | — |" in lines
