"""Real `govkit docs build` runs: git change history, strict MkDocs, no leaks, no injection."""

from __future__ import annotations

import html
import re
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import git
import pytest

from governance_kit.loading.repository import load_repository
from governance_kit.model.confidential import confidential_values
from tests.conftest import EXAMPLE, TODAY, edit_yaml, govkit, line_of

from .conftest import INJECTIONS

pytestmark = pytest.mark.slow
AUTHOR = git.Actor("Ana Berg Haugen", "ana.haugen@nordlys.example")
EDITOR = git.Actor("Carl Johansson", "carl.johansson@nordlys.example")


def commit(repo: git.Repo, message: str, author: git.Actor) -> None:
    repo.git.add(A=True)
    repo.index.commit(message, author=author, committer=author)


def site_files(site: Path) -> list[Path]:
    return [path for path in site.rglob("*") if path.is_file()]


def test_build_shows_git_history_newest_first(published: Path, tmp_path: Path) -> None:
    repo = git.Repo.init(published)
    commit(repo, "Add the governance model", AUTHOR)

    def tighten(data: dict) -> None:
        data["spec"]["community_rules"]["expected"].append("No advertising by others.")

    edit_yaml(published / "moderation.yaml", tighten)
    commit(repo, "Ban advertising by others in our communities", EDITOR)
    site = tmp_path / "site"

    run = govkit("docs", "build", published, "--site-dir", site, "--today", TODAY)

    assert run.exit_code == 0, run.stderr
    assert run.stdout == f"handbook: {(site / 'index.html').resolve()}\n"
    page = (site / "moderation" / "index.html").read_text(encoding="utf-8")
    history = page[page.index('id="change-history"') :]
    newest = history.index("Ban advertising by others in our communities")
    oldest = history.index("Add the governance model")
    assert newest < oldest
    assert "Carl Johansson" in history[newest - 200 : newest]
    assert "No advertising by others." in page
    scope = (site / "scope" / "index.html").read_text(encoding="utf-8")
    assert "Add the governance model" in scope
    assert "Ban advertising" not in scope


