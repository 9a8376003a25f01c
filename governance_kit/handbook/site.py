"""Generating the handbook's Markdown, merging the company's mkdocs.yml, and building the site."""

from __future__ import annotations

import copy
import datetime as dt
import io
import logging
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .. import output as out
from ..loading.repository import Repository
from ..rules import _secrets
from .confidential import confidential_values
from .context import Context
from .pages import available, posture, render_home, render_policy_page

REQUIRED_EXTENSIONS: list[Any] = [
    "admonition",
    "tables",
    "attr_list",
    {"toc": {"permalink": True}},
    {"pymdownx.tasklist": {"custom_checkbox": True}},
]
DEFAULT_FEATURES = ["navigation.instant", "search.suggest", "search.highlight", "content.code.copy"]
_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


class HandbookError(Exception):
    """The handbook could not be built; the message is one line for the user."""


@dataclass
class Generated:
    """The Markdown written into docs_dir, and the nav that lists it."""

    docs_dir: Path
    nav: list[Any] = field(default_factory=list)


def generate(repository: Repository, docs_dir: Path, today: dt.date) -> Generated:
    """Write every page of the handbook (and the company's own pages) into `docs_dir`."""
    context = Context.of(repository, today)
    pages = available(context)
    docs_dir.mkdir(parents=True, exist_ok=True)
    own = copy_own_pages(repository.root, docs_dir)
    for page in pages:
        (docs_dir / page.filename).write_text(render_policy_page(page, context), encoding="utf-8")
    (docs_dir / posture.FILENAME).write_text(
        posture.render(repository, context, today), encoding="utf-8"
    )
    extra = [(posture.TITLE, posture.FILENAME), *own]
    (docs_dir / "index.md").write_text(render_home(context, pages, extra), encoding="utf-8")
    nav: list[Any] = [{"Home": "index.md"}, *({p.title: p.filename} for p in pages)]
    nav.append({posture.TITLE: posture.FILENAME})
    if own:
        nav.append({"More from us": [{title: name} for title, name in own]})
    return Generated(docs_dir, nav)


def copy_own_pages(root: Path, docs_dir: Path) -> list[tuple[str, str]]:
    """Copy PATH/handbook/ into docs_dir/handbook/; (title, path) of its Markdown pages."""
    source = root / "handbook"
    if not root.is_dir() or not source.is_dir():
        return []
    shutil.copytree(source, docs_dir / "handbook", dirs_exist_ok=True)
    pages = []
    for path in sorted(source.rglob("*.md")):
        relative = path.relative_to(source).as_posix()
        match = _HEADING.search(path.read_text(encoding="utf-8", errors="replace"))
        title = match.group(1) if match else path.stem.replace("-", " ").capitalize()
        pages.append((title, f"handbook/{relative}"))
    return pages


def company_config(root: Path) -> dict[str, Any]:
    """The company's mkdocs.yml beside the policies (read as MkDocs reads it), or {}."""
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import yaml_load

    path = (root if root.is_dir() else root.parent) / "mkdocs.yml"
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as handle:
            loaded = yaml_load(handle)
    except ConfigurationError as error:
        mark = getattr(error.__context__, "problem_mark", None)
        problem = getattr(error.__context__, "problem", None)
        if mark is not None and problem:
            where = f"{path}:{mark.line + 1}:{mark.column + 1}"
            raise HandbookError(f"{where}: invalid YAML: {problem}") from error
        raise HandbookError(f"{path}: {' '.join(str(error).split())}") from error
    if not isinstance(loaded, dict):
        raise HandbookError(f"{path}:1:1: expected a mapping of MkDocs settings")
    return loaded


def _name(entry: Any) -> str:
    return str(next(iter(entry), "")) if isinstance(entry, dict) else str(entry)


def _extension_names(extensions: list[Any]) -> set[str]:
    return {_name(entry) for entry in extensions}


def merged_config(
    company: dict[str, Any], generated: Generated, site_dir: Path, default_name: str
) -> dict[str, Any]:
    """The company's settings, plus what the handbook needs: theme, search, nav, extensions.

    Web fonts are off unless the company turns them on: the site makes no third-party requests.
    """
    config = dict(company)
    config.setdefault("site_name", default_name)
    theme = company.get("theme")
    theme = dict(theme) if isinstance(theme, dict) else {}
    theme["name"] = "material"
    theme.setdefault("features", list(DEFAULT_FEATURES))
    theme.setdefault("font", False)
    config["theme"] = theme
    plugins = list(company.get("plugins") or [])
    if "search" not in _extension_names(plugins):
        plugins.insert(0, "search")
    config["plugins"] = plugins
    extensions = list(company.get("markdown_extensions") or [])
    present = _extension_names(extensions)
    extensions += [e for e in copy.deepcopy(REQUIRED_EXTENSIONS) if _name(e) not in present]
    config["markdown_extensions"] = extensions
    config["nav"] = [*generated.nav, *(company.get("nav") or [])]
    config["docs_dir"] = str(generated.docs_dir)
    config["site_dir"] = str(site_dir)
    config["strict"] = True
    config.pop("INHERIT", None)
    return config


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(" ".join(record.getMessage().split()))


