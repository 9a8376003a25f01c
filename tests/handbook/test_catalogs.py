"""Every string the handbook generates has a translation in every language, and the example's
handbook builds in each language with its own headings, dates and Material's labels."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from ruamel.yaml import YAML

from governance_kit.handbook import words
from governance_kit.handbook.pages import (
    available,
    policies,
    posture,
    render_home,
    render_policy_page,
    roadmap,
)
from governance_kit.handbook.published import PublishedGovernance
from governance_kit.handbook.words import LANGUAGES, LOCALE_DIR, using
from governance_kit.loading.repository import load_repository
from governance_kit.markup.escape import cell, text
from tests.conftest import EXAMPLE, TODAY, edit_yaml, govkit

PACKAGE = Path(words.__file__).parent
PLACEHOLDER = re.compile(r"\{\w+\}")


def extracted() -> set[str | tuple[str, ...]]:
    """The messages of the handbook's source, as `pybabel extract` finds them."""
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        PACKAGE, method_map=[("**.py", "python")]
    ):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


def catalog(language: str):
    with (LOCALE_DIR / language / "LC_MESSAGES" / "handbook.po").open("rb") as file:
        return read_po(file, locale=language)


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_every_generated_string_is_translated(language: str) -> None:
    messages = {m.id: m for m in catalog(language) if m.id}
    source = extracted()
    assert len(source) > 200
    assert sorted(map(str, source - set(messages))) == []
    for msgid in source:
        message = messages[msgid]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), msgid
        assert not message.fuzzy, msgid
        wanted = set(PLACEHOLDER.findall(msgid if isinstance(msgid, str) else msgid[-1]))
        assert all(set(PLACEHOLDER.findall(s)) == wanted for s in strings), (msgid, strings)


def test_the_template_is_current() -> None:
    with (LOCALE_DIR / "handbook.pot").open("rb") as file:
        template = {m.id if isinstance(m.id, str) else tuple(m.id) for m in read_po(file) if m.id}
    assert template == extracted()


def test_words_follow_the_language() -> None:
    day = dt.date(2026, 11, 29)
    shown = {}
    for language in LANGUAGES:
        with using(language):
            shown[language] = (
                words.date(day),
                words.weekday("mon"),
                words.days(["mon", "tue", "wed", "thu", "fri"]),
                words.duration("PT2H30M"),
                words.interval("P2Y"),
                words.percent(0.9),
            )
    assert shown == {
        "en": (
            "29 Nov 2026",
            "Monday",
            "Mon\u2013Fri",
            "2 hours 30 minutes",
            "every 2 years",
            "90%",
        ),
        "nb": (
            "29. nov. 2026",
            "mandag",
            "man.\u2013fre.",
            "2 timer 30 minutter",
            "hver 2 år",
            "90\u00a0%",
        ),
        "sv": (
            "29 nov. 2026",
            "måndag",
            "mån\u2013fre",
            "2 timmar 30 minuter",
            "var 2 år",
            "90\u00a0%",
        ),
        "de": (
            "29.11.2026",
            "Montag",
            "Mo.\u2013Fr.",
            "2 Stunden 30 Minuten",
            "alle 2 Jahre",
            "90\u00a0%",
        ),
        "zh": ("2026年11月29日", "星期一", "周一\u2013周五", "2 小时 30 分钟", "每 2 年", "90%"),
    }
    with using("nb"):
        assert [words.language_name(c) for c in ("en", "nn", "xx")] == [
            "engelsk",
            "norsk nynorsk",
            "xx",
        ]
    with pytest.raises(ValueError, match="no handbook catalog for language 'ka'"), using("ka"):
        pass


SLOT = "QQSLOTQQ"
"""Stands for a {placeholder} of a policy text while its escaped forms are made."""
FILLED = r"[^|\n]+?"
"""What a placeholder of a policy text is filled with on a page: some text within a cell."""
NOT_PROSE = re.compile(
    r"<script.*?</script>|<[^>]+>|\]\([^)]*\)|`[^`]*`|^\s*!!! \w+|&#?\w+;"
    r"|[A-Za-z0-9]+(?:\\_[A-Za-z0-9]+)+",
    re.M | re.S,
)
"""Markup, link targets, code, admonition kinds, entities and identifiers like utm\\_source."""
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def yaml_strings(node: object, key: object = None) -> list[str]:
    """Every string key and value of a YAML document; a platform as the pages name it too."""
    if isinstance(node, str):
        return [node, words.platform(node)] if key in ("platform", "platforms") else [node]
    if isinstance(node, dict):
        return [s for k, value in node.items() for s in [*yaml_strings(k), *yaml_strings(value, k)]]
    if isinstance(node, list):
        return [s for value in node for s in yaml_strings(value, key)]
    return []


