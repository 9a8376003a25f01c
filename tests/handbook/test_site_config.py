"""The company's mkdocs.yml and handbook pages are data: real `govkit docs build` runs refuse
what would run code, read files or publish secrets, and build what is allowed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import TODAY, govkit

pytestmark = pytest.mark.slow
TRUST_HINT = (
    "(hint: remove it; only the publishing job on main may allow it, with "
    "'govkit docs build --trust-config')"
)
SUMMARY = (
    "govkit: error: {count} in mkdocs.yml or handbook/; handbook not built "
    "(hint: fix the lines above; 'govkit check' reports them too)\n"
)


def configure(policies: Path, text: str) -> Path:
    path = policies / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


def build(policies: Path, site: Path, *options: str):  # type: ignore[no-untyped-def]
    return govkit("docs", "build", policies, "--site-dir", site, "--today", TODAY, *options)


def files_under(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()]


def hook(policies: Path, canary: Path) -> None:
    """A hook file that would create `canary` when MkDocs loads its configuration."""
    (policies / "evil.py").write_text(
        "from pathlib import Path\n\n\n"
        "def on_config(config):\n"
        f"    Path({str(canary)!r}).write_text('ran')\n"
        "    return config\n",
        encoding="utf-8",
    )


def test_hooks_are_refused_at_their_line_and_never_run(published: Path, tmp_path: Path) -> None:
    canary = tmp_path / "canary"
    hook(published, canary)
    config = configure(published, "site_name: Nordlys\nhooks:\n  - evil.py\n")
    site = tmp_path / "site"

    run = build(published, site)

    assert run.exit_code == 2
    assert run.stdout == (
        f"{config}:2:1: error: 'hooks' runs Python files when the site is built [GK970] "
        f"{TRUST_HINT}\n"
    )
    assert run.stderr == SUMMARY.format(count="1 problem")
    assert not canary.exists()
    assert not site.exists()


def test_trust_config_on_the_command_line_lets_hooks_run(published: Path, tmp_path: Path) -> None:
    canary = tmp_path / "canary"
    hook(published, canary)
    configure(published, "site_name: Nordlys\nhooks:\n  - evil.py\n")
    site = tmp_path / "site"

    refused = build(published, site)
    assert refused.exit_code == 2
    assert not canary.exists()

    trusted = build(published, site, "--trust-config")
    assert trusted.exit_code == 0, trusted.stderr
    assert canary.read_text() == "ran"
    assert (site / "index.html").is_file()


def test_trust_config_still_refuses_the_settings_govkit_owns(
    published: Path, tmp_path: Path
) -> None:
    config = configure(published, "site_name: Nordlys\ndocs_dir: /\n")
    run = build(published, tmp_path / "site", "--trust-config")
    assert run.exit_code == 2
    assert run.stdout == (
        f"{config}:2:1: error: govkit generates the pages and chooses 'docs_dir' [GK970] "
        "(hint: remove it; put your own pages in handbook/)\n"
    )


TAG_HINT = (
    "(hint: mkdocs.yml is read as plain data: write the value itself; tags such as !ENV or "
    "!!python/name are never read)"
)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("site_name: !ENV SECRET_TOKEN\n", 1, 12),
        ("site_name: Nordlys\nextra:\n  token: !ENV [SECRET_TOKEN, none]\n", 3, 10),
    ],
    ids=["site_name", "extra"],
)
def test_env_tags_are_refused_and_the_secret_goes_nowhere(
    published: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    text: str,
    line: int,
    column: int,
) -> None:
    secret = "tok-5f0c9e2a7b3d41c8"
    monkeypatch.setenv("SECRET_TOKEN", secret)
    config = configure(published, text)
    site = tmp_path / "site"

    run = build(published, site)

    assert run.exit_code == 2
    assert run.stdout == (
        f"{config}:{line}:{column}: error: YAML tag '!ENV' is not allowed [GK970] {TAG_HINT}\n"
    )
    assert not site.exists()
    assert secret not in run.stdout + run.stderr
    for path in files_under(tmp_path):
        assert secret not in path.read_text(encoding="utf-8", errors="ignore"), path


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("!!python/name:os.system", "!!python/name:os.system"),
        ("!!python/object/apply:os.system ['touch {canary}']", "!!python/object/apply:os.system"),
    ],
    ids=["name", "object-apply"],
)
def test_python_tags_in_extension_options_are_refused(
    published: Path, tmp_path: Path, value: str, tag: str
) -> None:
    canary = tmp_path / "canary"
    config = configure(
        published,
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        f"      emoji_index: {value.format(canary=canary)}\n",
    )
    site = tmp_path / "site"

    run = build(published, site)

    assert run.exit_code == 2
    assert (
        run.stdout == f"{config}:3:20: error: YAML tag '{tag}' is not allowed [GK970] {TAG_HINT}\n"
    )
    assert not canary.exists()
    assert not site.exists()


def test_custom_dir_templates_are_refused(published: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("OUTSIDE-THE-REPOSITORY-7731")
    overrides = published / "overrides"
    overrides.mkdir()
    (overrides / "outside.txt").symlink_to(outside)
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}{% block content %}{% include "outside.txt" %}{% endblock %}'
    )
    config = configure(published, "theme:\n  name: material\n  custom_dir: overrides\n")
    site = tmp_path / "site"

    run = build(published, site)

    assert run.exit_code == 2
    assert run.stdout == (
        f"{config}:3:3: error: 'theme.custom_dir' adds templates that can read files and run "
        f"code [GK970] {TRUST_HINT}\n"
    )
    assert not site.exists()


def test_snippets_and_include_markers_are_refused(published: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("VICTIM-CONTENT-4242")
    config = configure(
        published,
        "site_name: Nordlys\nmarkdown_extensions:\n  - pymdownx.snippets:\n      base_path: /\n",
    )
    page = published / "handbook" / "leak.md"
    page.write_text(f'# Leak\n\nBelow:\n\n--8<-- "{victim}"\n', encoding="utf-8")
    site = tmp_path / "site"

    run = build(published, site)

    assert run.exit_code == 2
    assert run.stdout == (
        f"{config}:3:5: error: Markdown extension 'pymdownx.snippets' copies files named in "
        "the pages into the site, from anywhere on the build machine [GK970] (hint: remove it; "
        "write the text into the page)\n"
        f"{page}:5:1: error: a snippet include marker '--8<--' is not allowed in a handbook "
        "page [GK971] (hint: write plain Markdown: no scripts, frames, embedded objects, event "
        "handlers, javascript: links or snippet includes)\n"
    )
    assert run.stderr == SUMMARY.format(count="2 problems")
    assert not site.exists()
    for path in files_under(tmp_path):
        if path != victim:
            assert "VICTIM-CONTENT-4242" not in path.read_text(errors="ignore"), path


OUTSIDE = "(hint: copy the file into handbook/ and give its path, e.g. handbook/extra.js)"


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        (
            "docs_dir: /",
            "1:1: error: govkit generates the pages and chooses 'docs_dir' [GK970] "
            "(hint: remove it; put your own pages in handbook/)",
        ),
        (
            "site_dir: ../..",
            "1:1: error: govkit chooses 'site_dir' [GK970] "
            "(hint: remove it; give 'govkit docs build --site-dir')",
        ),
        (
            "INHERIT: ../../outside.yml",
            "1:1: error: 'INHERIT' reads settings from another file, possibly outside the "
            "repository [GK970] (hint: remove it; write the settings in this file)",
        ),
        (
            "extra_javascript:\n  - https://evil.example/x.js",
            f"2:5: error: 'extra_javascript[0]' loads a file from another site [GK970] {OUTSIDE}",
        ),
        (
            "extra_javascript:\n  - //evil.example/x.js",
            f"2:5: error: 'extra_javascript[0]' loads a file from another site [GK970] {OUTSIDE}",
        ),
        (
            "plugins:\n  - search\n  - some-plugin",
            "3:5: error: plugin 'some-plugin' is not allowed: plugins run code when the site is "
            "built [GK970] (hint: remove it; allowed: search, tags, offline; others: only the "
            "publishing job on main may allow it, with 'govkit docs build --trust-config')",
        ),
        (
            "strict: false",
            "1:1: error: govkit always builds the handbook in strict mode [GK970] "
            "(hint: remove 'strict')",
        ),
        (
            "dev_addr: 0.0.0.0:80",
            "1:1: error: govkit chooses 'dev_addr' [GK970] "
            "(hint: remove it; give 'govkit docs serve --dev-addr')",
        ),
    ],
    ids=[
        "docs_dir",
        "site_dir",
        "INHERIT",
        "offsite-js",
        "protocol-relative-js",
        "plugin",
        "strict",
        "dev_addr",
    ],
)
def test_each_refused_setting_is_one_line(
    published: Path, tmp_path: Path, setting: str, expected: str
) -> None:
    config = configure(published, setting + "\n")
    site = tmp_path / "site"
    run = build(published, site)
    assert run.exit_code == 2
    assert run.stdout == f"{config}:{expected}\n"
    assert not site.exists()


def test_html_in_copyright_and_script_links_in_extra_are_refused(
    published: Path, tmp_path: Path
) -> None:
    config = configure(
        published,
        "copyright: Nordlys <img src=x onerror=alert(1)>\n"
        "extra:\n  social:\n    - link: 'javascript:alert(1)'\n"
        'site_name: Nordlys" onmouseover="alert(1)\n',
    )
    run = build(published, tmp_path / "site")
    assert run.exit_code == 2
    hint = "(hint: remove it: the theme prints this setting into every page as it is)"
    assert run.stdout.splitlines() == [
        f"{config}:1:12: error: 'copyright' holds an event-handler attribute 'onerror=' "
        f"[GK970] {hint}",
        f"{config}:4:13: error: 'extra.social[0].link' holds a 'javascript:' link [GK970] {hint}",
        f"{config}:5:12: error: 'site_name' holds '\"', '<' or '>', which the theme prints into "
        "the HTML of every page unescaped [GK970] (hint: remove those characters (typographic "
        "quotes “ ” are fine))",
    ]


def test_script_in_a_handbook_page_is_refused(published: Path, tmp_path: Path) -> None:
    page = published / "handbook" / "welcome.md"
    page.write_text("# Welcome\n\nHello <script>alert(1)</script>\n", encoding="utf-8")
    site = tmp_path / "site"
    run = build(published, site)
    assert run.exit_code == 2
    assert run.stdout.startswith(
        f"{page}:3:7: error: a raw <script> element is not allowed in a handbook page [GK971]"
    )
    assert not site.exists()


def test_link_out_of_handbook_is_refused(published: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.md"
    victim.write_text("# Secret\n\nVICTIM-CONTENT-4242\n")
    link = published / "handbook" / "secret.md"
    link.symlink_to(victim)
    site = tmp_path / "site"
    run = build(published, site)
    assert run.exit_code == 2
    assert run.stdout == (
        f"{link}:1:1: error: symbolic link points outside the policy repository; not "
        "published [GK972] (hint: copy what it points to into the repository instead)\n"
    )
    assert not site.exists()


def test_allowed_settings_build_and_show(published: Path, tmp_path: Path) -> None:
    handbook = published / "handbook"
    (handbook / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"></svg>\n'
    )
    (handbook / "faq.md").write_text(
        '# Questions\n\n!!! note "Remember"\n    Ask the lead.\n\n'
        '??? tip "Shortcuts"\n    Hidden until opened.\n',
        encoding="utf-8",
    )
    configure(
        published,
        "site_name: Nordlys handbook\n"
        "copyright: Nordlys Outdoor AS &copy; 2026\n"
        "theme:\n"
        "  name: material\n"
        "  logo: handbook/logo.svg\n"
        "  palette:\n    primary: teal\n    accent: amber\n"
        "nav:\n"
        "  - FAQ: handbook/faq.md\n"
        "  - Intranet: https://intranet.nordlys.example/\n"
        "markdown_extensions:\n  - admonition\n  - pymdownx.details\n"
        "plugins:\n  - search:\n      lang: en\n",
    )
    site = tmp_path / "site"

    run = build(published, site)

    assert run.exit_code == 0, run.stdout + run.stderr
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>Nordlys handbook</title>" in home
    assert 'data-md-color-primary="teal"' in home
    assert 'src="handbook/logo.svg"' in home
    assert 'href="https://intranet.nordlys.example/"' in home
    assert 'href="handbook/faq/"' in home
    assert "Nordlys Outdoor AS &copy; 2026" in home
    faq = (site / "handbook" / "faq" / "index.html").read_text(encoding="utf-8")
    assert '<div class="admonition note">' in faq
    assert '<details class="tip">' in faq


def test_a_bad_option_value_is_one_line_without_a_traceback(
    published: Path, tmp_path: Path
) -> None:
    configure(published, "markdown_extensions:\n  - toc:\n      toc_depth: abc\n")
    run = build(published, tmp_path / "site")
    assert run.exit_code == 2
    assert run.stderr == (
        "govkit: error: MkDocs could not build the handbook: Config value "
        "'markdown_extensions': Failed to load extension 'toc'. ValueError: invalid literal "
        "for int() with base 10: 'abc'\n"
    )


def test_an_unknown_icon_is_one_line(published: Path, tmp_path: Path) -> None:
    configure(published, "theme:\n  icon:\n    logo: material/no-such-icon\n")
    run = build(published, tmp_path / "site")
    assert run.exit_code == 2
    assert run.stderr == (
        "govkit: error: MkDocs could not build the handbook: the theme has no template or icon "
        "'.icons/material/no-such-icon.svg' (check the icon names in mkdocs.yml)\n"
    )


def test_serve_refuses_the_same_file_before_serving(published: Path) -> None:
    config = configure(published, "site_name: Nordlys\nhooks:\n  - evil.py\n")
    run = govkit("docs", "serve", published, "--dev-addr", "127.0.0.1:0", "--today", TODAY)
    assert run.exit_code == 2
    assert run.stdout == (
        f"{config}:2:1: error: 'hooks' runs Python files when the site is built [GK970] "
        f"{TRUST_HINT}\n"
    )
    assert "handbook: http" not in run.stdout


def test_generated_config_keeps_govkit_folders_strict_mode_and_allowed_plugins(
    tmp_path: Path,
) -> None:
    from governance_kit.handbook.site import Generated, merged_config

    company = {
        "docs_dir": "/",
        "site_dir": "/tmp/elsewhere",
        "strict": False,
        "hooks": ["evil.py"],
        "INHERIT": "../outside.yml",
        "plugins": ["macros", {"tags": None}],
    }
    generated = Generated(tmp_path / "docs", [{"Home": "index.md"}])
    config = merged_config(company, generated, tmp_path / "site", "Handbook")
    assert (config["docs_dir"], config["site_dir"], config["strict"]) == (
        str(tmp_path / "docs"),
        str(tmp_path / "site"),
        True,
    )
    assert "hooks" not in config
    assert "INHERIT" not in config
    assert config["plugins"] == ["search", {"tags": None}]
    trusted = merged_config(company, generated, tmp_path / "site", "Handbook", trusted=True)
    assert trusted["hooks"] == ["evil.py"]
    assert trusted["plugins"] == ["search", "macros", {"tags": None}]
    assert trusted["docs_dir"] == str(tmp_path / "docs")


def test_generated_config_speaks_the_handbook_language(tmp_path: Path) -> None:
    from governance_kit.handbook.site import localised

    company = {
        "theme": {"name": "material", "language": "de", "features": []},
        "plugins": [{"search": {"separator": "[\\s]+"}}, {"tags": None}],
        "extra_css": ["handbook/extra.css"],
        "site_url": "https://company.example/handbook/",
    }
    config = localised(company, "nb", None, tmp_path / "overrides")
    assert config["theme"] == {
        "name": "material",
        "language": "nb",
        "features": [],
        "custom_dir": str(tmp_path / "overrides"),
    }
    assert config["plugins"][0] == {"search": {"separator": "[\\s]+", "lang": ["no"]}}
    assert config["plugins"][1] == {"tags": None}
    assert next(iter(config["plugins"][2])) == "print-site"
    assert config["extra_css"] == ["handbook/extra.css", "assets/govkit/handbook.css"]
    assert config["extra_javascript"] == ["assets/govkit/handbook.js"]
    assert config["site_url"] == "https://company.example/handbook/"
    settings_url = localised(company, "de", "https://handbook.example/")["site_url"]
    assert settings_url == "https://handbook.example/"
    assert company["theme"]["language"] == "de"  # the company's settings are not changed


def test_language_from_settings_then_the_theme_then_english() -> None:
    from governance_kit.handbook.site import choose_language
    from governance_kit.model.settings import HandbookSettings

    assert choose_language(HandbookSettings(language="sv"), {"theme": {"language": "de"}}) == "sv"
    assert choose_language(HandbookSettings(), {"theme": {"language": "de-CH"}}) == "de"
    assert choose_language(HandbookSettings(), {"theme": {"language": "zh_Hans"}}) == "zh"
    assert choose_language(HandbookSettings(), {"theme": {"language": "ka"}}) == "en"
    assert choose_language(HandbookSettings(), {}) == "en"


def test_settings_site_url_must_be_a_plain_https_address(published: Path, tmp_path: Path) -> None:
    settings = published / "settings.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text + '  handbook:\n    site_url: "https://x.example/\\"><script>"\n')
    run = govkit("docs", "build", published, "--site-dir", tmp_path / "site", "--today", TODAY)
    assert run.exit_code == 2
    line = len(text.splitlines()) + 2
    assert run.stdout == (
        f"{settings}:{line}:15: error: spec.handbook.site_url: "
        "'https://x.example/\"><script>' is not a plain https:// address [GK002] (hint: write "
        "the address the handbook is published at, e.g. https://handbook.example.com/)\n"
    )
    assert not (tmp_path / "site").exists()
