"""`govkit init`: a scaffold that validates, checks clean, and whose CI files are valid."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import git
import pytest

from tests.conftest import ROOT, TODAY, govkit, require_in_ci

CONFIDENTIAL_REGISTRY = (
    "govkit: warning: {path} is classified confidential, so the handbook will have no account "
    "directory (hint: set 'classification: internal' to publish it; its confidential fields are "
    "never published)\n"
)


def _validate_with(schema: str, path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_minimal_scaffold_validates_and_checks_clean(tmp_path: Path) -> None:
    target = tmp_path / "governance"
    run = govkit(
        "init", target, "--minimal", "--site-url", "https://acme.github.io/policies/",
        "--today", TODAY,
    )  # fmt: skip
    assert run.exit_code == 0, run.stderr
    assert govkit("validate", target / "policies").exit_code == 0
    check = govkit("check", target / "policies", "--today", TODAY)
    assert check.exit_code == 0, check.stdout
    assert " 0 errors, 0 warnings, 0 info" in check.stdout
    for name in (
        ".pre-commit-config.yaml",
        ".github/workflows/governance.yml",
        ".gitlab-ci.yml",
        ".github/CODEOWNERS",
        "policies/mkdocs.yml",
        "schemas/people.schema.json",
    ):
        assert (target / name).is_file(), name
    codeowners = (target / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert "/policies/people.yaml @alex-example @sam-example\n" in codeowners


def test_without_an_address_the_scaffold_asks_for_one(tmp_path: Path) -> None:
    run = govkit("init", tmp_path, "--minimal", "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    config = tmp_path / "policies" / "mkdocs.yml"
    assert "site_url" not in config.read_text(encoding="utf-8")
    check = govkit("check", tmp_path / "policies", "--today", TODAY)
    assert check.stdout.splitlines()[:-1] == [
        f"{config}:1:1: warning: the handbook has no address (site_url): its 'page not found' "
        "page loads its style and links from the server's root, and its sitemap lists no "
        "addresses [GK973] (hint: set spec.handbook.site_url in Settings (or site_url in "
        "mkdocs.yml))"
    ]


def test_the_address_given_replaces_the_example_s(tmp_path: Path) -> None:
    run = govkit("init", tmp_path, "--site-url", "https://acme.example/handbook/", "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    text = (tmp_path / "policies" / "mkdocs.yml").read_text(encoding="utf-8")
    assert [line for line in text.splitlines() if line.startswith("site_url:")] == [
        'site_url: "https://acme.example/handbook/"'
    ]
    assert "handbook.nordlys.example" not in text
    assert govkit("check", tmp_path / "policies", "--today", TODAY, "--select", "GK973").stdout == (
        f"{tmp_path / 'policies'}: 0 errors, 0 warnings, 0 info, 0 waived (1 rule, today {TODAY})\n"
    )


def test_an_address_that_is_not_https_is_a_usage_error(tmp_path: Path) -> None:
    run = govkit("init", tmp_path, "--site-url", "http://acme.example/", "--today", TODAY)
    assert (run.exit_code, run.stderr) == (
        2,
        "govkit: error: --site-url http://acme.example/ is not an https address (hint: give the "
        "handbook's address, e.g. --site-url https://handbook.example.com/)\n",
    )
    assert list(tmp_path.iterdir()) == []


def test_example_scaffold_matches_the_example(tmp_path: Path) -> None:
    run = govkit("init", tmp_path, "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    assert govkit("validate", tmp_path / "policies").exit_code == 0
    copied = govkit("check", tmp_path / "policies", "--today", TODAY)
    original = govkit("check", ROOT / "policies", "--today", TODAY)
    assert copied.exit_code == original.exit_code
    assert (
        copied.stdout.splitlines()[-1].split(": ", 1)[1]
        == (original.stdout.splitlines()[-1].split(": ", 1)[1])
    )


def test_ci_and_hook_files_are_valid(tmp_path: Path) -> None:
    assert govkit("init", tmp_path, "--minimal", "--today", TODAY).exit_code == 0
    _validate_with("vendor.github-workflows", tmp_path / ".github/workflows/governance.yml")
    _validate_with("vendor.gitlab-ci", tmp_path / ".gitlab-ci.yml")
    _validate_with("vendor.github-actions", ROOT / "action.yml")
    gitlab = (tmp_path / ".gitlab-ci.yml").read_text(encoding="utf-8")
    assert "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" in gitlab and "$$" not in gitlab
    assert "junit: govkit-junit.xml" in gitlab
    workflow = (tmp_path / ".github/workflows/governance.yml").read_text(encoding="utf-8")
    assert "github/codeql-action/upload-sarif" in workflow
    assert "--format sarif" in workflow
    assert "govkit diff" in workflow
    assert "actions/deploy-pages" in workflow
    hooks = (tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "repo: https://github.com/governance-kit/governance-kit" in hooks
    assert "rev: v0.1.0" in hooks


def test_refuses_to_overwrite(tmp_path: Path) -> None:
    (tmp_path / ".gitlab-ci.yml").write_text("stages: []\n", encoding="utf-8")
    run = govkit("init", tmp_path, "--minimal", "--today", TODAY)
    assert run.exit_code == 2
    assert run.stderr == (
        f"govkit: error: {tmp_path / '.gitlab-ci.yml'}: already exists; "
        "govkit init never overwrites files\n"
    )
    assert not (tmp_path / "policies").exists()
    assert (tmp_path / ".gitlab-ci.yml").read_text(encoding="utf-8") == "stages: []\n"


HOOK_REPO_FILES = (
    "governance_kit",
    "policies",
    "pyproject.toml",
    "README.md",
    "LICENSE",
    ".pre-commit-hooks.yaml",
)


@pytest.mark.slow
def test_real_pre_commit_runs_the_hook(tmp_path: Path) -> None:
    """pre-commit installs this project into its own environment and runs govkit-validate, from
    the configuration `govkit init` writes (its repository here a local copy of this project,
    tagged as the configuration's `rev`). Both runs share one pre-commit home, so the hook's
    environment is installed once, as for a user who commits twice."""
    require_in_ci(shutil.which("pre-commit") is not None, "pre-commit is not installed")
    hook_repo = tmp_path / "hook-repo"
    hook_repo.mkdir()
    for name in HOOK_REPO_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, hook_repo / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, hook_repo / name)
    _commit_all(hook_repo).create_tag("v0.1.0")

    project = tmp_path / "project"
    assert govkit("init", project, "--minimal", "--today", TODAY).exit_code == 0
    config = project / ".pre-commit-config.yaml"
    published = "repo: https://github.com/governance-kit/governance-kit\n    rev: v0.1.0\n"
    assert published in config.read_text(encoding="utf-8")
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "https://github.com/governance-kit/governance-kit", str(hook_repo)
        ),
        encoding="utf-8",
    )
    _commit_all(project)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PIP_NO_COMPILE": "1",
    }
    result = subprocess.run(
        ["pre-commit", "run", "govkit-validate", "--all-files"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Installing environment for {hook_repo}." in result.stdout
    assert "govkit validate" in result.stdout
    assert "Passed" in result.stdout

    broken = project / "policies" / "brand.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("owner: alex", "owner: nobody"))
    failed = subprocess.run(
        ["pre-commit", "run", "govkit-validate", "--all-files"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert failed.returncode == 1
    assert "Installing environment" not in failed.stdout
    assert "policies/brand.yaml:" in failed.stdout
    assert "unknown person 'nobody'" in failed.stdout


def _commit_all(folder: Path) -> git.Repo:
    repo = git.Repo.init(folder, initial_branch="main")
    with repo.config_writer() as config:
        config.set_value("user", "name", "Test")
        config.set_value("user", "email", "test@example.com")
    repo.git.add(A=True)
    repo.index.commit("snapshot")
    return repo


@pytest.mark.parametrize(
    ("minimal", "owners"),
    [(False, "@ana-haugen @hkristiansen"), (True, "@alex-example @sam-example")],
    ids=["example", "minimal"],
)
def test_fresh_init_passes_its_own_codeowners_check(
    tmp_path: Path, minimal: bool, owners: str
) -> None:
    git.Repo.init(tmp_path)
    options = ["--minimal"] if minimal else []
    run = govkit("init", tmp_path, *options, "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    assert f"{tmp_path / '.gitlab' / 'CODEOWNERS'}\n" in run.stdout
    check = govkit("codeowners", tmp_path / "policies", "--check")
    assert check.exit_code == 0, check.stdout
    assert check.stdout == ""
    github = (tmp_path / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert f"\n/policies/mkdocs.yml {owners}\n/policies/handbook/ {owners}\n" in github
    assert github.endswith(f"\n/.gitlab/CODEOWNERS {owners}\n")


def test_the_scaffold_keeps_govkit_working_files_out_of_commits(tmp_path: Path) -> None:
    run = govkit("init", tmp_path, "--minimal", "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    repo = git.Repo.init(tmp_path)
    working = [".govkit.lock", ".govkit.journal", ".people.yaml.abcdefgh.tmp"]
    paths = [f"policies/{name}" for name in [*working, "people.yaml", "mkdocs.yml"]]
    assert repo.ignored(*paths) == [f"policies/{name}" for name in working]


def _site_dir(command: str) -> str:
    words = command.split()
    assert words[:3] == ["govkit", "docs", "build"], command
    return words[words.index("--site-dir") + 1]


@pytest.mark.slow
def test_ci_publishes_exactly_the_folder_it_builds(tmp_path: Path) -> None:
    from ruamel.yaml import YAML

    from tests.handbook.real import govkit_in

    assert govkit("init", tmp_path, "--minimal", "--today", TODAY).exit_code == 0
    yaml = YAML(typ="safe")
    workflow = yaml.load(tmp_path / ".github/workflows/governance.yml")
    steps = workflow["jobs"]["publish"]["steps"]
    build = next(s["run"] for s in steps if str(s.get("run", "")).startswith("govkit docs"))
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages"))
    assert upload["with"]["path"] == _site_dir(build) == "site"
    gitlab = yaml.load(tmp_path / ".gitlab-ci.yml")["pages"]
    command = next(line for line in gitlab["script"] if line.startswith("govkit docs"))
    assert gitlab["artifacts"]["paths"] == [_site_dir(command)] == ["public"]

    for folder in ("site", "public"):  # run as CI runs it: from the repository root
        run = govkit_in(tmp_path, *build.split()[1:-1], folder)
        assert run.returncode == 0, run.stderr
        assert run.stdout == f"handbook: {tmp_path / folder / 'index.html'}\n"
        assert (tmp_path / folder / "moderation" / "index.html").is_file()


def test_init_runs_git_init_and_ignores_the_built_site(tmp_path: Path) -> None:
    target = tmp_path / "governance"
    run = govkit("init", target, "--minimal", "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    assert run.stderr == (
        CONFIDENTIAL_REGISTRY.format(path=target / "policies" / "accounts.yaml")
        + f"initialised a Git repository in {target}\nnext: cd {target} && govkit check policies\n"
    )
    assert f"{target / '.gitignore'}\n" in run.stdout
    repo = git.Repo(target)
    assert Path(repo.working_tree_dir or "") == target
    (target / "site").mkdir()
    (target / "site" / "index.html").write_text("<html></html>\n", encoding="utf-8")
    (target / ".venv").mkdir()
    (target / ".venv" / "pyvenv.cfg").write_text("home = /usr\n", encoding="utf-8")
    untracked = repo.untracked_files
    assert [p for p in untracked if p.startswith(("site/", ".venv/"))] == []
    assert "policies/people.yaml" in untracked


def test_init_inside_a_repository_keeps_its_git_and_its_gitignore(tmp_path: Path) -> None:
    repo = git.Repo.init(tmp_path)
    (tmp_path / ".gitignore").write_text("*.log\n", encoding="utf-8")
    target = tmp_path / "governance"
    run = govkit("init", target, "--minimal", "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    assert run.stderr == (
        CONFIDENTIAL_REGISTRY.format(path=target / "policies" / "accounts.yaml")
        + f"next: cd {target} && govkit check policies\n"
    )
    assert not (target / ".git").exists()
    assert repo.ignored("governance/site/index.html") == ["governance/site/index.html"]
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "*.log\n"


def test_init_keeps_an_existing_gitignore(tmp_path: Path) -> None:
    git.Repo.init(tmp_path)
    (tmp_path / ".gitignore").write_text("*.log\n", encoding="utf-8")
    run = govkit("init", tmp_path, "--minimal", "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "*.log\n"
    assert f"{tmp_path / '.gitignore'}\n" not in run.stdout


def test_init_of_the_example_mentions_minimal(tmp_path: Path) -> None:
    git.Repo.init(tmp_path)
    run = govkit("init", tmp_path, "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    assert run.stderr == (
        "wrote the example of Nordlys Outdoor; for a small model to fill in, "
        "use 'govkit init --minimal' in an empty folder\n"
        f"next: cd {tmp_path} && govkit check policies\n"
    )
    assert "--minimal" in govkit("init", "--help").stdout


def site_name_line(root: Path) -> str:
    lines = (root / "policies" / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    return next(line for line in lines if line.startswith("site_name:"))


def test_site_name_comes_from_the_folder_name(tmp_path: Path) -> None:
    target = tmp_path / "acme-social_media"
    run = govkit("init", target, "--minimal", "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    assert site_name_line(target) == "site_name: Acme Social Media social media handbook"
    assert "    name: Acme Social Media\n" in (target / "policies" / "scope.yaml").read_text(
        encoding="utf-8"
    )


def test_org_names_the_handbook_of_the_example_too(tmp_path: Path) -> None:
    run = govkit("init", tmp_path, "--org", "Fjord & Fjell: AS #1", "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    assert site_name_line(tmp_path) == 'site_name: "Fjord & Fjell: AS #1 social media handbook"'
    assert govkit("validate", tmp_path / "policies").exit_code == 0
    assert "Nordlys" not in site_name_line(tmp_path)


def test_an_org_that_yaml_reads_as_a_boolean_stays_a_name(tmp_path: Path) -> None:
    run = govkit("init", tmp_path, "--minimal", "--org", "True", "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    assert '    name: "True"\n' in (tmp_path / "policies" / "scope.yaml").read_text("utf-8")
    assert govkit("check", tmp_path / "policies", "--today", TODAY).exit_code == 0


def test_an_empty_org_is_a_usage_error(tmp_path: Path) -> None:
    run = govkit("init", tmp_path, "--org", " ", "--today", TODAY)
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "govkit: error: --org is empty (hint: give the organisation's name, e.g. --org 'Acme AS')\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_confidential_registry_is_said_to_leave_the_handbook_without_accounts(
    tmp_path: Path,
) -> None:
    git.Repo.init(tmp_path)
    run = govkit("init", tmp_path, "--minimal", "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    accounts = tmp_path / "policies" / "accounts.yaml"
    assert run.stderr == (
        CONFIDENTIAL_REGISTRY.format(path=accounts)
        + f"next: cd {tmp_path} && govkit check policies\n"
    )


def test_an_internal_registry_needs_no_word(tmp_path: Path) -> None:
    git.Repo.init(tmp_path)
    run = govkit("init", tmp_path, "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    assert "account directory" not in run.stderr
