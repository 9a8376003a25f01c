"""One handbook in several languages (Settings handbook.also_in): the handbook's language at
the site's root, each other language in a folder named after it, a language selector on every
page that leads to the same handbook in each language, and the leak scan over all of them."""

from __future__ import annotations

import functools
import re
import shutil
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.conftest import EXAMPLE, TODAY, govkit, require_in_ci

from .real import govkit_in
from .test_browser import ARGS, CHROMIUM, _Quiet
from .test_site_dir import LEAK_LINE, leak

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("languages")]
"""One worker runs the module, so that the handbook in three languages is built once."""

_LINK = re.compile(r'<a href="([^"]*)" hreflang="([a-z]+)" class="md-select__link">\s*([^<]*?)\s*<')
_LANG = re.compile(r'<html lang="([a-z]+)"')
_H1 = re.compile(r"<h1[^>]*>([^<]*)")


def in_languages(policies: Path, settings: str) -> None:
    path = policies / "settings.yaml"
    path.write_text(path.read_text(encoding="utf-8") + settings, encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's handbook in Norwegian, also in English and German, built once."""
    base = tmp_path_factory.mktemp("languages")
    shutil.copytree(EXAMPLE, base / "policies")
    in_languages(base / "policies", "  handbook:\n    language: nb\n    also_in: [en, de]\n")
    run = govkit("docs", "build", base / "policies", "--site-dir", base / "site", "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    site = base / "site"
    assert run.stdout.splitlines() == [
        f"handbook: {site / 'index.html'}",
        f"handbook (en): {site / 'en' / 'index.html'}",
        f"handbook (de): {site / 'de' / 'index.html'}",
    ]
    return site


def page(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_each_language_is_a_whole_handbook_in_its_own_folder(site: Path):
    homes = {path: page(site, path) for path in ("index.html", "en/index.html", "de/index.html")}
    assert {path: _LANG.search(text).group(1) for path, text in homes.items()} == {
        "index.html": "nb",
        "en/index.html": "en",
        "de/index.html": "de",
    }
    assert {path: _H1.search(text).group(1).strip() for path, text in homes.items()} == {
        "index.html": "Sosiale medier i Nordlys Outdoor AS",
        "en/index.html": "Social media at Nordlys Outdoor AS",
        "de/index.html": "Social Media bei Nordlys Outdoor AS",
    }
    pages = {p.relative_to(site).as_posix() for p in site.rglob("index.html")}
    for language in ("en", "de"):
        assert {p for p in pages if p.startswith(f"{language}/")} == {
            f"{language}/{p}" for p in pages if not p.startswith(("en/", "de/"))
        }
        index = page(site, f"{language}/search/search_index.json")
        assert f'"lang":["{language}"]' in index


@pytest.mark.parametrize(
    "path",
    [
        "index.html",
        "accounts/index.html",
        "en/index.html",
        "en/moderation/index.html",
        "de/print_page/index.html",
    ],
)
def test_every_page_has_a_selector_leading_to_each_language(site: Path, path: str):
    links = _LINK.findall(page(site, path))
    assert [(lang, name) for _href, lang, name in links] == [
        ("nb", "Norsk bokmål"),
        ("en", "English"),
        ("de", "Deutsch"),
    ]
    for href, lang, _name in links:
        target = urljoin(f"http://handbook/{path}", href).removeprefix("http://handbook/")
        landing = site / target / "index.html" if not target.endswith(".html") else site / target
        assert _LANG.search(landing.read_text(encoding="utf-8")).group(1) == lang, (path, href)


def test_a_handbook_in_one_language_has_no_selector(tmp_path: Path):
    run = govkit("docs", "build", EXAMPLE, "--site-dir", tmp_path / "site", "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    assert _LINK.findall(page(tmp_path / "site", "index.html")) == []
    assert not (tmp_path / "site" / "en").exists()


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (
            "  handbook:\n    language: nb\n    also_in: [en, nb]\n",
            "spec.handbook.also_in: nb is the handbook's language already [GK002]",
        ),
        (
            "  handbook:\n    also_in: [sv, de, sv]\n",
            "spec.handbook.also_in: sv is listed twice [GK002]",
        ),
        (
            "  handbook:\n    also_in: [fr]\n",
            "spec.handbook.also_in[0]: 'fr' is not one of: en, nb, sv, de, zh [GK002]",
        ),
    ],
)
def test_each_other_language_is_one_the_handbook_has_and_named_once(
    example: Path, settings: str, message: str
):
    in_languages(example, settings)
    run = govkit("validate", example)
    assert run.exit_code == 2
    lines = run.stdout.splitlines()
    assert [line.split(": error: ", 1)[1] for line in lines] == [message], lines
    assert lines[0].startswith(f"{example / 'settings.yaml'}:")


def test_a_leak_in_any_language_stops_the_whole_build(tmp_path: Path):
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLE, repo / "policies")
    in_languages(repo / "policies", "  handbook:\n    also_in: [de]\n")
    leak(repo / "policies")
    run = govkit_in(repo, "docs", "build", "policies", "--site-dir", "site")
    first = repo / "site" / "de" / "handbook" / "leak" / "index.html"
    assert (run.returncode, run.stderr) == (2, f"govkit: error: {first}: {LEAK_LINE}\n")
    assert not (repo / "site").exists()


@pytest.mark.browser
def test_an_employee_switches_language_in_chromium(site: Path) -> None:
    """On a page of the Norwegian handbook, the selector leads to the English handbook, and
    from there back, with Material's own script running."""
    require_in_ci(CHROMIUM.exists(), "/usr/bin/chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    handler = functools.partial(_Quiet, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(root + "moderation/")
            assert page.locator("html").get_attribute("lang") == "nb"
            page.locator(".md-select button").hover()
            page.locator('a.md-select__link[hreflang="en"]').click()
            page.wait_for_load_state()
            assert page.locator("html").get_attribute("lang") == "en"
            assert page.url.startswith(root + "en/")
            page.locator(".md-select button").hover()
            page.locator('a.md-select__link[hreflang="nb"]').click()
            page.wait_for_load_state()
            assert page.locator("html").get_attribute("lang") == "nb"
            assert not page.url.startswith(root + "en/")
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
