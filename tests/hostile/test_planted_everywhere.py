"""Hundreds of distinct credentials of every detected shape, planted everywhere, never printed.

One copy of the example policies gets a credential appended to every free-text and
confidential value of every document, in YAML comments and in file names, and stays valid; a
second copy gets one in place of every value (ids, dates, choices, two-shape fields) and in keys,
so that validation errors would quote them. Every command then runs in every format, and no
piece of any credential may appear in standard output, standard error or any file written
(the handbook site included). The credentials come from tests/planted.py.
"""

from __future__ import annotations

import itertools
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import git
import pytest
from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from governance_kit.loading.repository import load_repository
from tests.conftest import EXAMPLE, TODAY, Run, edit_yaml, govkit
from tests.oscal_schema import AR_SCHEMA, COMPONENT_SCHEMA, errors
from tests.planted import Planted, leaks, planted

from .conftest import assert_no_crash
from .test_handbook_injection import set_at, text_paths

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("planted-everywhere")]
"""One worker runs the module, so that its two planted copies are each made and run once."""

FORMATS = ("text", "json", "sarif", "github", "junit")
SKIPPED_PATHS = {("spec", "rota", "timezone")}
TITLE_LENGTH = 200
"""A title is at most this long: a planted credential must leave the document valid."""
"""A time zone that is not one makes `govkit calendar` stop; the value is tested elsewhere."""


class Plants:
    """Hands out distinct credentials and remembers them."""

    def __init__(self, seed: int) -> None:
        self.stream = planted(seed)
        self.used: list[Planted] = []

    def next(self, *, file_safe: bool = False, longest: int | None = None) -> Planted:
        token = next(self.stream)
        while (file_safe and not token.file_safe) or (longest and len(token.text) > longest):
            token = next(self.stream)
        self.used.append(token)
        return token


