"""Counting characters and finding phrases in any script."""

# ruff: noqa: RUF001  (Chinese text is written with fullwidth punctuation on purpose)

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from governance_kit.drafts.text import find_phrase, has_question, hashtags, length, links, overflow

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # man, woman, girl joined: one emoji
FLAG = "\U0001f1f3\U0001f1f4"  # Norway: two regional indicators, one flag


def test_graphemes_count_what_a_reader_sees() -> None:
    decomposed = unicodedata.normalize("NFD", "blåbær")
    assert len(decomposed) == 7  # å is a + ring above; æ stays one code point
    assert length(decomposed, "graphemes") == 6
    assert length(f"Tur {FAMILY}{FLAG}", "graphemes") == 6
    assert length("徒步旅行", "graphemes") == 4


def test_weighted_counts_cjk_and_emoji_twice_and_links_as_23() -> None:
    assert length("徒步旅行", "weighted") == 8
    assert length("한국어 ひらがな カタカナ", "weighted") == 3 * 2 + 1 + 4 * 2 + 1 + 4 * 2
    assert length(f"æøå {FAMILY}{FLAG}", "weighted") == 4 + 2 + 2
    assert length("Se https://nordlys.example/a/very/long/path?x=1 nå", "weighted") == 3 + 23 + 3


def test_overflow_points_at_the_first_character_past_the_limit() -> None:
    assert overflow("徒步" * 70, "weighted", 280) is None
    assert overflow("a" + "徒步" * 70, "weighted", 280) == 140
    assert overflow("ab", "graphemes", 2) is None


@pytest.mark.parametrize(
    ("text", "phrase", "found"),
    [
        ("This jacket is Eco-Friendly!", "eco-friendly", ["Eco-Friendly"]),
        ("Eco-friendlyness is not a word", "eco-friendly", []),
        ("Jakka er MILJØVENNLIG og god", "miljøvennlig", ["MILJØVENNLIG"]),
        ("Den er miljøvennligere enn før", "miljøvennlig", []),
        ("Straße und STRASSE", "strasse", ["Straße", "STRASSE"]),
        ("这件夹克非常环保，欢迎购买", "环保", ["环保"]),
        ("カタカナの広告です", "広告", ["広告"]),
        (unicodedata.normalize("NFD", "Kjøp blåbær nå"), "BLÅBÆR", ["blåbær"]),
        ("#ad Nice trip #adventure", "#ad", ["#ad"]),
    ],
)
def test_find_phrase_in_any_script(text: str, phrase: str, found: list[str]) -> None:
    spans = find_phrase(text, phrase)
    assert [unicodedata.normalize("NFC", s.value) for s in spans] == found
    assert all(text[s.start : s.end] == s.value for s in spans)


def test_find_phrase_positions() -> None:
    assert [(s.start, s.end) for s in find_phrase("这件夹克非常环保", "环保")] == [(6, 8)]


def test_hashtags_in_any_script_but_not_in_links() -> None:
    text = "#户外 #Turglede https://nordlys.example/#fjell ting#ikke #NordlysTurprat"
    assert [h.value for h in hashtags(text)] == ["#户外", "#Turglede", "#NordlysTurprat"]


def test_links_stop_at_sentence_punctuation_in_any_script() -> None:
    text = "Se https://a.example/x. (https://b.example/y) 详情：https://c.example/z。好"
    assert [link.value for link in links(text)] == [
        "https://a.example/x",
        "https://b.example/y",
        "https://c.example/z",
    ]


def test_questions_in_latin_and_fullwidth() -> None:
    assert has_question("Hvor går turen?")
    assert has_question("你想去哪里？")
    assert not has_question("Vi sees.")


@pytest.mark.slow
@given(st.text(max_size=200), st.text(min_size=1, max_size=5))
def test_find_phrase_never_fails_and_spans_are_in_the_text(text: str, phrase: str) -> None:
    for span in find_phrase(text, phrase):
        assert 0 <= span.start < span.end <= len(text)
    for counting in ("graphemes", "weighted"):
        assert length(text, counting) >= 0
