"""The posture page's trend: built by real `govkit docs build` runs (strict MkDocs, the leak
scan) on a Git history, outside Git, and in a shallow clone."""

from __future__ import annotations

import functools
import html
import re
import threading
import xml.etree.ElementTree as ET
from http.server import ThreadingHTTPServer
from pathlib import Path

import git
import pytest

from tests.conftest import govkit, require_in_ci
from tests.report.test_trend import NAMESPACES, dots, sha, shallow_clone
from tests.report.trend_history import winter

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("trend-section")]
"""One worker runs the module, so that the winter history and its site are made once."""
READ_FROM = "The posture over time is read from the Git history of the policy files"


def posture_page(policies: Path, site: Path) -> str:
    run = govkit("docs", "build", policies, "--site-dir", site, "--today", "2027-03-10")
    assert run.exit_code == 0, run.stderr
    return (site / "posture" / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def winter_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The winter history (tests/report/trend_history.py) and its site, built once: (policies,
    site). The tests only read them."""
    base = tmp_path_factory.mktemp("winter-site")
    policies = winter(base / "repo")
    posture_page(policies, base / "site")
    return policies, base / "site"


def charts(page: str) -> list[ET.Element]:
    found = re.findall(r'<svg [^>]*id="chart-govkit-[^"]*".*?</svg>', page, flags=re.S)
    return [ET.fromstring(svg) for svg in found]


def test_site_on_a_history_shows_the_trend_with_its_charts(winter_site: tuple[Path, Path]) -> None:
    policies, site = winter_site
    page = (site / "posture" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 id="governance-posture-over-time">Governance posture over time', page)
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    assert " ".join(
        ["2027-02-10", f"commit {sha(policies, 'C')} of 2027-01-20", "0 1 1 1", *["0"] * 7]
    ) in " ".join(text.split())
    found = charts(page)
    assert [chart.get("id") for chart in found] == [
        "chart-govkit-trend-1",
        "chart-govkit-trend-2",
        "chart-govkit-trend-3",
    ]
    assert dots(found[1]) == {
        "Policy reviews": ["0", "0", "1", "0"],
        "Access reviews": ["0", "0", "1", "0"],
    }
    for chart in found:
        assert not [e for e in chart.iter() if e.tag.endswith("script")]
        svg = ET.tostring(chart, encoding="unicode")
        assert set(re.findall(r"https?://[^\s\"'<>)]*", svg)) <= NAMESPACES
    assert READ_FROM not in page


def test_site_outside_git_says_why_there_is_no_trend(example: Path, tmp_path: Path) -> None:
    page = posture_page(example, tmp_path / "site")
    assert f"<p>{READ_FROM}; they are not in a Git repository where this was built.</p>" in page
    assert charts(page) == []


def test_site_in_a_shallow_clone_says_why_there_is_no_trend(
    winter_site: tuple[Path, Path], tmp_path: Path
) -> None:
    policies = shallow_clone(winter_site[0], tmp_path / "clone")
    assert (tmp_path / "clone" / ".git" / "shallow").exists()
    page = html.unescape(posture_page(policies, tmp_path / "site"))
    assert (
        f"{READ_FROM}; this copy is a shallow clone, without the older history (to show it, "
        "run 'git fetch --unshallow', or set fetch-depth: 0 on actions/checkout in the job "
        "that builds the handbook)."
    ) in page
    assert charts(page) == []


def test_site_before_any_commit_says_why(example: Path, tmp_path: Path) -> None:
    repo = git.Repo.init(example)
    repo.git.add(A=True)
    when = "2027-06-01T09:00:00+0200"
    repo.index.commit("Later", author_date=when, commit_date=when)
    page = posture_page(example, tmp_path / "site")
    assert f"{READ_FROM}; none of its commits is dated on or before 2027-03-10." in page


@pytest.mark.browser
def test_charts_show_in_chromium_without_any_outside_request(
    winter_site: tuple[Path, Path],
) -> None:
    from tests.handbook.test_browser import ARGS, CHROMIUM, _Quiet

    require_in_ci(CHROMIUM.exists(), "/usr/bin/chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    site = winter_site[1]
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    served = f"http://127.0.0.1:{server.server_address[1]}/"
    requested: list[str] = []
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("request", lambda request: requested.append(request.url))
            page.goto(served + "posture/")
            page.wait_for_load_state("networkidle")
            charts = page.locator("svg[id^='chart-govkit-trend-']")
            assert charts.count() == 3
            for index in range(3):
                box = charts.nth(index).bounding_box()
                assert box is not None and box["width"] > 300 and box["height"] > 150
            assert page.locator(".govkit-chart circle.dot").count() == 4 * (3 + 2 + 4)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    assert requested and all(url.startswith(served) for url in requested), requested
