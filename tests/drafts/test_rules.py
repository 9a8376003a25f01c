"""Every draft rule with a passing and a failing draft, in English, Norwegian and Chinese."""

# ruff: noqa: RUF001  (Chinese text is written with fullwidth punctuation on purpose)

from __future__ import annotations

from tests.drafts.conftest import Drafts, front
from tests.planted_secrets import samples

IG = front()  # instagram-nordlysoutdoor by ben: 2,200 characters, 5 hashtags, UTM, a question
X = front("x-nordlyssupport", "erik")  # 280 weighted, 2 hashtags, UTM, no call to action
UTM = "utm_source=instagram&utm_medium=social&utm_campaign=winter"


def add_chinese_words(spec: dict) -> None:
    spec["words"].append({"phrase": "环保", "level": "banned", "prefer": "用再生材料制成"})
    spec["words"].append({"phrase": "便宜", "level": "discouraged", "prefer": "实惠"})
    spec["disclosure"]["also_accepted"].append("广告")


# GKP01 post-too-long ------------------------------------------------------------------------


def test_length_in_graphemes_english_with_emoji(drafts: Drafts) -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    fits = "Where next? " + family * 2188  # 12 + 2,188 characters as readers see them
    # columns count code points, as in every other finding; the family emoji has five
    assert drafts.findings(IG + fits) == []
    assert drafts.findings(IG + fits + "!") == [
        (
            "GKP01",
            5,
            12 + 5 * 2188 + 1,
            "post is 2,201 characters; instagram allows 2,200 on 'instagram-nordlysoutdoor'",
        ),
    ]


def test_length_in_graphemes_norwegian(drafts: Drafts) -> None:
    body = "Hvor går turen? " + "blåbærsyltetøy " * 139 + "æøå" * 33  # 16 + 2,085 + 99
    assert drafts.findings(IG + body + "\n\n") == []
    assert drafts.lines(IG + body + "å") == [
        "draft.md:5:2201: error: post is 2,201 characters; instagram allows 2,200 on "
        "'instagram-nordlysoutdoor' [GKP01] (hint: shorten it by 1)"
    ]


def test_x_counts_chinese_characters_twice(drafts: Drafts) -> None:
    assert drafts.findings(X + "徒" * 140 + "\n") == []
    assert drafts.findings(X + "您好" + "徒" * 139) == [
        (
            "GKP01",
            5,
            141,
            "post is 282 characters (weighted as X counts); x allows 280 on 'x-nordlyssupport'",
        ),
    ]


def test_empty_post(drafts: Drafts) -> None:
    assert drafts.findings(IG + "\n  \n") == [("GKP01", 5, 1, "the post is empty")]
    assert drafts.findings("", "--account", "x-nordlyssupport", "--author", "erik") == [
        ("GKP01", 1, 1, "the post is empty"),
    ]


# GKP02 banned-phrase and GKP03 discouraged-phrase ------------------------------------------


def test_banned_english(drafts: Drafts) -> None:
    assert drafts.findings(IG + "Recycled shell. Where next?") == []
    assert drafts.findings(IG + "Where next?\nOur shell is Eco-Friendly.") == [
        (
            "GKP02",
            6,
            14,
            "'Eco-Friendly' is banned: a vague green claim the greenwashing rules forbid",
        ),
    ]


def test_banned_norwegian_whole_words_only(drafts: Drafts) -> None:
    assert drafts.findings(IG + "Hvor går turen? Jakka er miljøvennligere enn før.") == []
    assert drafts.lines(IG + "Hvor går turen? Jakka er MILJØVENNLIG.") == [
        "draft.md:5:26: error: 'MILJØVENNLIG' is banned: en vag miljøpåstand som "
        "markedsføringsloven forbyr [GKP02] (hint: write 'hva som konkret er bedre (f.eks. "
        '"resirkulert polyester")\' instead)'
    ]


def test_banned_chinese_inside_a_sentence(own_drafts: Drafts) -> None:
    own_drafts.edit_brand(add_chinese_words)
    assert own_drafts.findings(IG + "这件夹克用再生聚酯制成，你想去哪里？") == []
    assert own_drafts.lines(IG + "你想去哪里？这件夹克非常环保。") == [
        "draft.md:5:13: error: '环保' is banned [GKP02] (hint: write '用再生材料制成' instead)"
    ]


