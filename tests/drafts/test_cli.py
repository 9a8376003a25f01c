"""`govkit post check`: standard input, JSON, exit codes, and odd input that must not crash."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import EXAMPLE, ROOT, TODAY
from tests.drafts.conftest import Drafts, front, run_post

EXAMPLES = ROOT / "examples" / "drafts"


def test_standard_input(drafts: Drafts) -> None:
    run = run_post("-", EXAMPLE, stdin=(front() + "Ny jakke. Vår er miljøvennlig.").encode())
    assert run.exit_code == 1
    assert run.stdout.splitlines() == [
        "<stdin>:5:1: error: post has no call to action; instagram posts need a question, a poll "
        "or a link [GKP08] (hint: add a question, a poll or a link)",
        "<stdin>:5:18: error: 'miljøvennlig' is banned: en vag miljøpåstand som "
        "markedsføringsloven forbyr [GKP02] (hint: write 'hva som konkret er bedre (f.eks. "
        '"resirkulert polyester")\' instead)',
        f"<stdin>: 2 errors, 0 warnings, 0 info (account instagram-nordlysoutdoor on instagram, "
        f"13 rules, today {TODAY})",
    ]


def test_json_output(drafts: Drafts) -> None:
    run = drafts.check(front("x-nordlyssupport", "erik") + "#a #b #c", "--format", "json")
    assert run.exit_code == 1
    assert json.loads(run.stdout) == {
        "draft": "draft.md",
        "account": "x-nordlyssupport",
        "platform": "x",
        "author": "erik",
        "sponsored": False,
        "today": TODAY,
        "rules": [f"GKP{n:02d}" for n in range(1, 14)],
        "summary": {"error": 1, "warning": 0, "info": 0},
        "findings": [
            {
                "code": "GKP09",
                "severity": "error",
                "message": "post has 3 hashtags; x allows 2 on 'x-nordlyssupport'",
                "hint": "remove 1, starting with #c",
                "path": "draft.md",
                "line": 5,
                "column": 7,
            }
        ],
    }


def test_options_override_the_front_matter(drafts: Drafts) -> None:
    text = front("pinterest-nordlysoutdoor", "frida") + "Hvor går turen?"
    run = drafts.check(text, "--account", "instagram-nordlysoutdoor", "--author", "ben")
    assert run.exit_code == 0
    assert run.stdout.startswith("draft.md: 0 errors, 0 warnings, 0 info (account instagram-")
    assert drafts.findings(text, "--author", "ben") == [
        (
            "GKP11",
            1,
            1,
            "author 'ben' has no access to 'pinterest-nordlysoutdoor'; posting "
            "needs editor or admin",
        ),
        (
            "GKP10",
            2,
            10,
            "account 'pinterest-nordlysoutdoor' is dormant; only active accounts are posted on",
        ),
    ]


def test_windows_line_ends_keep_positions(drafts: Drafts) -> None:
    text = (front() + "Hvor går turen?\nJakka er miljøvennlig.").replace("\n", "\r\n")
    assert drafts.findings(text) == [
        (
            "GKP02",
            6,
            10,
            "'miljøvennlig' is banned: en vag miljøpåstand som markedsføringsloven forbyr",
        ),
    ]


def test_plain_text_draft_needs_an_account(drafts: Drafts) -> None:
    run = drafts.check("Hvor går turen?", name="draft.txt")
    assert run.exit_code == 2
    assert run.stderr == (
        "govkit: error: draft.txt: no account given (hint: give --account ID or 'account:' in "
        "the front matter)\n"
    )


def test_unknown_account_and_author(drafts: Drafts) -> None:
    run = drafts.check("Hei?", "--account", "instagram-nordlys")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "govkit: error: unknown account 'instagram-nordlys' (hint: did you mean "
        "'instagram-nordlysoutdoor'?)\n"
    )
    run = drafts.check(front(author="nobody") + "Hei?")
    assert run.exit_code == 2
    assert run.stderr.startswith("govkit: error: unknown person 'nobody' (hint: ")


def test_unreadable_drafts(drafts: Drafts) -> None:
    run = run_post("missing.md", EXAMPLE, "--account", "x-nordlyssupport")
    assert (run.exit_code, run.stderr) == (
        2,
        "missing.md:1:1: error: cannot read draft: No such file or directory\n",
    )
    Path("binary.md").write_bytes(b"Hei\x00\x01\x02")
    run = run_post("binary.md", EXAMPLE, "--account", "x-nordlyssupport")
    assert (run.exit_code, run.stderr) == (
        2,
        "binary.md:1:4: error: draft is binary, not text\n",
    )
    Path("latin1.md").write_bytes("Hei på deg".encode("latin-1"))
    run = run_post("latin1.md", EXAMPLE, "--account", "x-nordlyssupport")
    assert (run.exit_code, run.stderr) == (
        2,
        "latin1.md:1:6: error: draft is not UTF-8 text (byte 0xe5) (hint: save it as UTF-8)\n",
    )


def test_huge_draft(drafts: Drafts) -> None:
    Path("huge.md").write_text("a" * (1024 * 1024 + 1), encoding="utf-8")
    run = run_post("huge.md", EXAMPLE, "--account", "x-nordlyssupport")
    assert (run.exit_code, run.stderr) == (
        2,
        "huge.md:1:1: error: draft is larger than 1 MiB; no post is that long\n",
    )
    big = "徒" * 300_000  # just under 1 MiB: checked, and found far too long for X
    findings = drafts.findings(big, "--account", "x-nordlyssupport", "--author", "erik")
    assert findings == [
        (
            "GKP01",
            1,
            141,
            "post is 600,000 characters (weighted as X counts); x allows 280 on 'x-nordlyssupport'",
        ),
    ]


def test_invalid_front_matter(drafts: Drafts) -> None:
    run = drafts.check("---\naccount: x-nordlyssupport\nauthr: erik\n---\nHei")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "draft.md:3:1: error: authr: unknown field 'authr' [GK002] (hint: did you mean 'author'?)\n"
    )
    run = drafts.check("---\naccount: [x\n---\nHei")
    assert run.exit_code == 2
    assert run.stderr.startswith("draft.md:2:")
    run = drafts.check("---\naccount: x-nordlyssupport\nHei")
    assert run.stderr == (
        "draft.md:1:1: error: front matter is not closed (hint: end it with a line "
        "'---' before the post begins)\n"
    )
    run = drafts.check("---\n- a list\n---\nHei", "--account", "x-nordlyssupport")
    assert run.stderr == "draft.md:2:1: error: front matter must be a mapping of fields\n"


def test_empty_front_matter_is_no_front_matter(drafts: Drafts) -> None:
    run = drafts.check("---\n---\nTakk!", "--account", "x-nordlyssupport", "--author", "erik")
    assert run.exit_code == 0


def test_invalid_policies(drafts: Drafts, example: Path) -> None:
    (example / "brand.yaml").write_text(
        (example / "brand.yaml")
        .read_text(encoding="utf-8")
        .replace("max_hashtags: 2", "max_hashtags: -1"),
        encoding="utf-8",
    )
    run = run_post(drafts.write(front() + "Hei?"), example)
    assert run.exit_code == 2
    assert "brand.yaml" in run.stderr and "max_hashtags" in run.stderr
    assert run.stderr.splitlines()[-1] == (
        f"govkit: error: {example}: the policies are invalid (hint: run 'govkit validate "
        f"{example}')"
    )
    run = run_post(drafts.write(front() + "Hei?"), "nowhere")
    assert run.exit_code == 2


def test_examples_shipped_with_the_project(monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    clean = run_post("examples/drafts/instagram-launch.md")
    assert clean.exit_code == 0
    reply = run_post(
        "examples/drafts/x-support-reply.txt", "--account", "x-nordlyssupport", "--author", "erik"
    )
    assert reply.exit_code == 0
    sponsored = run_post("examples/drafts/facebook-no-sponsored.md")
    assert sponsored.exit_code == 1
    assert [
        line.split(": ", 2)[0] + " " + line.rsplit("[", 1)[1][:5]
        for line in sponsored.stdout.splitlines()[:-1]
    ] == [
        "examples/drafts/facebook-no-sponsored.md:6:5 GKP05",
        "examples/drafts/facebook-no-sponsored.md:8:5 GKP06",
        "examples/drafts/facebook-no-sponsored.md:13:40 GKP02",
        "examples/drafts/facebook-no-sponsored.md:14:28 GKP07",
        "examples/drafts/facebook-no-sponsored.md:16:1 GKP04",
    ]


def test_rules_list() -> None:
    from click.testing import CliRunner

    from governance_kit.cli.main import cli

    lines = CliRunner().invoke(cli, ["post", "rules"]).stdout.splitlines()
    assert len(lines) == 13
    assert lines[0].split()[:3] == ["GKP01", "post-too-long", "error"]
    assert lines[2].split()[:3] == ["GKP03", "discouraged-phrase", "warning"]


DRAFT_TEXT = "---\naccount: x-nordlyssupport\nauthor: erik\n---\nHei! Vi svarer i dag.\n"


def test_policies_folder_is_the_path_argument() -> None:
    run = run_post("-", EXAMPLE, stdin=DRAFT_TEXT.encode())
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.splitlines()[-1].startswith("<stdin>: 0 errors, 0 warnings")


def test_the_deprecated_policies_option_still_works_with_a_warning() -> None:
    run = run_post("-", "--policies", EXAMPLE, stdin=DRAFT_TEXT.encode())
    assert run.exit_code == 0
    assert run.stderr == (
        "govkit: warning: --policies is deprecated (hint: give the folder as PATH: "
        f"govkit post check DRAFT {EXAMPLE})\n"
    )
    assert run.stdout == run_post("-", EXAMPLE, stdin=DRAFT_TEXT.encode()).stdout


def test_the_policies_folder_given_twice_is_a_usage_error() -> None:
    run = run_post("-", EXAMPLE, "--policies", EXAMPLE, stdin=DRAFT_TEXT.encode())
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "govkit: error: give the policies folder once (hint: drop --policies and keep PATH)\n"
    )