def test_default_site_dir_and_name(published: Path) -> None:
    (published / "mkdocs.yml").unlink()
    run = govkit("docs", "build", published, "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    home = (published.parent / "site" / "index.html").read_text(encoding="utf-8")
    assert "<title>Nordlys Outdoor AS social media handbook</title>" in home
    assert run.stdout == f"handbook: {(published.parent / 'site' / 'index.html').resolve()}\n"


def test_invalid_policies_give_findings_and_exit_2(published: Path, tmp_path: Path) -> None:
    def break_it(data: dict) -> None:
        data["spec"]["accounts"][0]["status"] = "lost"

    edit_yaml(published / "accounts.yaml", break_it)
    run = govkit("docs", "build", published, "--site-dir", tmp_path / "site", "--today", TODAY)
    assert run.exit_code == 2
    line = line_of(published / "accounts.yaml", "status: lost")
    assert run.stdout.startswith(f"{published / 'accounts.yaml'}:{line}:")
    assert not (tmp_path / "site").exists()


def test_non_empty_foreign_site_dir_is_not_overwritten(published: Path, tmp_path: Path) -> None:
    precious = tmp_path / "work" / "notes.txt"
    precious.parent.mkdir()
    precious.write_text("keep me")
    run = govkit("docs", "build", published, "--site-dir", precious.parent, "--today", TODAY)
    assert run.exit_code == 2
    assert "not overwriting it" in run.stderr
    assert precious.read_text() == "keep me"


def test_company_mkdocs_yml_and_own_pages(published: Path, tmp_path: Path) -> None:
    (published / "mkdocs.yml").write_text(
        "site_name: Nordlys social handbook\n"
        "theme:\n  palette:\n    primary: teal\n"
        "nav:\n  - Intranet: https://intranet.nordlys.example/\n",
        encoding="utf-8",
    )
    (published / "handbook" / "welcome.md").write_text("# Welcome aboard\n\nHello.\n")
    site = tmp_path / "site"
    run = govkit("docs", "build", published, "--site-dir", site, "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>Nordlys social handbook</title>" in home
    assert 'data-md-color-primary="teal"' in home
    assert 'href="https://intranet.nordlys.example/"' in home
    assert 'href="handbook/welcome/"' in home
    assert "Hello." in (site / "handbook" / "welcome" / "index.html").read_text()
    assert ">Welcome aboard<" in home


def test_confidential_value_in_free_text_is_redacted(published: Path, tmp_path: Path) -> None:
    def leak(data: dict) -> None:
        data["spec"]["accounts"][1]["notes"] = "unused"
        data["spec"]["accounts"][1]["purpose"] = "Log in as social-admin@nordlys.example."

    edit_yaml(published / "accounts.yaml", leak)
    site = tmp_path / "site"
    run = govkit("docs", "build", published, "--site-dir", site, "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    files = [
        p.read_text(encoding="utf-8")
        for p in site.rglob("*")
        if p.is_file() and p.suffix in (".html", ".json")
    ]
    assert not any("social-admin@nordlys.example" in text for text in files)
    accounts = (site / "accounts" / "index.html").read_text(encoding="utf-8")
    assert "Log in as [redacted: confidential]." in accounts


@pytest.mark.xdist_group("injected-site")
def test_no_confidential_value_anywhere_in_the_site(injected_site: Path) -> None:
    policies = injected_site.parent / "policies"
    values = confidential_values(d.model for d in load_repository(policies).documents)
    assert len(values) >= 10
    files = site_files(injected_site)
    assert injected_site / "search" / "search_index.json" in files
    leaks = [
        (path.name, value)
        for path in files
        for value in values
        if value in path.read_text(encoding="utf-8", errors="ignore")
    ]
    assert leaks == []


@pytest.mark.xdist_group("injected-site")
def test_injections_render_as_text(injected_site: Path) -> None:
    pages = {
        "accounts": "Main brand account.",
        "brand": "Be warm.",
        "moderation": "Be kind.",
    }
    for name, prefix in pages.items():
        page = (injected_site / name / "index.html").read_text(encoding="utf-8")
        for injection in INJECTIONS:
            assert html.escape(injection, quote=False) in page or html.escape(injection) in page
        assert "<script>alert" not in page
        assert not re.search(r"<img[^>]*onerror", page)
        assert not re.search(r"href=[\"']?\s*javascript:", page, re.IGNORECASE)
        assert prefix in page


def test_serve_answers_on_the_given_address(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [
        sys.executable,
        "-m",
        "governance_kit",
        "docs",
        "serve",
        str(EXAMPLE),
        "--dev-addr",
        f"127.0.0.1:{port}",
    ]
    server = subprocess.Popen([*command, "--today", TODAY], stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        assert server.stdout.readline() == f"handbook: http://127.0.0.1:{port}/ (Ctrl+C to stop)\n"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/moderation/", timeout=10) as answer:
            assert answer.status == 200
            assert "On-call rota" in answer.read().decode("utf-8")
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_invalid_company_mkdocs_yml_is_one_line(published: Path, tmp_path: Path) -> None:
    (published / "mkdocs.yml").write_text("site_name: Nordlys\n  palette: teal\n")
    run = govkit("docs", "build", published, "--site-dir", tmp_path / "site", "--today", TODAY)
    assert run.exit_code == 2
    assert run.stdout == (
        f"{published / 'mkdocs.yml'}:2:10: error: invalid YAML: "
        "mapping values are not allowed in this context [GK970] (hint: check the indentation: "
        "keys of one mapping start in the same column)\n"
    )
    assert run.stderr == (
        "govkit: error: 1 problem in mkdocs.yml or handbook/; handbook not built "
        "(hint: fix the lines above; 'govkit check' reports them too)\n"
    )


def test_tools_and_ambassador_pages_are_built_without_token_references(
    published: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    run = govkit("docs", "build", published, "--site-dir", site, "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    tools = (site / "tools" / "index.html").read_text(encoding="utf-8")
    advocacy = (site / "advocacy" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="tools-and-agencies">Tools and agencies<a class="headerlink"' in tools
    assert "Ola Brekke (sponsor: Erik Nyström)" in tools
    assert "Always say that you work for us" in advocacy
    assert "<td>Kari Nordli</td>" in advocacy
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="tools/"' in home and 'href="advocacy/"' in home
    leaks = [p.name for p in site_files(site) if "op://" in p.read_text(errors="ignore")]
    assert leaks == []


def test_a_work_contact_never_publishes_a_personal_number(published: Path, tmp_path: Path) -> None:
    def personal(data: dict) -> None:
        lead = next(r for r in data["spec"]["roles"] if r["id"] == "social-media-lead")
        lead["work_contact"]["phone"] = "+47 915 50 231"  # Ana's confidential phone

    edit_yaml(published / "people.yaml", personal)
    site = tmp_path / "site"
    run = govkit("docs", "build", published, "--site-dir", site, "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    assert [p for p in site.rglob("*") if p.is_file() and b"915 50 231" in p.read_bytes()] == []
    crisis = (site / "escalation" / "index.html").read_text(encoding="utf-8")
    assert "<td>phone [redacted: confidential] (the duty phone" in crisis
