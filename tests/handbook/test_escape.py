"""Escaping of YAML text: HTML and Markdown in policy files must render as literal text."""

from __future__ import annotations

import html
from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from governance_kit.markup.escape import cell, link, safe_url, text
from governance_kit.markup.markdown import table
from governance_kit.output import visible
from governance_kit.redaction import redact

EXTENSIONS = ["admonition", "tables", "attr_list", "toc", "pymdownx.tasklist"]


class _Page(HTMLParser):
    """Collects the text and the tags of rendered HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def render(source: str) -> _Page:
    page = _Page()
    page.feed(markdown.markdown(source, extensions=EXTENSIONS))
    page.close()
    return page


def test_script_tag_becomes_entities() -> None:
    assert text("<script>alert(1)</script>") == "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"


def test_markdown_punctuation_is_backslash_escaped() -> None:
    assert text("**bold** # heading") == "\\*\\*bold\\*\\* \\# heading"
    assert text("[click](javascript:alert(1))") == "\\[click\\]\\(javascript:alert\\(1\\)\\)"


def test_quotes_and_ampersands_become_entities() -> None:
    assert text('Tom & Jerry\'s "show"') == "Tom &amp; Jerry&#39;s &quot;show&quot;"


def test_newlines_and_runs_of_spaces_collapse() -> None:
    assert text("one\n\n    two\tthree\r\nfour") == "one two three four"


def test_control_characters_are_shown() -> None:
    assert text("a\x00b\x1bc\u202ed") == "a\\\\x00b\\\\x1bc&lt;U\\+202E&gt;d"
    assert "".join(render(text("a\x00b\x1bc\u202ed")).text).strip() == "a\\x00b\\x1bc<U+202E>d"


@pytest.mark.parametrize(
    "value",
    [
        '<script>alert("x")</script>',
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "**bold** and _it_ and `code`",
        "# heading",
        "1. not a list",
        "- not a list either",
        "> not a quote",
        '!!! danger "not an admonition"',
        "{: .class onclick=alert(1) }",
        "[ ] not a task",
        "&lt; stays &amp; as typed",
        "back\\slash \\*",
        "<!-- comment -->",
        "![image](https://example.org/x.png)",
    ],
)
def test_rendered_text_equals_the_value_and_makes_no_tags(value: str) -> None:
    page = render(text(value))
    assert "".join(page.text).strip() == value
    assert [tag for tag, _ in page.tags] == ["p"]


@pytest.mark.slow
@given(st.text(max_size=60))
@example("0 \x1b\r0")
def test_any_text_renders_literally(value: str) -> None:
    assume(redact(value) == value)
    page = render(text(value))
    assert "".join(page.text).strip() == visible(" ".join(value.split()))
    assert {tag for tag, _ in page.tags} <= {"p"}


def test_table_cell_escapes_pipes_and_newlines() -> None:
    source = "\n".join(table(["A", "B"], [[cell("x | y\nz"), cell(None)]]))
    page = render(source)
    assert "x | y z" in page.text
    assert "—" in page.text
    assert [tag for tag, _ in page.tags].count("td") == 2


def test_link_keeps_safe_urls_and_quotes_them() -> None:
    assert link("@nordlys", "https://x.com/nordlys") == "[@nordlys](https://x.com/nordlys)"
    assert safe_url('https://e.org/a b)"<x>') == "https://e.org/a%20b%29%22%3Cx%3E"


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<b>", "vbscript:x", ""]
)
def test_link_with_unsafe_url_is_only_text(url: str) -> None:
    rendered = link("click <me>", url)
    assert rendered == "click &lt;me&gt;"
    page = render(rendered)
    assert [tag for tag, _ in page.tags] == ["p"]


def test_link_renders_one_anchor_with_the_url() -> None:
    page = render(link("a*b*", "https://example.org/?q=1&r=(2)"))
    anchors = [dict(attrs) for tag, attrs in page.tags if tag == "a"]
    assert anchors == [{"href": "https://example.org/?q=1&r=%282%29"}]
    assert html.unescape("".join(page.text)) == "a*b*"
