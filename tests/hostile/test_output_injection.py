"""Text from the policies cannot act in any output: Markdown, HTML, Actions, JUnit, terminal.

Each test feeds hostile text through a real command (or a real check result) and reads the
output the way its consumer does: a Markdown renderer, a browser's HTML parser, the Actions
runner's line protocol, an XML Schema validator, a terminal.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from html.parser import HTMLParser
from pathlib import Path

import git
import markdown
import pytest
from markdown_it import MarkdownIt

from governance_kit.checker import CheckResult
from governance_kit.findings import Finding
from governance_kit.formats import github, junit
from governance_kit.rules import rule_by_code
from tests.conftest import TODAY, edit_yaml, govkit
from tests.reporters.test_junit import validate

from .conftest import assert_no_crash

HANDBOOK_EXTENSIONS = ["admonition", "tables", "attr_list", "toc", "pymdownx.tasklist"]
HOSTILE_TITLES = {
    "accounts.yaml": "Registry <!-- everything after this is hidden",
    "brand.yaml": "Brand </details> <details><summary>nothing here</summary>",
    "people.yaml": "People | with | pipes",
    "waivers.yaml": "Waivers [click me](javascript:alert(1)) ![](http://tracker.example/p.gif)",
}


class _Text(HTMLParser):
    """The visible text, the tags and the comments of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def parsed(fragment: str) -> _Text:
    page = _Text()
    page.feed(fragment)
    return page


@pytest.fixture
def hostile_diff(example: Path) -> str:
    """`govkit diff` between two real commits: hostile titles, then ordinary changes after."""
    repo = git.Repo.init(example)
    with repo.config_writer() as config:
        config.set_value("user", "name", "Test")
        config.set_value("user", "email", "test@example.org")
    repo.git.add(A=True)
    repo.index.commit("Example")
    for name, title in HOSTILE_TITLES.items():

        def change(data: dict, title: str = title) -> None:
            data["metadata"]["title"] = title
            data["metadata"]["description"] = "Rewritten after the title."

        edit_yaml(example / name, change)
    repo.git.add(A=True)
    repo.index.commit("Hostile titles")
    run = govkit("diff", "HEAD~1", "HEAD", example)
    assert_no_crash(run)
    assert run.exit_code == 0, run.stderr
    return run.stdout


def _expected(comment: str) -> tuple[int, int]:
    match = re.search(r"^(\d+) changes? in (\d+) documents?", comment, re.MULTILINE)
    assert match, comment
    return int(match.group(1)), int(match.group(2))


@pytest.mark.parametrize(
    "render",
    [
        pytest.param(
            lambda s: MarkdownIt("commonmark").enable("table").render(s), id="markdown-it"
        ),
        pytest.param(lambda s: markdown.markdown(s, extensions=HANDBOOK_EXTENSIONS), id="mkdocs"),
    ],
)
def test_diff_comment_shows_every_change_after_hostile_titles(hostile_diff: str, render) -> None:
    changes, documents = _expected(hostile_diff)
    assert (changes, documents) == (8, 4)
    assert hostile_diff.count("- description changed") == documents
    page = parsed(render(hostile_diff))
    tags = [tag for tag, _ in page.tags]
    assert tags.count("li") == changes
    assert tags.count("h3") == documents
    assert page.comments == []
    assert not {"details", "summary", "a", "img", "table", "script"} & set(tags)
    text = "".join(page.text)
    for title in HOSTILE_TITLES.values():
        assert title in text
    assert text.count("description changed") == documents