def policy_text(root: Path) -> list[re.Pattern[str]]:
    """Patterns of everything the policy files say, as the pages may show it (escaped, line by
    line, with its placeholders filled), longest first."""
    values = {
        re.sub(r"\{\w+\}", SLOT, value)
        for path in sorted(root.rglob("*.yaml"))
        for document in YAML(typ="safe").load_all(path.read_text(encoding="utf-8"))
        for value in yaml_strings(document)
    }
    forms = set()
    for value in values:
        for form in (value, text(value), cell(value)):
            forms |= {form, *(line for line in form.splitlines() if line.strip())}
    return [
        re.compile(rf"(?<!\w){re.escape(form).replace(SLOT, FILLED)}(?!\w)", re.ASCII)
        for form in sorted(forms, key=len, reverse=True)
        if LATIN_WORD.search(form.replace(SLOT, ""))
    ]


def latin_words_of(language: str) -> set[str]:
    """Latin words the translations themselves use (SOC 2, Git, UTM), placeholders aside."""
    return {
        word
        for message in catalog(language)
        if message.id
        for string in (message.string if isinstance(message.string, tuple) else (message.string,))
        for word in LATIN_WORD.findall(re.sub(r"\{\w+\}", "", string))
    }


def english_left(root: Path, day: dt.date) -> list[str]:
    """The lines of the Chinese handbook's pages (the posture report, English by design,
    aside) that still hold a Latin word that is neither the policy files' nor the catalog's."""
    context = PublishedGovernance.of(load_repository(root), day)
    with using("zh"):
        pages = available(context)
        prose = policies.policy_pages(context)
        markdown = [render_policy_page(page, context) for page in pages]
        markdown += [policies.render(page, context, "") for page in prose]
        extra = [(words._(posture.TITLE), posture.FILENAME)]
        markdown.append(render_home(context, pages, extra, prose))
    shown = "\n".join(markdown)
    for pattern in policy_text(root):
        shown = pattern.sub(" ", shown)
    shown = NOT_PROSE.sub(" ", shown)
    allowed = latin_words_of("zh")
    return [line for line in shown.splitlines() if set(LATIN_WORD.findall(line)) - allowed]


def confidential_registry(root: Path) -> None:
    edit_yaml(
        root / "accounts.yaml",
        lambda data: data["metadata"].__setitem__("classification", "confidential"),
    )


@pytest.mark.parametrize(
    ("day", "change"),
    [
        (TODAY, None),
        ("2027-12-31", None),  # reviews and milestones overdue
        (TODAY, confidential_registry),  # accounts counted, not named
    ],
)
def test_no_page_writes_english_in_a_chinese_handbook(
    example: Path, day: str, change: object
) -> None:
    if callable(change):
        change(example)
    assert english_left(example, dt.date.fromisoformat(day)) == []


