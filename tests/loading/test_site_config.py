"""Judging mkdocs.yml and handbook pages without building: the allow-list, positions, and what
counts as markup that would run in a reader's browser."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from governance_kit.loading.own_pages import own_pages
from governance_kit.loading.site_config import judge_site_config
from governance_kit.loading.site_pages import judge_pages, unsafe_markup


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<SCRIPT>x</SCRIPT>", [(0, "a raw <script> element")]),
        ("a <iframe src=x>", [(2, "a raw <iframe> element")]),
        ('<img alt=">" ONERROR=alert(1) src=x>', [(13, "an event-handler attribute 'ONERROR='")]),
        ("<img\nsrc=x\nonerror=alert(1)>", [(11, "an event-handler attribute 'onerror='")]),
        ("[x](y){onclick=a}", [(7, "an event-handler attribute 'onclick='")]),
        ("[x](jav&#x61;script:alert(1))", [(0, "a 'javascript:' link")]),
        ('<a href="java\nscript:alert(1)">x</a>', [(9, "a 'javascript:' link")]),
        ("<a href='data:text/html,x'>", [(9, "a 'data:text/html' link")]),
        ('--8<-- "/etc/hostname"', [(0, "a snippet include marker '--8<--'")]),
        ('<a href="x" title="on=1">ok</a>', []),
        ('<img alt="x onerror=alert(1)>', []),
        ("One = two; online = yes {: .note }", []),
        ("Time: 10:00, see https://example.com/onboarding", []),
    ],
)
def test_unsafe_markup(text: str, expected: list[tuple[int, str]]) -> None:
    assert unsafe_markup(text) == expected


def _judge(root: Path, text: str, *, trusted: bool = False) -> tuple[list[str], dict]:
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    judged = judge_site_config(root, trusted=trusted)
    return [f"{f.line}:{f.column} {f.message}" for f in judged.findings], judged.settings


def test_allowed_settings_are_kept_as_written(tmp_path: Path) -> None:
    (tmp_path / "handbook").mkdir()
    (tmp_path / "handbook" / "extra.css").write_text("body {}\n")
    findings, settings = _judge(
        tmp_path,
        "site_name: Nordlys\ntheme: material\nextra_css: [handbook/extra.css]\n"
        "plugins:\n  search: {lang: [en, nb]}\n  tags:\n"
        "markdown_extensions:\n  - toc:\n      permalink: true\n",
    )
    assert findings == []
    assert settings == {
        "site_name": "Nordlys",
        "theme": {},
        "extra_css": ["handbook/extra.css"],
        "plugins": [{"search": {"lang": ["en", "nb"]}}, {"tags": None}],
        "markdown_extensions": [{"toc": {"permalink": True}}],
    }


def test_refused_entries_are_left_out_of_the_settings(tmp_path: Path) -> None:
    findings, settings = _judge(
        tmp_path,
        "plugins:\n  search:\n  macros: {}\n"
        "markdown_extensions:\n  - admonition\n  - os\n  - toc:\n      slugify: os.system\n"
        "theme:\n  name: readthedocs\n  palette: {primary: teal}\n",
    )
    assert findings == [
        "3:3 plugin 'macros' is not allowed: plugins run code when the site is built",
        "6:5 Markdown extension 'os' is not allowed: extensions run code when the site is built",
        "8:7 option 'slugify' of 'toc' is not allowed",
        "10:9 theme 'readthedocs' is not allowed: the handbook is built with Material for MkDocs",
    ]
    assert settings == {
        "plugins": [{"search": None}],
        "markdown_extensions": ["admonition"],
        "theme": {"palette": {"primary": "teal"}},
    }


def test_a_logo_linked_out_of_handbook_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "secret.svg"
    outside.write_text("<svg/>")
    root = tmp_path / "policies"
    (root / "handbook").mkdir(parents=True)
    (root / "handbook" / "logo.svg").symlink_to(outside)
    findings, settings = _judge(root, "theme:\n  logo: handbook/logo.svg\n")
    assert findings == ["2:9 'theme.logo' leads outside handbook/ through a symbolic link"]
    assert settings == {"theme": {}}


def test_trusted_keeps_everything_but_the_settings_govkit_owns(tmp_path: Path) -> None:
    findings, settings = _judge(
        tmp_path,
        "hooks: [x.py]\nplugins: [macros]\nsite_dir: /tmp/x\ncopyright: <script>x</script>\n",
        trusted=True,
    )
    assert findings == ["3:1 govkit chooses 'site_dir'"]
    assert settings == {
        "hooks": ["x.py"],
        "plugins": ["macros"],
        "copyright": "<script>x</script>",
    }


def test_no_file_and_an_empty_file_are_no_settings(tmp_path: Path) -> None:
    assert judge_site_config(tmp_path).settings == {}
    assert _judge(tmp_path, "# nothing yet\n") == ([], {})


def test_pages_that_are_not_regular_files_are_left_to_gk972(tmp_path: Path) -> None:
    handbook = tmp_path / "handbook"
    handbook.mkdir()
    os.mkfifo(handbook / "pipe.md")
    (handbook / "gone.md").symlink_to(tmp_path / "missing.md")
    (handbook / "fine.md").write_text("# Fine <script>x</script>\n")
    found = [(f.path.name, f.line, f.column, f.code) for f in judge_pages(tmp_path)]
    assert found == [("fine.md", 1, 8, "GK971")]
    pages = own_pages(tmp_path)
    assert [(f.path.name, f.message, f.code) for f in pages.refused] == [
        ("gone.md", "symbolic link points to nothing; not published", "GK972"),
        ("pipe.md", "not a regular file; not published", "GK972"),
    ]