def test_discouraged_is_a_warning_in_every_language(own_drafts: Drafts) -> None:
    own_drafts.edit_brand(add_chinese_words)
    text = IG + "Cheap? Nei, rimelig! Ikke billig.\n价格便宜吗？"
    run = own_drafts.check(text)
    assert run.stdout.splitlines()[:-1] == [
        "draft.md:5:1: warning: 'Cheap' is discouraged: sounds like poor quality [GKP03] "
        "(hint: write 'affordable' instead)",
        "draft.md:5:27: warning: 'billig' is discouraged: høres ut som dårlig kvalitet [GKP03] "
        "(hint: write 'rimelig' instead)",
        "draft.md:6:3: warning: '便宜' is discouraged [GKP03] (hint: write '实惠' instead)",
    ]
    assert run.exit_code == 0
    assert own_drafts.check(text, "--fail-on", "warning").exit_code == 1


# GKP04 disclosure-missing ---------------------------------------------------------------------


def test_disclosure_english(drafts: Drafts) -> None:
    sponsored = front(sponsored="true")
    assert drafts.findings(sponsored + "#ad Our friends at Bergen Turlag. Coming along?") == []
    assert drafts.lines(sponsored + "\nOur friends at Bergen Turlag. Coming along?") == [
        "draft.md:7:1: error: sponsored post has no disclosure label [GKP04] (hint: start the "
        "post with one of '#ad', 'Paid partnership with Nordlys Outdoor', 'Annonse', 'Reklame', "
        "'Reklam', 'Werbung', 'Anzeige', 'Ad')"
    ]


def test_disclosure_norwegian_too_late(drafts: Drafts) -> None:
    sponsored = front(sponsored="true")
    assert drafts.findings(sponsored + "Annonse: Bli med på tur! Hvem blir med?") == []
    late = sponsored + "Hvem blir med på tur? " + "ø" * 103 + " Annonse"
    assert drafts.findings(late) == [
        (
            "GKP04",
            6,
            127,
            "disclosure label 'Annonse' starts at character 127; it must start "
            "within the first 125",
        ),
    ]


def test_disclosure_chinese_and_the_option(own_drafts: Drafts) -> None:
    own_drafts.edit_brand(add_chinese_words)
    assert own_drafts.findings(front(sponsored="true") + "广告：你想去哪里？") == []
    assert own_drafts.findings(IG + "你想去哪里？", "--sponsored") == [
        ("GKP04", 5, 1, "sponsored post has no disclosure label"),
    ]
    assert own_drafts.findings(front(sponsored="true") + "你想去哪里？", "--not-sponsored") == []


# GKP05 alt-text-missing and GKP06 subtitles-missing -------------------------------------------

MEDIA = """---
account: instagram-nordlysoutdoor
author: ben
media:
  - type: image
    file: besseggen.jpg
    alt_text: {alt}
  - type: video
    file: besseggen.mp4
    subtitles: {subtitles}
---
{body}
"""


def test_media_with_alt_text_and_subtitles_in_three_languages(drafts: Drafts) -> None:
    for alt, body in [
        ("A hiker on the ridge.", "Where next?"),
        ("Turgåer på eggen over Gjende.", "Hvor går turen?"),
        ("山脊上的徒步者。", "你想去哪里？"),
    ]:
        assert drafts.findings(MEDIA.format(alt=alt, subtitles="true", body=body)) == []


def test_media_without_alt_text_or_subtitles(drafts: Drafts) -> None:
    text = MEDIA.format(
        alt='""', subtitles="false", body="Hvor går turen?\n![](tur.jpg) ![伞](a.jpg)"
    )
    assert drafts.lines(text) == [
        "draft.md:5:5: error: image besseggen.jpg has no alt text [GKP05] (hint: add "
        "'alt_text:' describing what matters in the image)",
        "draft.md:8:5: error: video besseggen.mp4 has no subtitles [GKP06] (hint: add subtitles "
        "to the video and set 'subtitles: true')",
        "draft.md:13:1: error: image tur.jpg has no alt text [GKP05] (hint: write the alt text "
        "between the brackets: ![alt text](file))",
    ]


# GKP07 link-without-utm ---------------------------------------------------------------------


def test_links_with_utm_in_three_languages(drafts: Drafts) -> None:
    url = f"https://nordlys.example/fjellvind?{UTM}"
    for body in [f"Read more: {url}.", f"Les mer på {url}!", f"详情：{url}。"]:
        assert drafts.findings(IG + body) == []


