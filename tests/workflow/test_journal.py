"""A journal or lock that govkit did not leave is refused, never replayed, never deleted.

Journals come as a pull request would bring them (committed in a real Git repository, with a
lock naming their run token and the temporary files they name) or are tampered with on disk
after a genuine run was stopped. Each time `govkit review` stops with one exact line and exit
code 2, every file outside the repository keeps its bytes and nothing is created there.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from governance_kit.edit.files import JOURNAL_NAME, LOCK_NAME, EditProblem, replace_all
from governance_kit.edit.journal import digest
from tests.conftest import TODAY, govkit
from tests.workflow.conftest import PolicyRepo, tree
from tests.workflow.test_files import stopped_replacing

HINT = (
    "(hint: if it came with a pull request or a copy of the files, delete it and run the "
    "command again)"
)
EVIL = b"kind: Evil\n"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """Files a hostile journal aims at, outside the repository."""
    folder = tmp_path / "outside"
    (folder / "home" / "user").mkdir(parents=True)
    (folder / "victim").write_bytes(b"the victim's own bytes\n")
    (folder / "home" / "user" / ".bashrc").write_bytes(b"alias ls='ls --color'\n")
    return folder


def review(policies: Path) -> tuple[int, str]:
    run = govkit("review", "nordlys-brand", policies, "--by", "ben", "--date", TODAY)
    return run.exit_code, run.stderr


def refused(policies: Path, reason: str) -> tuple[int, str]:
    return 2, f"govkit: error: {policies / JOURNAL_NAME}: not replayed: {reason} {HINT}\n"


def hostile_journal(policies: Path, entries: list[list[str | None]], run: str = "r") -> None:
    body = {"run": run, "replace": entries, "digest": "0" * 64}
    (policies / JOURNAL_NAME).write_text(json.dumps(body), encoding="utf-8")


def up_to(policies: Path, target: Path) -> str:
    return os.path.relpath(target, policies)


def assert_refused(policies: Path, outside: Path, reason: str, prepare: Callable[[], None]) -> None:
    before_outside = tree(outside)
    prepare()
    before = tree(policies)
    assert review(policies) == refused(policies, reason)
    assert tree(policies) == before, "the journal is kept and no policy file changed"
    assert tree(outside) == before_outside


def test_a_committed_journal_of_the_old_kind_naming_files_outside_is_refused(
    policy_repo: PolicyRepo, outside: Path
) -> None:
    policies = policy_repo.policies
    pair = [up_to(policies, outside / "victim"), up_to(policies, outside / "home/user/.bashrc")]
    assert pair == ["../../outside/victim", "../../outside/home/user/.bashrc"]
    journal = policies / JOURNAL_NAME
    journal.write_text(json.dumps({"replace": [pair]}), encoding="utf-8")
    policy_repo.commit("A pull request with a journal")
    before = tree(outside)
    assert review(policies) == refused(policies, "it is not a journal govkit writes")
    assert tree(outside) == before
    assert not policy_repo.repo.is_dirty(untracked_files=True)


@pytest.mark.parametrize(
    ("temporary", "target", "reason"),
    [
        (
            "../outside/.victim.abcdefgh.tmp",
            "../outside/victim.yaml",
            "'../outside/victim.yaml' is not a path inside the folder",
        ),
        (
            "{outside}/.victim.abcdefgh.tmp",
            "{outside}/victim.yaml",
            "'{outside}/victim.yaml' is not a relative path",
        ),
        (
            "../outside/.brand.yaml.abcdefgh.tmp",
            "brand.yaml",
            "'../outside/.brand.yaml.abcdefgh.tmp' is not a temporary file govkit makes "
            "for 'brand.yaml'",
        ),
        (
            "handbook/.brand.yaml.abcdefgh.tmp",
            "brand.yaml",
            "'handbook/.brand.yaml.abcdefgh.tmp' is not a temporary file govkit makes for "
            "'brand.yaml'",
        ),
        (
            ".brand.yaml.evil.tmp",
            "brand.yaml",
            "'.brand.yaml.evil.tmp' is not a temporary file govkit makes for 'brand.yaml'",
        ),
        (
            ".git/.config.abcdefgh.tmp",
            ".git/config",
            "'.git/config' is not a path inside the folder",
        ),
        (
            ".govkit.lock.abcdefgh.tmp",
            LOCK_NAME,
            f"'{LOCK_NAME}' is not a path inside the folder",
        ),
        (
            "handbook/.welcome.md.abcdefgh.tmp",
            "handbook/welcome.md",
            "'handbook/welcome.md' is not a policy file",
        ),
        (
            ".brand\0.yaml.abcdefgh.tmp",
            "brand\0.yaml",
            "a path holds a backslash or a NUL character",
        ),
    ],
    ids=[
        "dot-dot",
        "absolute",
        "temporary-outside",
        "temporary-elsewhere",
        "not-random",
        "git-config",
        "lock",
        "not-yaml",
        "nul",
    ],
)
def test_a_journal_naming_paths_it_may_not_is_refused(
    example: Path, outside: Path, temporary: str, target: str, reason: str
) -> None:
    def prepare() -> None:
        names = [temporary.format(outside=outside), target.format(outside=outside)]
        hostile_journal(example, [[*names, "0" * 64, None]])

    assert_refused(example, outside, reason.format(outside=outside), prepare)


def test_a_committed_journal_lock_and_temporary_file_are_refused(
    policy_repo: PolicyRepo, outside: Path
) -> None:
    """Everything a genuine stopped run leaves, forged and committed: only the key is missing."""
    policies = policy_repo.policies
    brand = policies / "brand.yaml"
    (policies / ".brand.yaml.abcdefgh.tmp").write_bytes(EVIL)
    (policies / LOCK_NAME).write_text("0123456789abcdef\n", encoding="utf-8")
    entry = [".brand.yaml.abcdefgh.tmp", "brand.yaml", digest(EVIL), digest(brand.read_bytes())]
    hostile_journal(policies, [entry], run="0123456789abcdef")
    policy_repo.commit("A pull request with a forged journal")
    before = tree(policy_repo.root)
    reason = "its digest does not match, so no govkit run of this user wrote it"
    assert_refused(policies, outside, reason, lambda: None)
    assert tree(policy_repo.root) == before
    assert not policy_repo.repo.is_dirty(untracked_files=True)


def test_a_committed_symbolic_link_as_temporary_file_is_refused(
    policy_repo: PolicyRepo, outside: Path
) -> None:
    policies = policy_repo.policies
    (policies / ".brand.yaml.abcdefgh.tmp").symlink_to(outside / "victim")
    (policies / LOCK_NAME).write_text("run\n", encoding="utf-8")
    hostile_journal(policies, [[".brand.yaml.abcdefgh.tmp", "brand.yaml", "0" * 64, None]], "run")
    policy_repo.commit("A pull request with a link")
    reason = "its digest does not match, so no govkit run of this user wrote it"
    assert_refused(policies, outside, reason, lambda: None)
    assert not policy_repo.repo.is_dirty(untracked_files=True)


def test_a_journal_that_is_a_symbolic_link_is_refused(example: Path, outside: Path) -> None:
    (outside / "journal").write_text('{"replace": []}', encoding="utf-8")

    def prepare() -> None:
        (example / JOURNAL_NAME).symlink_to(outside / "journal")

    assert_refused(example, outside, "it is not a regular file", prepare)


def stopped_run(policies: Path, monkeypatch: pytest.MonkeyPatch, *names: str) -> list[list]:
    """The journal entries a genuine run leaves when it is stopped before its first rename."""
    texts = {
        policies / name: (policies / name).read_text(encoding="utf-8") + f"# new {name}\n"
        for name in names
    }
    stopped_replacing(monkeypatch, policies, texts, lambda target: target in map(str, texts))
    return json.loads((policies / JOURNAL_NAME).read_text(encoding="utf-8"))["replace"]


def test_a_genuine_journal_whose_temporary_file_became_a_link_is_refused(
    example: Path, outside: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temporary = stopped_run(example, monkeypatch, "brand.yaml", "scope.yaml")[0][0]
    (example / temporary).unlink()
    (example / temporary).symlink_to(outside / "victim")
    before = tree(outside)
    assert review(example) == refused(example, f"'{temporary}' is not a regular file")
    assert tree(outside) == before


@pytest.mark.parametrize("change", ["hard link", "new text", "lock token", "edited file"])
def test_a_genuine_journal_tampered_with_is_refused(
    example: Path, outside: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    entries = stopped_run(example, monkeypatch, "brand.yaml", "scope.yaml")
    temporary, target = entries[1][:2]
    reasons = {
        "hard link": f"'{temporary}' is not a file of this user with a single name",
        "new text": f"'{temporary}' does not hold the text the stopped run prepared",
        "lock token": "the lock file does not name the run that wrote it",
        "edited file": f"'{target}' was changed after the run stopped",
    }
    if change == "hard link":
        os.link(example / temporary, outside / "copy")
    elif change == "new text":
        (example / temporary).write_bytes(EVIL)
    elif change == "lock token":
        (example / LOCK_NAME).write_text("another run\n", encoding="utf-8")
    else:
        with (example / target).open("a", encoding="utf-8") as stream:
            stream.write("# edited by hand after the run stopped\n")
    before, before_outside = tree(example), tree(outside)
    assert review(example) == refused(example, reasons[change])
    assert tree(example) == before
    assert tree(outside) == before_outside


def test_a_genuine_journal_through_a_folder_now_a_link_is_refused(
    example: Path, outside: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (example / "extra").mkdir()
    (example / "extra" / "notes.yaml").write_text("# notes\n", encoding="utf-8")
    stopped_run(example, monkeypatch, "extra/notes.yaml", "brand.yaml")
    shutil.move(example / "extra", outside / "extra")
    (example / "extra").symlink_to(outside / "extra")
    before = tree(outside)
    assert review(example) == refused(
        example, "'extra/notes.yaml' goes through a symbolic link or a missing folder"
    )
    assert tree(outside) == before


def test_a_lock_file_that_is_a_symbolic_link_is_not_followed(example: Path, outside: Path) -> None:
    (example / LOCK_NAME).symlink_to(outside / "victim")
    before = tree(outside)
    code, stderr = review(example)
    assert (code, stderr) == (
        2,
        f"govkit: error: {example / LOCK_NAME}: not a lock file govkit makes, so not used "
        "(hint: delete it, then run the command again)\n",
    )
    assert tree(outside) == before


def test_a_journal_is_written_with_this_users_key_and_the_lock_token(
    example: Path, monkeypatch: pytest.MonkeyPatch, journal_key_in_tmp: Path
) -> None:
    brand = (example / "brand.yaml").read_bytes()
    entries = stopped_run(example, monkeypatch, "brand.yaml", "scope.yaml")
    body = json.loads((example / JOURNAL_NAME).read_text(encoding="utf-8"))
    assert body["run"] == (example / LOCK_NAME).read_text(encoding="utf-8").strip()
    assert [entry[1] for entry in entries] == ["brand.yaml", "scope.yaml"]
    assert entries[0][2:] == [digest(brand + b"# new brand.yaml\n"), digest(brand)]
    key = journal_key_in_tmp / "govkit" / "journal.key"
    assert len(key.read_bytes()) == 32
    assert oct(key.stat().st_mode & 0o777) == "0o600"


def test_replace_all_does_not_start_beside_a_journal_it_cannot_trust(tmp_path: Path) -> None:
    texts = {tmp_path / name: f"new {name}\n" for name in ("a.yaml", "b.yaml")}
    for path in texts:
        path.write_text("old\n", encoding="utf-8")
    hostile_journal(tmp_path, [[".a.yaml.abcdefgh.tmp", "a.yaml", "0" * 64, None]])
    before = tree(tmp_path)
    with pytest.raises(EditProblem) as refusal:
        replace_all(tmp_path, texts)
    assert str(refusal.value) == (
        f"{tmp_path / JOURNAL_NAME}: not replayed: its digest does not match, so no govkit run "
        f"of this user wrote it {HINT}"
    )
    assert tree(tmp_path) == before
