"""The built handbook in a real Chromium: navigation, search, no script runs, not blank."""

from __future__ import annotations

import base64
import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import require_in_ci

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
COUNT_COLOURS = """async (data) => {
  const image = new Image();
  image.src = data;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  const pixels = context.getImageData(0, 0, image.width, image.height).data;
  const colours = new Set();
  for (let i = 0; i < pixels.length; i += 4) {
    colours.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
  }
  return colours.size;
}"""

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("injected-site")]
"""One worker runs the tests of the injected site (tests/handbook/conftest.py), built once."""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def served(injected_site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(injected_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def browser() -> Iterator[object]:
    require_in_ci(CHROMIUM.exists(), "/usr/bin/chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


def test_employee_reads_the_handbook(served: str, browser, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(served)
    assert page.title() == "Nordlys Outdoor \u2013 Social media handbook"
    nav = page.locator("nav.md-nav--primary")

    nav.get_by_role("link", name="Account directory").click()
    page.wait_for_url("**/accounts/")
    assert page.get_by_role("link", name="@NordlysSupport").is_visible()
    assert page.get_by_text('<script>alert("x")</script>', exact=False).first.is_visible()
    assert page.get_by_text("<img src=x onerror=alert(1)>", exact=False).first.is_visible()

    nav.get_by_role("link", name="Community rules and moderation").click()
    page.wait_for_url("**/moderation/")
    assert page.get_by_text("00:00\u201308:00: Kari Nordli (X only)").first.is_visible()
    assert page.get_by_text("Sunday", exact=True).is_visible()

    page.locator("input.md-search__input").click()
    page.keyboard.type("takeover", delay=20)
    result = page.locator(".md-search-result__link[href*='/escalation/']").first
    result.wait_for(state="visible")
    result.click()
    page.wait_for_url("**/escalation/**")
    assert page.get_by_role("heading", name="Crisis protocols").is_visible()

    screenshot = tmp_path / "escalation.png"
    page.screenshot(path=str(screenshot), full_page=False)
    png = screenshot.read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    data = "data:image/png;base64," + base64.b64encode(png).decode()
    assert page.evaluate(COUNT_COLOURS, data) > 50

    page.goto(served + "brand/")
    assert page.get_by_text("[click](javascript:alert(1))", exact=False).first.is_visible()
    assert page.locator("a[href^='javascript:']").count() == 0
    page.wait_for_timeout(300)
    assert dialogs == []