def test_handbook_header_escapes_the_organisation_name(example: Path, tmp_path: Path) -> None:
    (example / "mkdocs.yml").unlink()
    name = "Nordlys <script>alert(1)</script> & Co"
    edit_yaml(example / "scope.yaml", lambda d: d["spec"]["organisation"].update(name=name))
    site = tmp_path / "site"
    run = govkit("docs", "build", example, "--site-dir", site, "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in index
    page = parsed(index)
    title = next(i for i, (tag, _) in enumerate(page.tags) if tag == "title")
    assert page.tags[title][0] == "title"
    assert f"{name} social media handbook" in "".join(page.text)
    assert html.escape(f"{name} social media handbook", quote=False) in index


def _finding(path: str, message: str, code: str = "GK101", hint: str | None = None) -> Finding:
    return Finding(Path(path), 3, 7, message, code=code, hint=hint)


@pytest.fixture
def awkward(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CheckResult:
    monkeypatch.chdir(tmp_path)
    findings = [
        _finding("policies/a\n::error file=x.yaml::pwned.yaml", "plain message"),
        _finding("policies/b.yaml", "100% done\r\n::warning::fake\nthird", hint="50%, a:b"),
        _finding("policies/c\x1bd\x0be\x01.yaml", "bell \x07 null-ish \x00 vtab \x0b esc \x1b[2J"),
        _finding("policies/\u202ereversed.yaml", "override \u202e and isolate \u2066 here"),
    ]
    rules = (rule_by_code("GK101"),)
    return CheckResult(tmp_path / "policies", dt.date(2026, 11, 24), rules, findings)


def _unescape_property(value: str) -> str:
    for code, char in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        value = value.replace(code, char)
    return value


def _unescape_data(value: str) -> str:
    for code, char in (("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        value = value.replace(code, char)
    return value


COMMAND = re.compile(r"^::(error|warning|notice) ((?:[a-z]+=[^,:]*,?)*)::(.*)$")


def test_github_commands_one_per_finding_escaped_as_github_documents(awkward) -> None:
    lines = github.render(awkward).splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == len(awkward.findings)
    assert len(lines) == len(awkward.findings) + 1
    for line, finding in zip(commands, awkward.findings, strict=True):
        match = COMMAND.match(line)
        assert match, line
        properties = dict(p.split("=", 1) for p in match.group(2).split(","))
        assert _unescape_property(properties["file"]).startswith("policies/")
        assert _unescape_data(match.group(3)).startswith(finding.message.split("\x1b")[0][:4])
    first = dict(p.split("=", 1) for p in COMMAND.match(commands[0]).group(2).split(","))
    assert _unescape_property(first["file"]) == "policies/a\n::error file=x.yaml::pwned.yaml"
    second = COMMAND.match(commands[1]).group(3)
    assert second == "100%25 done%0D%0A::warning::fake%0Athird (hint: 50%25, a:b)"


def test_github_commands_of_a_real_file_named_with_a_newline(example: Path) -> None:
    hostile = example / "x\n::error file=evil.yaml,line=1::pwned.yaml"
    hostile.write_text("apiVersion: [unclosed\n", encoding="utf-8")
    run = govkit("check", example, "--today", TODAY, "--format", "github")
    assert_no_crash(run)
    lines = run.stdout.splitlines()
    assert len([line for line in lines if line.startswith("::")]) == len(lines) - 1
    assert not any(line.startswith("::error file=evil") for line in lines)
    assert any("x%0A%3A%3Aerror file=evil.yaml%2Cline=1%3A%3Apwned.yaml" in line for line in lines)


def test_junit_with_control_characters_is_valid_xml(awkward, reference: Path) -> None:
    report = junit.render(awkward)
    validate(report, reference)
    assert "policies/c\\x1bd\\x0be\\x01.yaml:3:7: bell \\x07 null-ish \\x00 vtab" in report
    assert "policies/a\\n::error file=x.yaml::pwned.yaml:3:7: plain message" in report


def test_junit_of_a_real_file_named_with_control_characters(example: Path, reference) -> None:
    (example / "bad\x1b[31m\x0bname.yaml").write_text("kind: [\n", encoding="utf-8")
    run = govkit("check", example, "--today", TODAY, "--format", "junit")
    assert_no_crash(run)
    validate(run.stdout, reference)
    assert "bad\\x1b[31m\\x0bname.yaml" in run.stdout


def test_terminal_shows_ansi_and_bidi_characters_visibly(example: Path) -> None:
    (example / "evil\x1b[2J\u202eyaml.txt.yaml").write_text("kind: [\n", encoding="utf-8")
    edit_yaml(
        example / "accounts.yaml",
        lambda d: d["spec"]["accounts"][0].update(status="act\x1b[31mive\u202e"),
    )
    run = govkit("check", example, "--today", TODAY)
    assert_no_crash(run)
    output = run.stdout + run.stderr
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]", output)
    assert "evil\\x1b[2J<U+202E>yaml.txt.yaml:1:" in output
    assert "act\\x1b[31mive" in output
    assert all(line.count(": error: ") <= 1 for line in output.splitlines())