def test_links_without_utm(drafts: Drafts) -> None:
    text = (
        "---\naccount: instagram-nordlysoutdoor\nauthor: ben\nlinks:\n"
        "  - https://nordlys.example/a?utm_source=ig\n---\n"
        "详情：https://nordlys.example/zh/fjellvind。Les mer: https://nordlys.example/no?utm_source=ig&utm_medium=social&utm_campaign="
    )
    assert drafts.findings(text) == [
        (
            "GKP07",
            5,
            5,
            "link https://nordlys.example/a?utm_source=ig lacks utm_medium, utm_campaign",
        ),
        (
            "GKP07",
            7,
            4,
            "link https://nordlys.example/zh/fjellvind lacks utm_source, utm_medium, utm_campaign",
        ),
        (
            "GKP07",
            7,
            50,
            "link https://nordlys.example/no?utm_source=ig&utm_medium=social&"
            "utm_campaign= lacks utm_campaign",
        ),
    ]


def test_forum_needs_no_utm(drafts: Drafts) -> None:
    forum = front("turprat-staff", "carl")
    assert drafts.findings(forum + "Se vaskeguiden: https://nordlys.example/vask") == []


# GKP08 call-to-action-missing ---------------------------------------------------------------


def test_call_to_action_in_three_languages(drafts: Drafts) -> None:
    for body in ["Where will you take it?", "Hvor går turen?", "你想去哪里？"]:
        assert drafts.findings(IG + body) == []
    poll = IG.replace("---\n", "---\npoll: [Fjellet, Sjøen]\n", 1)
    assert drafts.findings(poll + "Fjellet eller sjøen.") == []


def test_call_to_action_missing(drafts: Drafts) -> None:
    message = "post has no call to action; instagram posts need a question, a poll or a link"
    assert drafts.findings(IG + "New jacket.") == [("GKP08", 5, 1, message)]
    assert drafts.findings(IG + "\n  Ny jakke.") == [("GKP08", 6, 3, message)]
    assert drafts.findings(IG + "新夹克。") == [("GKP08", 5, 1, message)]


def test_x_needs_no_call_to_action(drafts: Drafts) -> None:
    assert drafts.findings(X + "Takk! Vi sjekker ordren din nå. /Erik") == []


# GKP09 too-many-hashtags --------------------------------------------------------------------


def test_hashtags_in_three_languages(drafts: Drafts) -> None:
    five = "Where next? #Tur #Fjell #Vinter #Besseggen #户外"
    assert drafts.findings(IG + five + f" https://nordlys.example/?{UTM}#anker") == []
    assert drafts.findings(IG + five + " #徒步") == [
        ("GKP09", 5, 48, "post has 6 hashtags; instagram allows 5 on 'instagram-nordlysoutdoor'"),
    ]


def test_account_rules_override_the_platform(drafts: Drafts) -> None:
    four = "Hvor går turen? #Tur #Fjell #Vinter #Blåbær"
    assert drafts.findings(IG + four) == []
    assert drafts.lines(front("instagram-teampro", "greta") + four) == [
        "draft.md:5:37: error: post has 4 hashtags; instagram allows 3 on 'instagram-teampro' "
        "[GKP09] (hint: remove 1, starting with #Blåbær)"
    ]


# GKP10 account-not-postable -----------------------------------------------------------------


def test_dormant_and_archived_accounts(drafts: Drafts) -> None:
    assert drafts.findings(front("pinterest-nordlysoutdoor", "ana") + "Ny tavle.") == [
        (
            "GKP10",
            2,
            10,
            "account 'pinterest-nordlysoutdoor' is dormant; only active accounts are posted on",
        ),
    ]
    findings = drafts.findings(
        "Ny video! https://youtu.be/x?utm_source=yt&utm_medium=social&utm_campaign=c",
        "--account",
        "youtube-sverige-legacy",
        "--author",
        "ana",
    )
    assert findings == [
        (
            "GKP10",
            1,
            1,
            "account 'youtube-sverige-legacy' is archived; only active accounts are posted on",
        ),
        (
            "GKP11",
            1,
            1,
            "author 'ana' has no access to 'youtube-sverige-legacy'; posting needs editor or admin",
        ),
    ]


