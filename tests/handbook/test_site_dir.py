"""Real `govkit docs build` runs and the site folder: written where the user meant, scanned
exactly there, never among the policies, and nothing govkit did not build is ever removed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE

from .real import govkit_in, snapshot

pytestmark = pytest.mark.slow

MARKER = ".govkit-site"
LEAK_LINE = "a confidential value would have been published; site removed"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE, tmp_path / "repo" / "policies")
    return tmp_path / "repo"


def leak(policies: Path) -> None:
    """A company page quoting a confidential login address: pages are published as written
    (values from the policies are redacted), so only the leak scan stands in the way."""
    (policies / "handbook" / "leak.md").write_text(
        "# Log in\n\nLog in as social-admin@nordlys.example.\n", encoding="utf-8"
    )


def test_relative_site_dir_is_taken_from_the_current_folder(repo: Path) -> None:
    elsewhere = repo.parent / "elsewhere"
    elsewhere.mkdir()
    run = govkit_in(elsewhere, "docs", "build", "../repo/policies", "--site-dir", "out/site")
    assert run.returncode == 0, run.stderr
    index = elsewhere / "out" / "site" / "index.html"
    assert run.stdout == f"handbook: {index}\n"
    assert index.is_file()
    assert (elsewhere / "out" / "site" / MARKER).is_file()
    assert not (repo / "policies" / "out").exists()
    assert sorted(p.name for p in (elsewhere / "out").iterdir()) == ["site"]


def test_default_site_dir_is_beside_the_policies(repo: Path) -> None:
    run = govkit_in(repo, "docs", "build", "policies/accounts.yaml")
    assert run.returncode == 0, run.stderr
    assert run.stdout == f"handbook: {repo / 'site' / 'index.html'}\n"


@pytest.mark.parametrize(
    ("site_dir", "message"),
    [
        ("policies", "the site folder would hold the policies; choose another"),
        (".", "the site folder would hold the policies; choose another"),
        (
            "policies/site",
            "the site folder lies inside the policy folder {policies}; choose another "
            "(hint: the default is site/ beside the policy folder)",
        ),
        (
            "policies/handbook",
            "the site folder lies inside the policy folder {policies}; choose another "
            "(hint: the default is site/ beside the policy folder)",
        ),
    ],
)
def test_site_dir_among_the_policies_is_refused(repo: Path, site_dir: str, message: str) -> None:
    before = snapshot(repo)
    run = govkit_in(repo, "docs", "build", "policies", "--site-dir", site_dir)
    shown = repo / site_dir if site_dir != "." else repo
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == (f"govkit: error: {shown}: {message.format(policies=repo / 'policies')}\n")
    assert {k: v for k, v in snapshot(repo).items() if not k.startswith(".tmp")} == before


def test_site_dir_that_is_a_link_is_refused(repo: Path) -> None:
    real = repo.parent / "real-site"
    real.mkdir()
    (repo / "site").symlink_to(real, target_is_directory=True)
    run = govkit_in(repo, "docs", "build", "policies", "--site-dir", "site")
    assert (run.returncode, run.stderr) == (
        2,
        f"govkit: error: {repo / 'site'}: is a symbolic link; not writing through it "
        "(hint: give a --site-dir that is a plain folder)\n",
    )
    assert list(real.iterdir()) == []


def test_foreign_folder_is_left_byte_identical(repo: Path) -> None:
    precious = repo / "work"
    (precious / "sub").mkdir(parents=True)
    (precious / "notes.txt").write_bytes(b"keep me\n")
    (precious / "sub" / "index.html").write_bytes(b"<p>not a govkit site</p>\n")
    before = snapshot(precious)
    run = govkit_in(repo, "docs", "build", "policies", "--site-dir", "work")
    assert (run.returncode, run.stderr) == (
        2,
        f"govkit: error: {precious}: folder exists, is not empty and holds no earlier site; "
        "not overwriting it (hint: give an empty or new --site-dir)\n",
    )
    assert snapshot(precious) == before
    assert sorted(p.name for p in repo.iterdir()) == [".tmp", "policies", "work"]


def test_empty_folder_and_earlier_govkit_site_are_built_into(repo: Path) -> None:
    (repo / "site").mkdir()
    first = govkit_in(repo, "docs", "build", "policies", "--site-dir", "site")
    assert first.returncode == 0, first.stderr
    (repo / "site" / "stale.html").write_text("from an earlier build")
    again = govkit_in(repo, "docs", "build", "policies", "--site-dir", "site")
    assert again.returncode == 0, again.stderr
    assert again.stdout == f"handbook: {repo / 'site' / 'index.html'}\n"
    assert not (repo / "site" / "stale.html").exists()
    assert (repo / "site" / MARKER).is_file()
    assert (repo / "site" / "moderation" / "index.html").is_file()
    assert sorted(p.name for p in repo.iterdir()) == [".tmp", "policies", "site"]


def test_leaking_build_leaves_an_earlier_site_untouched(repo: Path) -> None:
    built = govkit_in(repo, "docs", "build", "policies", "--site-dir", "site")
    assert built.returncode == 0, built.stderr
    before = snapshot(repo / "site")
    leak(repo / "policies")
    run = govkit_in(repo, "docs", "build", "policies", "--site-dir", "site")
    assert (run.returncode, run.stderr) == (
        2,
        f"govkit: error: {repo / 'site' / 'handbook' / 'leak' / 'index.html'}: {LEAK_LINE}\n",
    )
    assert snapshot(repo / "site") == before
    assert sorted(p.name for p in repo.iterdir()) == [".tmp", "policies", "site"]
    assert list((repo / ".tmp").iterdir()) == []


def test_leaking_build_creates_nothing(repo: Path) -> None:
    leak(repo / "policies")
    run = govkit_in(repo, "docs", "build", "policies", "--site-dir", "out/site")
    assert run.returncode == 2
    assert LEAK_LINE in run.stderr
    assert not (repo / "out" / "site").exists()
    assert list((repo / "out").iterdir()) == []


def test_company_site_dir_cannot_move_the_site(repo: Path) -> None:
    config = repo / "policies" / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "site_dir: ../elsewhere\n")
    run = govkit_in(repo, "docs", "build", "policies", "--site-dir", "site")
    assert not (repo / "elsewhere").exists()
    assert not (repo / "policies" / "elsewhere").exists()
    if run.returncode == 0:  # the setting ignored (or refused with exit 2, never obeyed)
        assert (repo / "site" / "index.html").is_file()
    else:
        assert run.returncode == 2
        assert not (repo / "site").exists()