@contextmanager
def _quiet_mkdocs() -> Iterator[_Collect]:
    """Keep MkDocs' INFO lines off the terminal; collect its warnings and errors."""
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    saved = logger.level, logger.propagate
    logger.addHandler(collect)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        yield collect
    finally:
        logger.removeHandler(collect)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]


def check_site_dir(site_dir: Path, policy_root: Path) -> None:
    """Refuse to let MkDocs empty a folder that is not a previous build."""
    site = site_dir.resolve()
    root = policy_root.resolve()
    if site == root or root.is_relative_to(site):
        raise HandbookError(f"{site_dir}: the site folder would hold the policies; choose another")
    if site.is_file():
        raise HandbookError(f"{site_dir}: is a file; give a folder for the site")
    if site.is_dir() and any(site.iterdir()) and not (site / "index.html").is_file():
        raise HandbookError(
            f"{site_dir}: folder exists, is not empty and holds no earlier site; "
            "not overwriting it (hint: give an empty or new --site-dir)"
        )


def run_mkdocs(config: dict[str, Any], config_path: Path) -> None:
    """Build with MkDocs in strict mode; every warning becomes a HandbookError."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with _quiet_mkdocs() as collected:
        try:
            loaded = load_config(io.BytesIO(b"{}"), config_file_path=str(config_path), **config)
            build(loaded)
        except MkDocsException as error:
            detail = "; ".join(collected.messages) or " ".join(str(error).split())
            raise HandbookError(f"MkDocs could not build the handbook: {detail}") from error
        except SystemExit as error:
            detail = "; ".join(collected.messages) or "invalid configuration"
            raise HandbookError(f"MkDocs could not build the handbook: {detail}") from error


def leaked(site_dir: Path, values: set[str]) -> list[Path]:
    """Files of the built site containing any confidential value (in any common encoding)."""
    import html
    import json

    needles = set()
    for value in values:
        needles |= {value, html.escape(value), json.dumps(value)[1:-1]}
    return [
        path
        for path in sorted(site_dir.rglob("*"))
        if path.is_file()
        and any(n in path.read_text(encoding="utf-8", errors="ignore") for n in needles)
    ]


def build_site(repository: Repository, site_dir: Path, today: dt.date, work: Path) -> Path:
    """Generate into `work`, build into `site_dir`, check no confidential value got out."""
    check_site_dir(site_dir, repository.root)
    generated = generate(repository, work / "docs", today)
    organisation = Context.of(repository, today).organisation()
    default_name = (
        out.html(f"{organisation.name} social media handbook") if organisation else "Handbook"
    )  # MkDocs' templates put site_name into the page unescaped
    config = merged_config(company_config(repository.root), generated, site_dir, default_name)
    root = repository.root if repository.root.is_dir() else repository.root.parent
    run_mkdocs(config, root / "mkdocs.yml")
    found = leaked(site_dir, confidential_values(d.model for d in repository.documents))
    if found:
        shutil.rmtree(site_dir, ignore_errors=True)
        raise HandbookError(
            f"{found[0]}: a confidential value would have been published; site removed"
        )
    found = leaked(site_dir, secret_values(d.model for d in repository.documents))
    if found:
        shutil.rmtree(site_dir, ignore_errors=True)
        raise HandbookError(
            f"{found[0]}: a value that looks like a secret would have been published; site "
            "removed (run 'govkit check --select GK305' to find it)"
        )
    return site_dir / "index.html"


def secret_values(models: Any) -> set[str]:
    """The secret-looking pieces (tokens, keys, passwords) of every text in the models."""
    values: set[str] = set()
    pending = list(models)
    while pending:
        value = pending.pop()
        if isinstance(value, BaseModel):
            pending.extend(getattr(value, name) for name in type(value).model_fields)
        elif isinstance(value, list | tuple):
            pending.extend(value)
        elif isinstance(value, str) and _secrets.secret_in_text(value):
            values |= _secret_pieces(value)
    return values


def _secret_pieces(text: str) -> set[str]:
    pieces = {m.group(0) for _, shape in _secrets.TOKEN_SHAPES for m in shape.finditer(text)}
    pieces |= {m.group(1) for m in _secrets.PASSWORD_IN_TEXT.finditer(text)}
    pieces |= {
        token.strip("\"'`()[]{}<>,;")
        for token in text.split()
        if _secrets.high_entropy(token.strip("\"'`()[]{}<>,;"))
    }
    return {piece for piece in pieces if len(piece) >= 6}