def test_account_out_of_scope(own_drafts: Drafts) -> None:
    from tests.conftest import edit_yaml

    def move(data: dict) -> None:
        account = next(a for a in data["spec"]["accounts"] if a["id"] == "x-nordlyssupport")
        account["channel"] = "instagram-brand"

    edit_yaml(own_drafts.policies / "accounts.yaml", move)
    assert own_drafts.findings(X + "Takk!") == [
        ("GKP10", 2, 10, "account 'x-nordlyssupport' serves no channel in scope on x"),
    ]


# GKP11 author-not-allowed and GKP12 author-training -----------------------------------------


def test_who_may_post(drafts: Drafts) -> None:
    body = "Hvor går turen?"
    assert drafts.findings(front("facebook-no", "carl") + body) == []
    assert drafts.findings(front("facebook-no", "frida") + body) == [
        ("GKP11", 3, 9, "author 'frida' holds no role that may post (roles: moderator)"),
        (
            "GKP11",
            3,
            9,
            "author 'frida' has moderator access to 'facebook-no'; posting needs editor or admin",
        ),
    ]
    assert drafts.findings(front("facebook-no", "lars") + body) == [
        ("GKP11", 3, 9, "author 'lars' has left"),
    ]


def test_without_an_author_who_may_post_is_not_checked(drafts: Drafts) -> None:
    run = drafts.check("你想去哪里？", "--account", "instagram-nordlysoutdoor")
    assert run.stdout.splitlines()[0] == (
        "draft.md:1:1: info: no author given; who may post and their training were not checked "
        "[GKP11] (hint: add 'author:' to the front matter or give --author)"
    )
    assert run.exit_code == 0


def test_author_training_expired(drafts: Drafts) -> None:
    assert drafts.findings(IG + "Hvor går turen?", "--today", "2028-03-15") == []
    assert drafts.findings(IG + "Hvor går turen?", "--today", "2028-03-20") == [
        (
            "GKP12",
            3,
            9,
            "author 'ben': 'social-media-policy' expired on 2028-03-16 (role 'editor')",
        ),
        ("GKP12", 3, 9, "author 'ben': 'account-security' expired on 2028-03-19 (account access)"),
    ]


def test_author_training_missing(own_drafts: Drafts) -> None:
    from tests.conftest import edit_yaml

    def forget(data: dict) -> None:
        completions = data["spec"]["completions"]
        completions[:] = [
            c for c in completions if not (c["person"] == "ben" and c["course"] == "brand-basics")
        ]

    edit_yaml(own_drafts.policies / "training.yaml", forget)
    assert own_drafts.findings(
        "Where next?", "--account", "instagram-nordlysoutdoor", "--author", "ben"
    ) == [
        ("GKP12", 1, 1, "author 'ben' has not completed 'brand-basics' (role 'editor')"),
    ]


# GKP13 draft-contains-secret ----------------------------------------------------------------

SLACK = "xoxb-28174650391-472918365042-Qm8vT3kZ9pL2xW7nR4cY1dHf"


def test_secrets_in_the_post_and_the_front_matter(drafts: Drafts) -> None:
    text = (
        front(poll="[yes, no]").replace("author: ben", f"author: ben  # bot {SLACK}")
        + f"Winter is here. Where next?\nOur scheduler: passord er Nordlys2026!\n"
        f"#{UTM}"
    )
    assert [f for f in drafts.findings(text) if f[0] == "GKP13"] == [
        ("GKP13", 3, 20, "draft holds what looks like a Slack token (not repeated here)"),
        ("GKP13", 7, 27, "draft holds what looks like a password (not repeated here)"),
    ]
    run = drafts.check(text)
    assert run.exit_code == 1
    assert SLACK not in run.stdout + run.stderr
    assert "Nordlys2026!" not in run.stdout + run.stderr


def test_a_planted_token_of_every_shape_is_found_in_a_draft(drafts: Drafts) -> None:
    planted = samples(2, seed=13)
    body = "Where next?\n" + "\n".join(f"Login for the agency: {token}" for _, token in planted)
    found = [f for f in drafts.findings(IG + body) if f[0] == "GKP13"]
    assert [line for _, line, _, _ in found] == list(range(6, 6 + len(planted)))
    assert [message for *_, message in found] == [
        f"draft holds what looks like {'an' if kind[0] in 'aeiouAEIOU' else 'a'} {kind} "
        "(not repeated here)"
        for kind, _ in planted
    ]


def test_a_draft_about_passwords_holds_none(drafts: Drafts) -> None:
    text = IG + "Never share your password: keep it in a password manager. Where next?"
    assert [f for f in drafts.findings(text) if f[0] == "GKP13"] == []