def get_at(data: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def plant_in_text(policies: Path, plants: Plants) -> None:
    """A credential after every free-text and confidential value; the documents stay valid."""
    for document in load_repository(policies).documents:
        every = text_paths(document.model, confidential=True, markdown=True)
        paths = [p for p in every if p not in SKIPPED_PATHS]

        def change(data: Any, paths: list[tuple[str | int, ...]] = paths) -> None:
            for path in paths:
                value = get_at(data, path)
                room = TITLE_LENGTH - len(value) - 1 if path == ("metadata", "title") else None
                text = f"{value} {plants.next(longest=room).text}"
                set_at(data, path, DoubleQuotedScalarString(text))

        edit_yaml(document.path, change)


def plant_everywhere(policies: Path, plants: Plants) -> None:
    """A credential in place of every value but apiVersion and kind, and as a key."""
    yaml = YAML()
    for path in sorted(policies.glob("*.yaml")):
        data = yaml.load(path)
        for container, key in list(_leaves(data)):
            if container is data and key in ("apiVersion", "kind"):
                continue
            container[key] = DoubleQuotedScalarString(plants.next().text)
        if isinstance(data.get("spec"), dict):
            data["spec"][plants.next().text] = plants.next().text
        with path.open("w", encoding="utf-8") as handle:
            yaml.dump(data, handle)


def _leaves(node: Any) -> Iterator[tuple[Any, Any]]:
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in list(items):
        if isinstance(value, dict | list):
            yield from _leaves(value)
        else:
            yield node, key


def plant_in_comments_and_names(policies: Path, plants: Plants, renamed: int) -> None:
    """Comment lines with credentials at the top and end of every file; credentials in the
    names of the first `renamed` files."""
    for path in sorted(policies.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        top = "".join(f"# {plants.next().text}\n" for _ in range(2))
        end = "".join(f"# {plants.next().text}\n" for _ in range(2))
        path.write_text(top + text + end, encoding="utf-8")
    for path in sorted(policies.glob("*.yaml"))[:renamed]:
        path.rename(path.with_name(f"{path.stem}-{plants.next(file_safe=True).text}.yaml"))


def git_repo(base: Path) -> tuple[git.Repo, Path]:
    """A Git repository whose first commit holds the example policies as they are."""
    repo = git.Repo.init(base)
    policies = base / "policies"
    shutil.copytree(EXAMPLE, policies)
    with repo.config_writer() as config:
        config.set_value("user", "name", "Test")
        config.set_value("user", "email", "test@example.org")
    repo.git.add(A=True)
    repo.index.commit("Example policies")
    return repo, policies


def commit_all(repo: git.Repo, message: str) -> None:
    repo.git.add(A=True)
    repo.index.commit(message)


def draft(path: Path, plants: Plants) -> Path:
    path.write_text(
        "---\n"
        f"account: instagram-nordlysoutdoor\nauthor: dina\n"
        f"links: ['https://nordlys.example/{plants.next(file_safe=True).text}']\n"
        "---\n"
        f"Nytt i butikk! {plants.next().text} Se {plants.next().text} #nordlys\n",
        encoding="utf-8",
    )
    return path


def run_everything(base: Path, policies: Path, plants: Plants) -> dict[str, Run]:
    """Every command over the policies, in every format; outputs go under base/out."""
    out = base / "out"
    out.mkdir()
    note = draft(base / "draft.md", plants)
    commands: dict[str, list[str | Path]] = {
        "validate": ["validate", policies],
        **{f"check {f}": ["check", policies, "--today", TODAY, "--format", f] for f in FORMATS},
        "check sarif file": ["check", policies, "--format", "sarif", "-o", out / "check.sarif"],
        **{
            f"report {f}": ["report", policies, "--today", TODAY, "--format", f, "-o", out / f]
            for f in ("markdown", "json", "html", "oscal-ar")
        },
        "controls oscal-component": [
            "controls", policies, "--format", "oscal-component", "--today", TODAY
        ],
        "report stdout": ["report", policies, "--today", TODAY],
        "calendar": ["calendar", policies, "--today", TODAY, "--out", out / "cal.ics"],
        "calendar stdout": ["calendar", policies, "--today", TODAY],
        "diff": ["diff", "HEAD~1", "HEAD", policies, "-o", out / "diff.md"],
        "diff stdout": ["diff", "HEAD~1", "HEAD", policies],
        "docs build": ["docs", "build", policies, "--site-dir", out / "site", "--today", TODAY],
        "rules": ["rules"],
        "rules GK305": ["rules", "GK305"],
        "codeowners": ["codeowners", policies],
        "codeowners check": ["codeowners", policies, "--check"],
        **{
            f"post check {f}": [
                "post", "check", note, policies, "--format", f, "--today", TODAY
            ]
            for f in ("text", "json")
        },
        "handover dry run": [
            "handover", "carl", policies, "--to", "dina", "--today", TODAY, "--dry-run"
        ],
        "review": ["review", "nordlys-accounts", policies, "--by", "ben", "--date", TODAY],
        "handover": ["handover", "carl", policies, "--to", "dina", "--today", TODAY],
    }  # fmt: skip
    runs = {}
    for name, args in commands.items():
        run = govkit(*args)
        assert_no_crash(run)
        runs[name] = run
    return runs


def written(base: Path) -> dict[str, str]:
    """Every file the commands wrote: reports, calendar, site, CODEOWNERS."""
    files = [p for p in (base / "out").rglob("*") if p.is_file()]
    files += [p for p in (base / ".github", base / ".gitlab") if p.is_file()]
    files += [p for d in (base / ".github", base / ".gitlab") for p in d.rglob("*") if p.is_file()]
    return {str(p): p.read_text(encoding="utf-8", errors="replace") for p in files}


def leaked(runs: dict[str, Run], files: dict[str, str], tokens: list[Planted]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name, run in runs.items():
        shown = leaks(run.stdout + run.stderr, tokens)
        if shown:
            found[name] = [t.text for t in shown[:3]]
    for name, text in files.items():
        shown = leaks(text, tokens)
        if shown:
            found[name] = [t.text for t in shown[:3]]
    return found


@pytest.fixture(scope="module")
def in_text(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[dict[str, Run], dict[str, str], Plants]:
    base = tmp_path_factory.mktemp("planted-text")
    repo, policies = git_repo(base)
    plants = Plants(seed=1)
    plant_in_text(policies, plants)
    plant_in_comments_and_names(policies, plants, renamed=3)
    assert load_repository(policies).findings == []
    commit_all(repo, "Credentials everywhere")
    runs = run_everything(base, policies, plants)
    return runs, written(base), plants


@pytest.fixture(scope="module")
def in_place(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[dict[str, Run], dict[str, str], Plants]:
    base = tmp_path_factory.mktemp("planted-values")
    repo, policies = git_repo(base)
    plants = Plants(seed=2)
    plant_everywhere(policies, plants)
    plant_in_comments_and_names(policies, plants, renamed=100)
    commit_all(repo, "Credentials in place of every value")
    runs = run_everything(base, policies, plants)
    return runs, written(base), plants


def test_hundreds_of_credentials_of_every_shape_are_planted(in_text, in_place) -> None:
    shapes = {p.shape for p in itertools.chain(in_text[2].used, in_place[2].used)}
    assert shapes == {p.shape for p in itertools.islice(planted(), 100)}
    assert len(in_text[2].used) >= 500
    assert len(in_place[2].used) >= 500
    assert len({p.secret for p in in_text[2].used + in_place[2].used}) == len(
        in_text[2].used + in_place[2].used
    )


def test_no_credential_in_valid_text_is_printed_or_written(in_text) -> None:
    runs, files, plants = in_text
    assert leaked(runs, files, plants.used) == {}


def test_the_valid_copy_was_really_reported(in_text) -> None:
    runs, files, _ = in_text
    codes = {name: run.exit_code for name, run in runs.items()}
    assert codes["validate"] == 1  # valid files, but they hold secrets (GK305)
    assert runs["validate"].stdout.count("[GK305]") >= 10
    assert codes["docs build"] == 0, runs["docs build"].stderr
    assert codes["diff"] == 0 and codes["report markdown"] == 0 and codes["calendar"] == 0
    assert runs["check text"].stdout.count("[redacted: looks like") >= 10
    assert runs["diff stdout"].stdout.count("[redacted: looks like") >= 100
    assert any("[redacted: looks like" in text for name, text in files.items() if "/site/" in name)
    report = next(text for name, text in files.items() if name.endswith("/out/html"))
    assert "[redacted: looks like" in report


def test_no_credential_where_validation_fails_is_printed_or_written(in_place) -> None:
    runs, files, plants = in_place
    assert leaked(runs, files, plants.used) == {}


def test_the_invalid_copy_was_really_validated(in_place) -> None:
    runs, _, _ = in_place
    assert runs["validate"].exit_code == 2
    lines = runs["validate"].stdout.splitlines()
    assert len(lines) >= 300
    assert sum("looks like" in line or "redacted" in line for line in lines) >= 300


def test_the_oscal_exports_of_the_valid_copy_stay_valid_oscal(in_text, reference: Path) -> None:
    runs, files, _ = in_text
    assert runs["report oscal-ar"].exit_code == 0
    assessment = json.loads(next(t for n, t in files.items() if n.endswith("/out/oscal-ar")))
    assert "[redacted: looks like" in json.dumps(assessment, ensure_ascii=False)
    assert errors(assessment, reference, AR_SCHEMA) == []
    assert runs["controls oscal-component"].exit_code == 0
    component = json.loads(runs["controls oscal-component"].stdout)
    assert "[redacted: looks like" in json.dumps(component, ensure_ascii=False)
    assert errors(component, reference, COMPONENT_SCHEMA) == []
