"""GK970-GK973: `govkit check` reports on the pull request what the handbook build refuses,
and a handbook without an address."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import TODAY, govkit

PAGE_HINT = (
    "(hint: write plain Markdown: no scripts, frames, embedded objects, event handlers, "
    "javascript: links or snippet includes)"
)


def check(policies: Path):  # type: ignore[no-untyped-def]
    return govkit("check", policies, "--today", TODAY, "--select", "GK970,GK971,GK972")


def test_example_has_no_refused_setting_or_page(example: Path) -> None:
    run = check(example)
    assert run.exit_code == 0
    assert run.stdout.splitlines()[-1].startswith(f"{example}: 0 errors, 0 warnings")


def test_gk970_reports_every_refused_setting_where_it_stands(example: Path) -> None:
    config = example / "mkdocs.yml"
    config.write_text(
        "site_name: Nordlys\n"
        "hooks:\n  - evil.py\n"
        "theme:\n  name: material\n  custom_dir: overrides\n  logo: ../logo.png\n"
        "markdown_extensions:\n  - admonition\n  - pymdownx.superfences:\n"
        "      custom_fences: []\n"
        "unknown_key: 1\n",
        encoding="utf-8",
    )
    run = check(example)
    assert run.exit_code == 1
    trust = (
        "(hint: remove it; only the publishing job on main may allow it, with "
        "'govkit docs build --trust-config')"
    )
    assert run.stdout.splitlines()[:-1] == [
        f"{config}:2:1: error: 'hooks' runs Python files when the site is built [GK970] {trust}",
        f"{config}:6:3: error: 'theme.custom_dir' adds templates that can read files and run "
        f"code [GK970] {trust}",
        f"{config}:7:9: error: 'theme.logo' must be the path of a file in handbook/ [GK970] "
        "(hint: copy the file into handbook/ and give its path, e.g. handbook/logo.svg)",
        f"{config}:11:7: error: option 'custom_fences' of 'pymdownx.superfences' is not allowed "
        "[GK970] (hint: remove it; allowed options: css_class, disable_indented_code_blocks, "
        "preserve_tabs)",
        f"{config}:12:1: error: 'unknown_key' is not a setting govkit takes from mkdocs.yml "
        "[GK970] (hint: remove it; allowed: site_name, site_url, site_description, site_author, "
        "copyright, repo_url, repo_name, edit_uri, theme, extra, nav, markdown_extensions, "
        "plugins, extra_css, extra_javascript)",
    ]


def test_gk970_reports_a_tag_and_the_build_says_the_same(example: Path, tmp_path: Path) -> None:
    config = example / "mkdocs.yml"
    config.write_text("site_name: !ENV [SITE, Handbook]\n", encoding="utf-8")
    expected = (
        f"{config}:1:12: error: YAML tag '!ENV' is not allowed [GK970] (hint: mkdocs.yml is "
        "read as plain data: write the value itself; tags such as !ENV or !!python/name are "
        "never read)"
    )
    run = check(example)
    assert run.exit_code == 1
    assert run.stdout.splitlines()[0] == expected
    built = govkit("docs", "build", example, "--site-dir", tmp_path / "site", "--today", TODAY)
    assert built.exit_code == 2
    assert built.stdout == expected + "\n"


def test_gk971_reports_scripts_handlers_links_and_includes(example: Path) -> None:
    page = example / "handbook" / "bad.md"
    page.write_text(
        "# Bad\n\n"
        "<iframe src='https://video.example/'></iframe>\n"
        "<img src=x\n     onerror=alert(1)>\n"
        "[Click](jav&#x61;script:alert(1))\n"
        '[Button](https://ok.example/){ onclick="alert(1)" }\n'
        "<object data=x></object> <embed src=y>\n"
        ';--8<-- "secret.txt"\n',
        encoding="utf-8",
    )
    (example / "handbook" / "raw.html").write_text("<script>alert(1)</script>\n")
    run = check(example)
    assert run.exit_code == 1
    name = "is not allowed in a handbook page [GK971]"
    assert run.stdout.splitlines()[:-1] == [
        f"{page}:3:1: error: a raw <iframe> element {name} {PAGE_HINT}",
        f"{page}:5:6: error: an event-handler attribute 'onerror=' {name} {PAGE_HINT}",
        f"{page}:6:1: error: a 'javascript:' link {name} {PAGE_HINT}",
        f"{page}:7:32: error: an event-handler attribute 'onclick=' {name} {PAGE_HINT}",
        f"{page}:8:1: error: a raw <object> element {name} {PAGE_HINT}",
        f"{page}:8:26: error: a raw <embed> element {name} {PAGE_HINT}",
        f"{page}:9:2: error: a snippet include marker '--8<--' {name} {PAGE_HINT}",
        f"{example / 'handbook' / 'raw.html'}:1:1: error: a raw HTML file would be published "
        "as it is, scripts included [GK971] (hint: write the page in Markdown (.md) instead)",
    ]


def test_plain_markdown_mentioning_javascript_words_is_not_flagged(example: Path) -> None:
    (example / "handbook" / "ok.md").write_text(
        "# Fine\n\nOne = two; online = yes. A <kbd>Ctrl</kbd> key, `code`, and\n"
        "[a link](https://example.com/onboarding?x=1).\n",
        encoding="utf-8",
    )
    assert check(example).exit_code == 0


ADDRESS = (
    "warning: the handbook has no address (site_url): its 'page not found' page loads its style "
    "and links from the server's root, and its sitemap lists no addresses [GK973] (hint: set "
    "spec.handbook.site_url in Settings (or site_url in mkdocs.yml))"
)


def address_findings(policies: Path) -> list[str]:
    run = govkit("check", policies, "--today", TODAY, "--select", "GK973")
    return run.stdout.splitlines()[:-1]


def without_site_url(policies: Path) -> None:
    config = policies / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    config.write_text("".join(line for line in lines if not line.startswith("site_url:")))


def test_gk973_a_handbook_without_an_address_is_told_at_settings(example: Path) -> None:
    without_site_url(example)
    assert address_findings(example) == [f"{example / 'settings.yaml'}:9:1: {ADDRESS}"]
    settings = example / "settings.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text + "  handbook:\n    language: nb\n", encoding="utf-8")
    line = text.count("\n") + 1
    assert address_findings(example) == [f"{settings}:{line}:3: {ADDRESS}"]
    settings.write_text(
        text + "  handbook:\n    site_url: https://handbook.nordlys.example/\n", encoding="utf-8"
    )
    assert address_findings(example) == []


def test_gk973_without_settings_is_told_at_mkdocs_yml(example: Path) -> None:
    without_site_url(example)
    (example / "settings.yaml").unlink()
    assert address_findings(example) == [f"{example / 'mkdocs.yml'}:1:1: {ADDRESS}"]
    (example / "mkdocs.yml").unlink()
    assert address_findings(example) == []


def test_gk973_the_address_in_mkdocs_yml_is_enough(example: Path) -> None:
    assert "site_url: https://" in (example / "mkdocs.yml").read_text(encoding="utf-8")
    assert address_findings(example) == []