def test_english_left_finds_a_page_that_skips_the_catalog(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(roadmap, "_", lambda message: message)
    left = english_left(example, dt.date.fromisoformat(TODAY))
    assert "| Due | Milestone | Owner | Status | Done on | Notes |" in left
    assert all("|" in line or "Goal" in line or "Started" in line for line in left), left


HEADINGS = {
    "en": ("Social media at Nordlys Outdoor AS", "On-call rota", "Crisis protocols", "Home"),
    "nb": ("Sosiale medier i Nordlys Outdoor AS", "Vaktliste", "Kriseplaner", "Hjem"),
    "sv": ("Sociala medier på Nordlys Outdoor AS", "Jourschema", "Krisplaner", "Start"),
    "de": ("Social Media bei Nordlys Outdoor AS", "Bereitschaftsplan", "Krisenpläne", "Startseite"),
    "zh": ("Nordlys Outdoor AS 的社交媒体", "值班表", "危机预案", "首页"),
}
NOT_FOUND = {
    "en": ("Page not found", "For auditors"),
    "nb": ("Fant ikke siden", "For revisorer"),
    "sv": ("Sidan hittades inte", "För revisorer"),
    "de": ("Seite nicht gefunden", "Für Prüfer"),
    "zh": ("找不到页面", "审计专区"),
}
NEW_PAGES = {
    "en": (
        "Tools and agencies",
        "Who can publish on which account",
        "Ambassador programme",
        "What every ambassador must do",
        "Roadmap",
        "Milestone",
        "Applies to:",
        "Policies",
    ),
    "nb": (
        "Verktøy og byråer",
        "Hvem som kan publisere på hvilken konto",
        "Ambassadørprogram",
        "Dette må alle ambassadører gjøre",
        "Veikart",
        "Milepæl",
        "Gjelder for:",
        "Retningslinjer",
    ),
    "sv": (
        "Verktyg och byråer",
        "Vem som kan publicera på vilket konto",
        "Ambassadörsprogram",
        "Det här måste varje ambassadör göra",
        "Färdplan",
        "Milstolpe",
        "Gäller för:",
        "Policyer",
    ),
    "de": (
        "Tools und Agenturen",
        "Wer auf welchem Konto veröffentlichen darf",
        "Botschafterprogramm",
        "Was alle Botschafter tun müssen",
        "Roadmap",
        "Meilenstein",
        "Gilt für:",
        "Richtlinien",
    ),
    "zh": (
        "工具和代理机构",
        "谁可以在哪个账号上发布",
        "品牌大使计划",
        "每位大使必须做到",
        "路线图",
        "里程碑",
        "适用对象\uff1a",  # a full-width colon
        "政策",
    ),
}
"""Headings and labels of the pages of the new kinds and of a prose policy, in each language."""
CONTENTS = {"en": "Contents", "nb": "Innhold", "sv": "Innehåll", "de": "Inhalt", "zh": "目录"}
SITE_URL = "https://handbook.nordlys.example/"
SEARCH = {"en": "Search", "nb": "Søk", "sv": "Sök", "de": "Suche", "zh": "搜索"}


def tag_text(html: str, tag: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>|&para;", "", found).strip()
        for found in re.findall(rf"<{tag}[^>]*>(.*?)</{tag}>", html, re.S)
    ]


def untranslated(site: Path, language: str) -> list[tuple[str, str]]:
    """(page, text) of every heading, table heading, bold label or link of the site that is
    an English message of the catalog although the language has its own words for it. Text
    that the policy files say themselves (a crisis named 'Account takeover') and the posture
    report, English by design, are left out."""
    policies = "\n".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.glob("*.yaml")))
    if language == "en":
        return []
    english = {
        m.id.rstrip(":")
        for m in catalog(language)
        if isinstance(m.id, str) and m.id and m.string != m.id and "{" not in m.id
    }
    found = []
    for path in sorted(site.rglob("*.html")):
        page = path.relative_to(site).as_posix()
        if page.startswith(("posture/", "print_page/", "assets/", "search/")):
            continue
        html = path.read_text(encoding="utf-8")
        shown = [t for tag in ("h1", "h2", "h3", "th", "strong", "a") for t in tag_text(html, tag)]
        found += [(page, t) for t in shown if t.rstrip(":") in english and t not in policies]
    return found


def assert_new_pages(site: Path, language: str) -> None:
    """The tools, ambassador, roadmap and prose policy pages are headed in `language`."""
    tools, publish, ambassadors, duty, roadmap_title, milestone, applies, section = NEW_PAGES[
        language
    ]

    def html(page: str) -> str:
        return (site / page / "index.html").read_text(encoding="utf-8")

    assert tag_text(html("tools"), "h1") == [tools]
    assert tag_text(html("tools"), "h2")[0] == publish
    assert tag_text(html("advocacy"), "h1") == [ambassadors]
    assert tag_text(html("advocacy"), "h2")[0] == duty
    assert tag_text(html("roadmap"), "h1") == [roadmap_title]
    assert milestone in tag_text(html("roadmap"), "th")
    policy = html("policies/nordlys-social-media-policy")
    assert tag_text(policy, "h1") == ["Social media policy"]  # the policy's own title
    assert applies in tag_text(policy, "strong")
    assert section in tag_text(policy, "label")


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_example_builds_in_each_language(language: str, tmp_path: Path) -> None:
    policies = tmp_path / "policies"
    shutil.copytree(EXAMPLE, policies)
    settings = policies / "settings.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8")
        + f"  handbook:\n    language: {language}\n    site_url: {SITE_URL}\n",
        encoding="utf-8",
    )
    site = tmp_path / "site"
    run = govkit("docs", "build", policies, "--site-dir", site, "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    home = (site / "index.html").read_text(encoding="utf-8")
    title, rota, crisis, nav_home = HEADINGS[language]
    assert tag_text(home, "h1")[0] == title
    assert f'<html lang="{language}"' in home
    assert f'placeholder="{SEARCH[language]}"' in home
    assert nav_home in tag_text(home, "a")
    moderation = (site / "moderation" / "index.html").read_text(encoding="utf-8")
    assert rota in tag_text(moderation, "h2")
    escalation = (site / "escalation" / "index.html").read_text(encoding="utf-8")
    assert crisis in tag_text(escalation, "h2")
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://handbook.nordlys.example/moderation/</loc>" in sitemap
    printed = (site / "print_page" / "index.html").read_text(encoding="utf-8")
    assert tag_text(printed, "h1")[:2] == [CONTENTS[language], title]
    missing, auditors = NOT_FOUND[language]
    assert tag_text((site / "404.html").read_text(encoding="utf-8"), "h1") == [missing]
    assert auditors in re.sub(r"<[^>]+>", " ", home)
    assert_new_pages(site, language)
    assert untranslated(site, language) == []
    search = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    index_language = "no" if language == "nb" else language
    assert f'"lang":["{index_language}"]' in search.replace(" ", "")
