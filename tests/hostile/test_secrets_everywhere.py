"""A planted credential never travels: not in any command's output, report, file or site.

tests/rules/test_secrets.py covers the detector and `govkit check` reports of a secret in a
valid field. Here the secret also stands where validation fails (a token written as a date, an
id or a key), and every other command that reads the policies is run over it.
"""

from __future__ import annotations

from pathlib import Path

import git
import pytest

from tests.conftest import TODAY, edit_yaml, govkit

from .conftest import assert_no_crash

GITHUB_TOKEN = "ghp_R8x2Lq9ZtV4mN7pK3wY6sB1cD5fH0jGa2eUo"
SLACK_TOKEN = "xoxb-2817465039-4729183650427-Qm8vT3kZ9pL2xW7nR4cY1dHf"
AWS_KEY = "AKIAZ7Q4M2XK9LP3TB5W"
SECRETS = (GITHUB_TOKEN, SLACK_TOKEN, AWS_KEY)
FORMATS = ("text", "json", "sarif", "github", "junit")


def leaks(text: str) -> list[str]:
    """The planted secrets, or a long piece of one, found in `text`."""
    return [s for s in SECRETS if s in text or s[-16:] in text or s[:16] in text]


def plant_where_validation_fails(policies: Path) -> None:
    def accounts(data: dict) -> None:
        data["spec"]["accounts"][0]["created"] = GITHUB_TOKEN
        data["spec"]["accounts"][1]["id"] = SLACK_TOKEN

    edit_yaml(policies / "accounts.yaml", accounts)
    edit_yaml(policies / "brand.yaml", lambda data: data["spec"].update({AWS_KEY: "x"}))


def plant_in_valid_text(policies: Path) -> None:
    def accounts(data: dict) -> None:
        data["spec"]["accounts"][0]["notes"] = f"Scheduler token: {SLACK_TOKEN}"
        data["spec"]["accounts"][1]["purpose"] = f"Deploy key {GITHUB_TOKEN} for the bot."

    edit_yaml(policies / "accounts.yaml", accounts)
    edit_yaml(policies / "brand.yaml", lambda d: d["spec"]["voice"]["principles"].append(AWS_KEY))


def runs(policies: Path, out: Path) -> dict[str, tuple[int, str]]:
    """Every command over the policies: exit code and all it printed or wrote."""
    out.mkdir()
    commands: dict[str, list[str | Path]] = {
        "validate": ["validate", policies],
        **{f"check {f}": ["check", policies, "--today", TODAY, "--format", f] for f in FORMATS},
        **{
            f"report {f}": ["report", policies, "--today", TODAY, "--format", f, "-o", out / f]
            for f in ("markdown", "json", "html")
        },
        "calendar": ["calendar", policies, "--today", TODAY, "--out", out / "cal.ics"],
        "docs build": ["docs", "build", policies, "--site-dir", out / "site", "--today", TODAY],
        "review": ["review", "nordlys-accounts", policies, "--by", "ben", "--date", TODAY],
        "handover": ["handover", "carl", policies, "--to", "dina", "--today", TODAY, "--dry-run"],
    }
    found = {}
    for name, args in commands.items():
        run = govkit(*args)
        assert_no_crash(run)
        found[name] = (run.exit_code, run.stdout + run.stderr)
    written = "".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in out.rglob("*")
        if path.is_file()
    )
    found["files written"] = (0, written)
    return found


def test_secret_where_validation_fails_is_never_echoed(example: Path, tmp_path: Path) -> None:
    plant_where_validation_fails(example)
    results = runs(example, tmp_path / "out")
    assert {name: leaks(text) for name, (_, text) in results.items() if leaks(text)} == {}
    assert results["validate"][0] == 2
    # each of the three is a schema error (GK002) and a leaked secret (GK305)
    assert results["validate"][1].count("looks like") == 6
    assert results["validate"][1].count("[GK305]") == 3


def test_secret_in_valid_text_is_never_echoed(example: Path, tmp_path: Path) -> None:
    plant_in_valid_text(example)
    results = runs(example, tmp_path / "out")
    assert {name: leaks(text) for name, (_, text) in results.items() if leaks(text)} == {}
    assert "GK305" in results["check text"][1]
    site = tmp_path / "out" / "site"
    assert results["docs build"] == (0, f"handbook: {(site / 'index.html').resolve()}\n")
    page = (site / "accounts" / "index.html").read_text(encoding="utf-8")
    assert "Deploy key [redacted: looks like a GitHub token] for the bot." in page


def test_diff_never_shows_a_secret(example: Path) -> None:
    repo = git.Repo.init(example)
    repo.git.add(A=True)
    repo.index.commit("Example")
    plant_in_valid_text(example)
    run = govkit("diff", "HEAD", ".", example)
    assert_no_crash(run)
    assert leaks(run.stdout + run.stderr) == []
    plant_where_validation_fails(example)
    run = govkit("diff", "HEAD", ".", example)
    assert_no_crash(run)
    assert leaks(run.stdout + run.stderr) == []


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_post_check_never_shows_a_secret(example: Path, tmp_path: Path, fmt: str) -> None:
    plant_in_valid_text(example)
    draft = tmp_path / "draft.md"
    draft.write_text(f"New gear is in! Token for the team: {SLACK_TOKEN}\n", encoding="utf-8")
    run = govkit("post", "check", draft, example, "--format", fmt, "--today", TODAY)
    assert_no_crash(run)
    assert run.exit_code in (0, 1, 2)
    assert leaks(run.stdout + run.stderr) == []
