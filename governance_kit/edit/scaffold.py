"""Scaffolding a new policy repository (`govkit init`): policies, handbook settings, CI and
pre-commit configuration, and CODEOWNERS for GitHub and GitLab. Existing files are never
overwritten.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from string import Template

import git

from ..git.codeowners import GITHUB, GITLAB, generated
from ..git.refs import GitProblem, open_repo
from ..loading.repository import load_repository
from ..schemas import export

TEMPLATES = Path(__file__).parent / "templates"
ROOT_GITIGNORE = Path(".gitignore")
"""Written only when there is none: an existing one is the user's and is kept."""
PROJECT_EXAMPLE = Path(__file__).resolve().parents[2] / "policies"

CONFIG_FILES = {
    Path("policies") / "mkdocs.yml": "mkdocs.yml",
    Path("policies") / ".gitignore": "policies-gitignore",
    Path(".pre-commit-config.yaml"): "pre-commit-config.yaml",
    Path(".github") / "workflows" / "governance.yml": "github-workflow.yml",
    Path(".gitlab-ci.yml"): "gitlab-ci.yml",
}


class ScaffoldProblem(Exception):
    """The scaffold cannot be written; one line for the user."""


def example_source() -> Path:
    """The bundled example model: packaged in the wheel, or the project's policies/."""
    packaged = TEMPLATES / "example"
    if packaged.is_dir():
        return packaged
    if PROJECT_EXAMPLE.is_dir():
        return PROJECT_EXAMPLE
    raise ScaffoldProblem("the example policies are not installed; use --minimal")


def organisation_of(directory: Path) -> str:
    """The organisation's name when none is given: the folder's name, in words."""
    words = re.split(r"[-_.\s]+", directory.resolve().name)
    name = " ".join(word if word != word.lower() else word.capitalize() for word in words if word)
    return name or "Example Company"


def site_name(organisation: str) -> str:
    """The handbook's title for an organisation."""
    return f"{organisation} social media handbook"


def yaml_scalar(text: str) -> str:
    """`text` as a YAML scalar: plain when that reads back as the same text, else quoted (a
    JSON string is a YAML double-quoted scalar)."""
    if PLAIN.fullmatch(text) and text.lower() not in RESERVED:
        return text
    return json.dumps(text, ensure_ascii=False)


PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ()&'.,-]*[A-Za-z0-9).]|[A-Za-z]")
"""Texts written unquoted: letters first, none of YAML's indicators, no ': ' or ' #'."""

RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}
"""Plain texts that some YAML reader takes for something other than text."""

SITE_NAME = re.compile(r"^site_name:.*$", re.MULTILINE)


def planned_files(
    minimal: bool, today: date, organisation: str, site_url: str | None = None
) -> dict[Path, str]:
    """Every file to write (relative to the target folder) and its text; CODEOWNERS excluded.
    `site_url`, the handbook's address, goes into mkdocs.yml (the example keeps its own)."""
    values = {
        "today": today.isoformat(),
        "organisation": yaml_scalar(organisation),
        "site_name": yaml_scalar(site_name(organisation)),
    }
    files: dict[Path, str] = {}
    if minimal:
        for source in sorted((TEMPLATES / "minimal").glob("*.yaml")):
            text = Template(source.read_text(encoding="utf-8")).safe_substitute(values)
            files[Path("policies") / source.name] = text
    else:
        source_root = example_source()
        for source in sorted(source_root.rglob("*")):
            if source.is_file() and not any(p.startswith(".") for p in source.parts[-1:]):
                relative = source.relative_to(source_root)
                files[Path("policies") / relative] = source.read_text(encoding="utf-8")
        mkdocs = Path("policies") / "mkdocs.yml"
        if mkdocs in files:
            line = f"site_name: {values['site_name']}"
            files[mkdocs] = SITE_NAME.sub(lambda _: line, files[mkdocs], count=1)
    for target, name in CONFIG_FILES.items():
        if target not in files:
            text = (TEMPLATES / name).read_text(encoding="utf-8")
            files[target] = Template(text).safe_substitute(values)
    mkdocs = Path("policies") / "mkdocs.yml"
    if site_url is not None and mkdocs in files:
        files[mkdocs] = with_site_url(files[mkdocs], site_url)
    return files


SITE_URL = re.compile(r"^site_url:.*$", re.MULTILINE)


def with_site_url(text: str, site_url: str) -> str:
    """mkdocs.yml's text with `site_url` in place of its own, or after site_name."""
    line = f"site_url: {json.dumps(site_url)}"
    if SITE_URL.search(text):
        return SITE_URL.sub(lambda _: line, text, count=1)
    return SITE_NAME.sub(lambda found: f"{found.group()}\n{line}", text, count=1)


def scaffold(
    directory: Path,
    *,
    minimal: bool,
    today: date,
    organisation: str | None = None,
    site_url: str | None = None,
) -> list[Path]:
    """Write the scaffold into `directory`; refuse if any file exists already. The handbook
    is named after `organisation` (default: the folder's name) and published at `site_url`."""
    files = planned_files(minimal, today, organisation or organisation_of(directory), site_url)
    every = [*files, GITHUB, GITLAB, *(Path("schemas") / name for name in _schema_names())]
    existing = [path for path in every if (directory / path).exists()]
    if existing:
        raise ScaffoldProblem(
            f"{directory / existing[0]}: already exists; govkit init never overwrites files"
        )
    written = []
    for relative, text in files.items():
        target = directory / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    written += export(directory / "schemas")
    policies = directory / "policies"
    repository = load_repository(policies)
    for name, text in generated(repository.governance, directory.resolve(), policies).items():
        codeowners = directory / name
        codeowners.parent.mkdir(parents=True, exist_ok=True)
        codeowners.write_text(text, encoding="utf-8")
        written.append(codeowners)
    if not (directory / ROOT_GITIGNORE).exists():
        target = directory / ROOT_GITIGNORE
        target.write_text((TEMPLATES / "root-gitignore").read_text(encoding="utf-8"), "utf-8")
        written.append(target)
    return written


def unpublished_registries(directory: Path) -> list[Path]:
    """Account registries of the scaffold classified confidential: the handbook leaves them out,
    so it has no account directory."""
    from ..model.accounts import AccountRegistry

    governance = load_repository(directory / "policies").governance
    return [
        document.path
        for document in governance.of_kind(AccountRegistry)
        if document.model.metadata.classification == "confidential"
    ]


def init_git(directory: Path) -> bool:
    """Run `git init` in `directory` unless it is inside a Git work tree; True if it did."""
    try:
        open_repo(directory)
    except GitProblem:
        git.Repo.init(directory)
        return True
    return False


def _schema_names() -> list[str]:
    from ..model import KINDS
    from ..schemas import schema_name

    return [schema_name(kind) for kind in KINDS]
