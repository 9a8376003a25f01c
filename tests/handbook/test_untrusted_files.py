"""Real `govkit docs build` runs over a repository with links out of it, pipes and devices:
nothing outside the repository is read or published, and nothing waits forever."""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE

from .real import VICTIM, files_holding, govkit_in

pytestmark = pytest.mark.slow

OUT = "symbolic link points outside the policy repository"
NOT_REGULAR = "not a regular file"
PUBLISH_HINT = "copy what it points to into the repository instead"
PIPE_HINT = "handbook pages are plain files, not pipes, sockets or devices"


NOT_VALID = "1 problem in policies; handbook not built\n"
REFUSED = (
    "govkit: error: 1 problem in mkdocs.yml or handbook/; handbook not built "
    "(hint: fix the lines above; 'govkit check' reports them too)\n"
)


def refused(path: str, problem: str, hint: str = PUBLISH_HINT) -> str:
    return f"{path}:1:1: error: {problem}; not published [GK972] (hint: {hint})\n"


def not_read(path: str) -> str:
    """A linked folder that leaves the repository, found while reading the policies."""
    hint = "copy the file into the repository instead"
    return f"{path}:1:1: error: {OUT}; not read [GK001] (hint: {hint})\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """repo/policies: a copy of the example; tmp/victim/: files of the machine, outside it."""
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "secret.txt").write_text(f"{VICTIM}\n", encoding="utf-8")
    (victim / "notes.yaml").write_text(f"note: {VICTIM}\n", encoding="utf-8")
    shutil.copytree(EXAMPLE, tmp_path / "repo" / "policies")
    return tmp_path / "repo"


def victim_of(repo: Path) -> Path:
    return repo.parent / "victim"


def _link_file_absolute(repo: Path) -> None:
    (repo / "policies/handbook/leak.md").symlink_to(victim_of(repo) / "secret.txt")


def _link_file_relative(repo: Path) -> None:
    (repo / "policies/handbook/leak.md").symlink_to("../../../victim/secret.txt")


def _link_folder_absolute(repo: Path) -> None:
    (repo / "policies/handbook/more").symlink_to(victim_of(repo), target_is_directory=True)


def _link_folder_relative(repo: Path) -> None:
    (repo / "policies/handbook/more").symlink_to("../../../victim", target_is_directory=True)


def _link_root(repo: Path) -> None:
    (repo / "policies/handbook/more").symlink_to("/", target_is_directory=True)


def _link_dev_zero(repo: Path) -> None:
    (repo / "policies/handbook/leak.md").symlink_to("/dev/zero")


def _link_handbook(repo: Path) -> None:
    shutil.rmtree(repo / "policies/handbook")
    (repo / "policies/handbook").symlink_to(victim_of(repo), target_is_directory=True)


def _link_config(repo: Path) -> None:
    (repo / "policies/mkdocs.yml").unlink()
    (repo / "policies/mkdocs.yml").symlink_to(victim_of(repo) / "notes.yaml")


LEAKS: list[tuple[str, Callable[[Path], None], str]] = [
    ("file-absolute", _link_file_absolute, refused("policies/handbook/leak.md", OUT)),
    ("file-relative", _link_file_relative, refused("policies/handbook/leak.md", OUT)),
    ("dev-zero", _link_dev_zero, refused("policies/handbook/leak.md", OUT)),
    (
        "mkdocs-yml",
        _link_config,
        "policies/mkdocs.yml:1:1: error: mkdocs.yml is a symbolic link to a file outside the "
        "policy folder [GK970] (hint: replace the link with the file itself)\n",
    ),
    ("folder-absolute", _link_folder_absolute, not_read("policies/handbook/more")),
    ("folder-relative", _link_folder_relative, not_read("policies/handbook/more")),
    ("filesystem-root", _link_root, not_read("policies/handbook/more")),
    ("handbook-itself", _link_handbook, not_read("policies/handbook")),
]


@pytest.mark.parametrize(("name", "make", "line"), LEAKS, ids=[leak[0] for leak in LEAKS])
def test_link_out_of_the_repository_is_refused(
    repo: Path, name: str, make: Callable[[Path], None], line: str
) -> None:
    before = {p: p.read_bytes() for p in victim_of(repo).iterdir()}
    make(repo)
    run = govkit_in(repo, "docs", "build", "policies")
    not_valid = "[GK001]" in line  # found while reading the policies, before the build
    assert (run.returncode, run.stdout, run.stderr) == (
        2,
        line,
        NOT_VALID if not_valid else REFUSED,
    )
    assert not (repo / "site").exists()
    assert files_holding(repo.parent, VICTIM) == sorted(before)
    assert {p: p.read_bytes() for p in victim_of(repo).iterdir()} == before


def test_policies_subfolder_linked_outside_is_not_read(repo: Path) -> None:
    (repo / "policies/team").symlink_to(victim_of(repo), target_is_directory=True)
    run = govkit_in(repo, "docs", "build", "policies")
    assert (run.returncode, run.stdout, run.stderr) == (
        2,
        not_read("policies/team"),
        NOT_VALID,
    )
    assert not (repo / "site").exists()
    assert files_holding(repo.parent, VICTIM) == sorted(victim_of(repo).iterdir())


def test_pipe_in_handbook_is_refused_without_waiting(repo: Path) -> None:
    os.mkfifo(repo / "policies/handbook/pipe.md")
    run = govkit_in(repo, "docs", "build", "policies")
    assert (run.returncode, run.stdout) == (
        2,
        refused("policies/handbook/pipe.md", NOT_REGULAR, PIPE_HINT),
    )
    assert not (repo / "site").exists()


def test_pipe_among_the_policies_is_refused_without_waiting(repo: Path) -> None:
    os.mkfifo(repo / "policies/pipe.yaml")
    run = govkit_in(repo, "docs", "build", "policies")
    assert (run.returncode, run.stdout) == (
        2,
        "policies/pipe.yaml:1:1: error: not a regular file; not read [GK001] "
        "(hint: policy files are plain files, not pipes, sockets or devices)\n",
    )
    assert not (repo / "site").exists()


def test_socket_and_link_to_a_pipe_inside_are_refused(repo: Path) -> None:
    os.mkfifo(repo / "policies/pipe")
    (repo / "policies/handbook/piped.md").symlink_to("../pipe")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(repo / "policies/handbook/sock"))
        run = govkit_in(repo, "docs", "build", "policies")
    assert (run.returncode, run.stdout) == (
        2,
        refused("policies/handbook/piped.md", NOT_REGULAR, PIPE_HINT)
        + refused("policies/handbook/sock", NOT_REGULAR, PIPE_HINT),
    )


def test_page_that_is_not_utf8_is_refused_at_its_byte(repo: Path) -> None:
    (repo / "policies/handbook/latin.md").write_bytes(b"# Welcome\n\nCaf\xe9 hours\n")
    run = govkit_in(repo, "docs", "build", "policies")
    assert (run.returncode, run.stdout) == (
        2,
        "policies/handbook/latin.md:3:4: error: file is not valid UTF-8 (byte 0xe9); "
        "not published [GK972] (hint: save it as UTF-8)\n",
    )


def test_folder_linked_inside_the_repository_is_refused(repo: Path) -> None:
    (repo / "policies/handbook/again").symlink_to(".", target_is_directory=True)
    run = govkit_in(repo, "docs", "build", "policies")
    assert (run.returncode, run.stdout) == (
        2,
        refused(
            "policies/handbook/again",
            "symbolic link to a folder",
            "move the pages into handbook/ instead of linking a folder",
        ),
    )


def test_link_to_a_page_inside_the_repository_is_published(repo: Path) -> None:
    (repo / "policies/shared.md").write_text("# Shared page\n\nKept beside the policies.\n")
    (repo / "policies/handbook/shared.md").symlink_to("../shared.md")
    run = govkit_in(repo, "docs", "build", "policies")
    assert run.returncode == 0, run.stdout + run.stderr
    page = (repo / "site/handbook/shared/index.html").read_text(encoding="utf-8")
    assert "Kept beside the policies." in page
