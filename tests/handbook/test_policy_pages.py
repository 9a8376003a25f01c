"""The handbook's pages of the new kinds: a page per Policy with its text, the roadmap as a
timeline, KPI results against targets; Objectives may be absent; unsafe policy texts refuse
the build."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from governance_kit.handbook.site import generate
from governance_kit.loading.repository import load_repository
from governance_kit.markup.escape import nav_title
from tests.conftest import TODAY, edit_yaml, govkit, line_of
from tests.rules.helpers import item, without_objectives

DAY = dt.date.fromisoformat(TODAY)
SOCIAL = "policies/nordlys-social-media-policy.md"
PRIVATE = "policies/nordlys-private-accounts.md"


def generated(policies: Path, docs: Path) -> tuple[list, dict[str, list[str]]]:
    """The nav, and the lines of every generated page by its path in docs_dir."""
    result = generate(load_repository(policies), docs, DAY)
    pages = {
        path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8").splitlines()
        for path in docs.rglob("*.md")
    }
    return result.nav, pages


def test_every_policy_has_a_page_under_policies(published: Path, tmp_path: Path) -> None:
    nav, pages = generated(published, tmp_path / "docs")
    assert {
        "Policies": [
            {"Private accounts and Nordlys (code of conduct)": PRIVATE},
            {"Social media policy": SOCIAL},
        ]
    } in nav
    social = pages[SOCIAL]
    assert social[0] == "# Social media policy"
    assert "**Applies to:** everyone" in social
    assert (
        "**Acknowledgement:** everyone it applies to confirms having read this version." in social
    )
    assert (
        "    | 1\\.2\\.0 | Ana Berg Haugen | 1 Oct 2026 | 24 Sept 2026 by Hanna Kristiansen | "
        "24 Mar 2028 | Sigrid Bakke on 28 Sept 2026 |" in social
    )
    text = (published / "texts" / "social-media-policy.md").read_text(encoding="utf-8")
    start = social.index("## Why we have this policy")
    assert social[start : start + len(text.splitlines())] == text.splitlines()
    assert social.index("## Change history") > start


def test_an_inline_body_and_an_audience_by_employment(published: Path, tmp_path: Path) -> None:
    _, pages = generated(published, tmp_path / "docs")
    private = pages[PRIVATE]
    assert "**Applies to:** employees" in private
    assert not any(line.startswith("**Acknowledgement:**") for line in private)
    assert (
        '1. **Say that you work here.** When you recommend our products, add *"I work at '
        'Nordlys"*' in private
    )


def test_the_home_page_lists_the_policies(published: Path, tmp_path: Path) -> None:
    _, pages = generated(published, tmp_path / "docs")
    home = pages["index.md"]
    assert f"- [Social media policy]({SOCIAL})" in home
    row = f"| [Social media policy]({SOCIAL}) | 1\\.2\\.0 | Ana Berg Haugen | 24 Mar 2028 |"
    assert row in home
    assert "- [Roadmap](roadmap.md)" in home


def test_a_confidential_policy_has_no_page(published: Path, tmp_path: Path) -> None:
    edit_yaml(
        published / "policy-private-accounts.yaml",
        lambda data: data["metadata"].update(classification="confidential"),
    )
    nav, pages = generated(published, tmp_path / "docs")
    assert PRIVATE not in pages
    assert {"Policies": [{"Social media policy": SOCIAL}]} in nav


def test_the_roadmap_is_a_timeline_that_marks_overdue_milestones(
    published: Path, tmp_path: Path
) -> None:
    def late(data: dict) -> None:
        entry = item(data, "milestones", "m-handbook-live")
        entry.update(status="in_progress", due=dt.date(2026, 11, 20), title="<b>Launch</b>")
        del entry["done_on"]

    edit_yaml(published / "roadmap.yaml", late)
    _, pages = generated(published, tmp_path / "docs")
    roadmap = pages["roadmap.md"]
    assert "| Due | Milestone | Owner | Status | Done on | Notes |" in roadmap
    assert (
        "| 31 Oct 2026 | Every official account registered with a business owner and a backup "
        "owner | Ana Berg Haugen | Done | 28 Oct 2026 | 31 accounts found; four forgotten test "
        "accounts archived\\. |"
    ) in roadmap
    assert (
        "| 20 Nov 2026 | &lt;b&gt;Launch&lt;/b&gt; | Ivar Dahl | In progress (**overdue**) | — "
        "| — |"
    ) in roadmap
    header = roadmap.index("| Due | Milestone | Owner | Status | Done on | Notes |")
    rows = roadmap[header + 2 : roadmap.index("", header)]
    assert [row.split(" | ")[0] for row in rows] == [
        "| 31 Oct 2026",
        "| 13 Nov 2026",
        "| 20 Nov 2026",
        "| 20 Nov 2026",
        "| 30 Nov 2026",
        "| 15 Feb 2028",
    ]


def test_kpi_results_against_the_target(published: Path, tmp_path: Path) -> None:
    _, pages = generated(published, tmp_path / "docs")
    objectives = pages["objectives.md"]
    assert "| Measure | Period | Result | Target | Target met | Note |" in objectives
    assert (
        "| Net follower growth per quarter | 2026\\-Q2 | 8.5 percent | at least 10 percent | "
        "missed | — |"
    ) in objectives
    assert (
        "| Median first\\-response time, 24/7 | 2026\\-10 | 47 minutes | at most 60 minutes | "
        "met | — |"
    ) in objectives


def test_without_objectives_the_handbook_has_no_objectives_page(
    published: Path, tmp_path: Path
) -> None:
    without_objectives(published)
    nav, pages = generated(published, tmp_path / "docs")
    assert "objectives.md" not in pages
    assert {"Objectives": "objectives.md"} not in nav
    assert not any("objectives.md" in line for line in pages["index.md"])


def test_a_script_in_a_policy_text_refuses_the_build(published: Path, tmp_path: Path) -> None:
    text = published / "texts" / "social-media-policy.md"
    text.write_text("# Rules\n\n<iframe src=https://example.com></iframe>\n", encoding="utf-8")
    site = tmp_path / "site"
    run = govkit("docs", "build", published, "--site-dir", site, "--today", TODAY)
    assert run.exit_code == 2
    assert run.stdout == (
        f"{text}:3:1: error: a raw <iframe> element is not allowed in a handbook page [GK971] "
        "(hint: write plain Markdown: no scripts, frames, embedded objects, event handlers, "
        "javascript: links or snippet includes)\n"
    )
    assert run.stderr == (
        "govkit: error: 1 problem in the text of a policy; handbook not built "
        "(hint: fix the lines above; 'govkit check' reports them too)\n"
    )
    assert not site.exists()


def test_an_unreadable_policy_text_refuses_the_build(published: Path, tmp_path: Path) -> None:
    path = published / "policy-social-media.yaml"
    (published / "texts" / "social-media-policy.md").unlink()
    run = govkit("docs", "build", published, "--site-dir", tmp_path / "site", "--today", TODAY)
    assert run.exit_code == 2
    assert run.stdout == (
        f"{path}:{line_of(path, 'body_file:')}:14: error: policy 'nordlys-social-media-policy' "
        "has a body file 'texts/social-media-policy.md' that does not exist [GK106] "
        "(hint: add the file, or correct the path (from the policy folder))\n"
    )


@pytest.mark.slow
def test_the_built_site_has_the_policy_and_roadmap_pages(published: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    run = govkit("docs", "build", published, "--site-dir", site, "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    social = (site / "policies" / "nordlys-social-media-policy" / "index.html").read_text(
        encoding="utf-8"
    )
    assert '<h2 id="who-may-speak-for-nordlys">Who may speak for Nordlys' in social
    assert "First full crisis drill of the account-takeover protocol" in (
        site / "roadmap" / "index.html"
    ).read_text(encoding="utf-8")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="policies/nordlys-social-media-policy/"' in home


def test_nav_titles_have_no_html_special_characters() -> None:
    assert nav_title('A</title><script>alert("x")</script> & B\'s\n') == (
        "A\u2039/title\u203a\u2039script\u203aalert(\u201dx\u201d)\u2039/script\u203a "
        "\uff06 B\u2019s\\n"
    )
    assert nav_title("Social media policy") == "Social media policy"


@pytest.mark.slow
def test_a_title_cannot_close_the_title_element(published: Path, tmp_path: Path) -> None:
    """Material prints a page's nav title in <title> through `striptags`, which unescapes
    entities: an escaped title would come out as markup there, a policy's title from YAML as
    much as the first heading of a page of handbook/."""
    edit_yaml(
        published / "policy-social-media.yaml",
        lambda data: data["metadata"].update(title="A</title><script>alert(1)</script>"),
    )
    (published / "handbook" / "evil.md").write_text(
        "# B&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;\n\nHello.\n", encoding="utf-8"
    )
    site = tmp_path / "site"
    run = govkit("docs", "build", published, "--site-dir", site, "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    pages = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    assert not [page for page in pages if "<script>alert" in page]
    social = (site / "policies" / "nordlys-social-media-policy" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "<title>A\u2039/title\u203a\u2039script\u203aalert(1)\u2039/script\u203a - " in social
    evil = (site / "handbook" / "evil" / "index.html").read_text(encoding="utf-8")
    assert "<title>B\u2039/title\u203a\u2039script\u203aalert(2)\u2039/script\u203a - " in evil


def test_a_secret_in_a_policy_text_is_redacted_on_its_page(published: Path, tmp_path: Path) -> None:
    token = "ghp_" + "Zq8rT2vLk9Xw4nB7mC1dF6hJ3pS5uY0aE2gI"
    text = published / "texts" / "social-media-policy.md"
    text.write_text(f"## Rules\n\nThe bot logs in with {token}.\n", encoding="utf-8")
    _, pages = generated(published, tmp_path / "docs")
    page = "\n".join(pages[SOCIAL])
    assert token[4:20] not in page
    assert "The bot logs in with [redacted: looks like a GitHub token]." in page
