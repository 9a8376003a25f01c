"""The handbook on a phone and a laptop, in a real Chromium: every page of the example's
handbook fits at 390 and 1366 px, "on call now" names who the rota says for a pinned clock,
and screenshots of the main pages in two languages are kept for a reviewer."""

from __future__ import annotations

import datetime as dt
import functools
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, ROOT, TODAY, govkit, require_in_ci
from tests.handbook.test_browser import ARGS, CHROMIUM

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("phone")]
"""One worker runs the module, so that its two sites are built and its pages loaded once."""
WIDTHS = (390, 1366)
ARTIFACTS = ROOT / "test-artifacts" / "handbook"
"""Screenshots for a reviewer (ignored by Git)."""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def build(base: Path, language: str) -> Path:
    policies = base / "policies"
    shutil.copytree(EXAMPLE, policies)
    settings = policies / "settings.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text + f"  handbook:\n    language: {language}\n", encoding="utf-8")
    site = base / "site"
    run = govkit("docs", "build", policies, "--site-dir", site, "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    return site


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example's handbook in English and in Norwegian, built once for the module."""
    return {lang: build(tmp_path_factory.mktemp(lang), lang) for lang in ("en", "nb")}


@pytest.fixture(scope="module")
def served(sites: dict[str, Path]) -> Iterator[dict[str, str]]:
    servers = {}
    for language, site in sites.items():
        handler = functools.partial(_Quiet, directory=str(site))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers[language] = server
    yield {lang: f"http://127.0.0.1:{s.server_address[1]}/" for lang, s in servers.items()}
    for server in servers.values():
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    require_in_ci(CHROMIUM.exists(), "/usr/bin/chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


def pages_of(site: Path) -> list[str]:
    """Every HTML page of the built site, as a path below its root."""
    found = [
        path.relative_to(site).as_posix()
        for path in sorted(site.rglob("*.html"))
        if not path.relative_to(site).as_posix().startswith(("assets/", "search/"))
    ]
    return [page.removesuffix("index.html") for page in found]


SCREENSHOTS = {
    "": "home",
    "moderation/#on-call-rota": "rota",
    "escalation/": "crisis",
    "accounts/": "accounts",
}
"""The pages a reviewer gets a screenshot of, by address (the rota's at its anchor)."""
PINNED = dt.datetime(2026, 11, 30, 9, tzinfo=dt.UTC)


@dataclass
class Visit:
    """What one load of one page at one width showed."""

    width: int
    language: str
    path: str
    fits: bool
    serious: list[str] | None
    """axe-core's serious and critical violations; None when axe is not installed."""


SERIOUS = """axe.run({resultTypes: ["violations"]}).then((results) => results.violations
  .filter((violation) => ["serious", "critical"].includes(violation.impact))
  .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target}`)))"""
"""axe-core's run over the page: 'rule-id: target' for each serious or critical violation."""


def _address(path: str) -> str:
    """The page's address to load: the rota page at its rota, so that its screenshot shows it."""
    return "moderation/#on-call-rota" if path == "moderation/" else path


@pytest.fixture(scope="module")
def visits(sites, served, browser) -> list[Visit]:
    """Every page of both languages loaded once at each width, with the clock pinned: whether it
    scrolls sideways, what axe-core finds on it, and a screenshot of the main pages. axe-core
    comes with each page as an init script instead of being sent over after every load."""
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        axe_script = None
    else:
        axe_script = Axe().axe_script
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    found = []
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900})
        if axe_script:
            context.add_init_script(script=axe_script)
        page = context.new_page()
        page.clock.set_fixed_time(PINNED)
        for language in ("en", "nb"):
            for path in pages_of(sites[language]):
                address = _address(path)
                page.goto(served[language] + address)
                fits = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
                if address in SCREENSHOTS:
                    target = ARTIFACTS / f"{SCREENSHOTS[address]}-{language}-{width}.png"
                    target.unlink(missing_ok=True)
                    page.screenshot(path=str(target), full_page=True)
                problems = page.evaluate(SERIOUS) if axe_script else None
                found.append(Visit(width, language, path, fits, problems))
        context.close()
    return found


def test_every_page_fits_a_phone_and_a_laptop(sites, visits) -> None:
    pages = pages_of(sites["en"])
    assert {"", "moderation/", "escalation/", "accounts/", "posture/", "404.html"} <= set(pages)
    loaded = [(visit.width, visit.language, visit.path) for visit in visits]
    assert loaded == [
        (width, language, path)
        for width in WIDTHS
        for language in ("en", "nb")
        for path in pages_of(sites[language])
    ]
    overflowing = [(v.width, v.language, v.path) for v in visits if not v.fits]
    assert overflowing == []


@pytest.mark.parametrize(
    ("moment", "language", "expected"),
    [
        (
            "2026-11-30T09:00:00Z",
            "en",
            "On call now (Monday 10:00, Europe/Oslo): Carl Johansson and Erik Nyström (X only)",
        ),
        (
            "2026-11-29T21:30:00Z",
            "nb",
            "Vakt nå (søndag 22:30, Europe/Oslo): Kari Nordli (bare X)",
        ),
    ],
)
def test_on_call_now_follows_the_clock(served, browser, moment, language, expected) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    page.clock.set_fixed_time(dt.datetime.fromisoformat(moment))
    page.goto(served[language] + "moderation/")
    now = page.locator("#govkit-oncall[data-govkit-ready]")
    now.wait_for()
    assert now.inner_text() == expected
    today = page.locator(".govkit-rota-day.govkit-today")
    assert today.count() == 1
    assert today.get_attribute("data-day") == ("mon" if "T09" in moment else "sun")
    context.close()


def test_without_scripts_the_rota_is_still_there(served, browser) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 900})
    page = context.new_page()
    page.goto(served["en"] + "moderation/")
    assert page.locator("#govkit-oncall").inner_text() == (
        "Who is on call right now: find today and the time in the rota below."
    )
    assert page.get_by_text("00:00\u201308:00: Kari Nordli (X only)").first.is_visible()
    context.close()


def test_screenshots_for_a_reviewer(visits) -> None:
    taken = [
        ARTIFACTS / f"{name}-{language}-{width}.png"
        for language in ("en", "nb")
        for width in WIDTHS
        for name in SCREENSHOTS.values()
    ]
    assert all(path.read_bytes().startswith(b"\x89PNG") for path in taken)
    assert len(taken) == 16


def test_the_crisis_page_shows_a_route_to_every_role(served, browser) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    page.goto(served["nb"] + "escalation/")
    table = page.locator("h2#slik-nar-du-hver-rolle ~ div table").first
    rows = table.locator("tbody tr")
    assert rows.count() == 8
    routes = [rows.nth(i).locator("td").nth(2).inner_text().strip() for i in range(8)]
    assert all(route and route != "—" for route in routes)
    assert "telefon +47 22 86 40 00 (the duty phone, around the clock during a crisis)" in routes
    assert table.locator("td").first.get_attribute("data-label") == "Rolle"
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_no_serious_accessibility_violation_on_any_page(visits, width) -> None:
    pytest.importorskip("axe_playwright_python.sync_playwright")
    checked = [visit for visit in visits if visit.width == width]
    assert len(checked) == len(visits) // len(WIDTHS)
    found = {f"{v.language}/{v.path}": v.serious for v in checked if v.serious}
    assert found == {}
