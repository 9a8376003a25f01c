"""Helpers of the draft tests: write a draft, run `govkit post check` on it from its folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from governance_kit.cli.main import cli
from tests.conftest import EXAMPLE, TODAY, Run, edit_yaml


def run_post(*args: str | Path, stdin: bytes | None = None) -> Run:
    """`govkit post check ... --today TODAY` in-process, standard input given as bytes."""
    command = ["post", "check", *map(str, args)]
    if "--today" not in command:
        command += ["--today", TODAY]
    result = CliRunner().invoke(cli, command, input=stdin, catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


class Drafts:
    """Writes drafts into a folder and checks them from there, so paths print as `draft.md`."""

    def __init__(self, folder: Path, policies: Path) -> None:
        self.folder = folder
        self.policies = policies

    def write(self, text: str, name: str = "draft.md") -> Path:
        path = self.folder / name
        path.write_text(text, encoding="utf-8")
        return path

    def check(self, text: str, *args: str, name: str = "draft.md") -> Run:
        self.write(text, name)
        return run_post(name, self.policies, *args)

    def lines(self, text: str, *args: str) -> list[str]:
        """The finding lines of the text output, without the summary line."""
        return self.check(text, *args).stdout.splitlines()[:-1]

    def findings(self, text: str, *args: str) -> list[tuple[str, int, int, str]]:
        """(code, line, column, message) of every finding, from the JSON output."""
        run = self.check(text, *args, "--format", "json")
        return [
            (f["code"], f["line"], f["column"], f["message"])
            for f in json.loads(run.stdout)["findings"]
        ]

    def edit_brand(self, change: Any) -> None:
        edit_yaml(self.policies / "brand.yaml", lambda data: change(data["spec"]))


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Drafts:
    """Drafts checked against the example policies, unchanged."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return Drafts(folder, EXAMPLE)


@pytest.fixture
def own_drafts(example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Drafts:
    """Drafts checked against a private copy of the example policies, safe to change."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return Drafts(folder, example)


def front(account: str = "instagram-nordlysoutdoor", author: str = "ben", **extra: str) -> str:
    """Front matter with an account, an author and any further lines given."""
    lines = ["---", f"account: {account}", f"author: {author}"]
    lines += [f"{key}: {value}" for key, value in extra.items()]
    return "\n".join([*lines, "---", ""])
