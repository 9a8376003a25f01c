"""Generating the handbook's Markdown, merging the company's mkdocs.yml, and building the site.

The company's mkdocs.yml and handbook/ pages are judged first (`loading.site_config`,
`loading.site_pages`): anything refused stops the build before a file is written.
"""

from __future__ import annotations

import copy
import datetime as dt
import html
import io
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel import Locale
from pydantic import BaseModel

from .. import output as out
from ..exports import Export
from ..findings import Finding
from ..loading import secrets as _secrets
from ..loading.own_pages import HANDBOOK, own_pages
from ..loading.policy_bodies import judge_bodies, policy_body
from ..loading.repository import Repository
from ..loading.site_config import PLUGINS, judge_site_config
from ..loading.site_pages import judge_pages
from ..markup.escape import nav_title
from ..model.confidential import confidential_values
from ..model.settings import HandbookSettings, Settings
from .pages import available, policies, posture, render_home, render_policy_page
from .published import PublishedGovernance
from .words import LANGUAGES, N_, _, using

REQUIRED_EXTENSIONS: list[Any] = [
    "admonition",
    "tables",
    "attr_list",
    {"toc": {"permalink": True}},
    {"pymdownx.tasklist": {"custom_checkbox": True}},
    "md_in_html",
]
ASSETS = Path(__file__).parent / "assets"
"""The handbook's own stylesheet and script, copied into every site under assets/govkit/."""
ASSET_FOLDER = "assets/govkit"
FOR_AUDITORS = N_("For auditors")
SEARCH_LANGUAGE = {"nb": "no"}
"""The search index's name for a language where it differs (lunr knows Norwegian as 'no')."""
DEFAULT_FEATURES = ["navigation.instant", "search.suggest", "search.highlight", "content.code.copy"]
MARKER = ".govkit-site"
MARKER_TEXT = (
    "This folder is a handbook site built by 'govkit docs build'. The next build replaces\n"
    "the whole folder; delete this file to keep govkit from doing so.\n"
)
_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


class HandbookError(Exception):
    """The handbook could not be built; the message is one line for the user."""


class SiteRefused(HandbookError):
    """mkdocs.yml or a page of handbook/ holds what the handbook never publishes or runs."""

    def __init__(self, findings: list[Finding], where: str = "mkdocs.yml or handbook/") -> None:
        super().__init__(f"{out.counted(len(findings), 'problem')} in {where}; handbook not built")
        self.findings = findings


@dataclass
class Generated:
    """The Markdown written into docs_dir, and the nav that lists it."""

    docs_dir: Path
    nav: list[Any] = field(default_factory=list)


def generate(
    repository: Repository, docs_dir: Path, today: dt.date, exports: tuple[Export, ...] = ()
) -> Generated:
    """Write every page of the handbook (and the company's own pages) into `docs_dir`; the
    posture page shows the reconciliation with `exports`, if any."""
    context = PublishedGovernance.of(repository, today)
    pages = available(context)
    docs_dir.mkdir(parents=True, exist_ok=True)
    own = copy_own_pages(repository.root, docs_dir)
    for page in pages:
        (docs_dir / page.filename).write_text(render_policy_page(page, context), encoding="utf-8")
    prose = write_policy_pages(context, repository.root, docs_dir)
    (docs_dir / posture.FILENAME).write_text(
        posture.render(repository, context, today, exports), encoding="utf-8"
    )
    extra = [*own, (_(posture.TITLE), posture.FILENAME)]
    home = render_home(context, pages, extra, prose)
    (docs_dir / "index.md").write_text(home, encoding="utf-8")
    copy_assets(docs_dir)
    nav: list[Any] = [
        {_("Home"): "index.md"},
        *({nav_title(_(p.title)): p.filename} for p in pages),
    ]
    if prose:
        nav.append({_(policies.SECTION): [{nav_title(p.title): p.filename} for p in prose]})
    if own:
        own_nav = [{nav_title(html.unescape(title)): name} for title, name in own]
        nav.append({_("More from us"): own_nav})
    nav.append({_(FOR_AUDITORS): [{_(posture.TITLE): posture.FILENAME}]})
    return Generated(docs_dir, nav)


def write_policy_pages(
    context: PublishedGovernance, root: Path, docs_dir: Path
) -> list[policies.PolicyPage]:
    """One page per published Policy document, under docs_dir/policies/; its text was judged
    before the build (`judged_policy_texts`)."""
    pages = policies.policy_pages(context)
    for page in pages:
        body = out.text(policy_body(page.document, root).text or "")  # secrets redacted
        target = docs_dir / page.filename
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(policies.render(page, context, body), encoding="utf-8")
    return pages


def judged_policy_texts(repository: Repository, today: dt.date) -> None:
    """SiteRefused when the text of a published Policy cannot be read safely (GK106) or holds
    what a handbook page may not (GK971)."""
    published = PublishedGovernance.of(repository, today).governance.documents
    findings = judge_bodies(published, repository.root)
    if findings:
        raise SiteRefused(sorted(findings, key=Finding.sort_key), "the text of a policy")


def copy_assets(docs_dir: Path) -> None:
    """The handbook's stylesheet and script, into docs_dir/assets/govkit/."""
    target = docs_dir / ASSET_FOLDER
    target.mkdir(parents=True, exist_ok=True)
    for asset in sorted(ASSETS.iterdir()):
        if asset.is_file():
            shutil.copyfile(asset, target / asset.name)


def handbook_settings(repository: Repository) -> HandbookSettings:
    """The handbook part of the repository's Settings (the defaults without Settings)."""
    spec = PublishedGovernance.of(repository, dt.date.min).spec(Settings)
    return spec.handbook if spec is not None else HandbookSettings()


def choose_language(settings: HandbookSettings, company: dict[str, Any]) -> str:
    """Settings' handbook.language, else mkdocs.yml's theme.language when the handbook has a
    catalog for it (its first two letters: 'nb', 'de-CH'), else English."""
    if settings.language:
        return settings.language
    theme = company.get("theme")
    wanted = str(theme.get("language", "")) if isinstance(theme, dict) else ""
    base = wanted.replace("_", "-").split("-")[0].lower()
    return base if base in LANGUAGES else "en"


NOT_FOUND = """{{% extends "main.html" %}}
{{% block content %}}
<h1>{title}</h1>
<p>{text}</p>
<p><a href="{{{{ nav.homepage.url | url }}}}">{home}</a></p>
{{% endblock %}}
"""


def write_overrides(folder: Path) -> Path:
    """govkit's own theme templates (a 404 page in the handbook's language) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    page = NOT_FOUND.format(
        title=out.html(_("Page not found")),
        text=out.html(
            _(
                "This page is not in the handbook, or it has moved. Search for it with the "
                "search field above, or start again from the home page."
            )
        ),
        home=out.html(_("Go to the home page of the handbook")),
    )
    (folder / "404.html").write_text(page, encoding="utf-8")
    return folder


def localised(
    config: dict[str, Any],
    language: str,
    site_url: str | None = None,
    overrides: Path | None = None,
) -> dict[str, Any]:
    """The generated config in the handbook's language: Material's labels and the search
    index in `language`, the handbook's stylesheet and script, the print view of the whole
    handbook, and the site's address (Settings first, else mkdocs.yml's) for the sitemap."""
    config = dict(config)
    config["theme"] = {**config["theme"], "language": language}
    if overrides is not None and "custom_dir" not in config["theme"]:
        config["theme"]["custom_dir"] = str(overrides)
    plugins = []
    for plugin in config["plugins"]:
        if _name(plugin) == "search":
            options = plugin.get("search") if isinstance(plugin, dict) else None
            plugin = {
                "search": {**(options or {}), "lang": [SEARCH_LANGUAGE.get(language, language)]}
            }
        if _name(plugin) != "print-site":
            plugins.append(plugin)
    print_site = {
        "add_to_navigation": True,
        "print_page_title": _("Print the whole handbook"),
        "toc_title": _("Contents"),
        "add_cover_page": False,
        "add_print_site_banner": False,
        "enumerate_headings": False,
    }
    config["plugins"] = [*plugins, {"print-site": print_site}]
    config["extra_css"] = [*(config.get("extra_css") or []), f"{ASSET_FOLDER}/handbook.css"]
    config["extra_javascript"] = [
        *(config.get("extra_javascript") or []),
        f"{ASSET_FOLDER}/handbook.js",
    ]
    if site_url:
        config["site_url"] = site_url
    return config


def copy_own_pages(root: Path, docs_dir: Path) -> list[tuple[str, str]]:
    """Copy PATH/handbook/ into docs_dir/handbook/ file by file; (title, path) of its Markdown
    pages. Refused (one finding each) when it holds anything but regular files and folders
    inside the policy repository (see `own_pages`)."""
    pages = own_pages(root)
    if pages.refused:
        raise SiteRefused(pages.refused)
    titles = []
    for relative, content in sorted(pages.files.items()):
        target = docs_dir / HANDBOOK / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        if relative.endswith(".md"):
            match = _HEADING.search(content.decode("utf-8-sig"))
            title = match.group(1) if match else target.stem.replace("-", " ").capitalize()
            titles.append((title, f"{HANDBOOK}/{relative}"))
    return titles


def _name(entry: Any) -> str:
    return str(next(iter(entry), "")) if isinstance(entry, dict) else str(entry)


def _extension_names(extensions: list[Any]) -> set[str]:
    return {_name(entry) for entry in extensions}


def merged_config(
    company: dict[str, Any],
    generated: Generated,
    site_dir: Path,
    default_name: str,
    *,
    trusted: bool = False,
) -> dict[str, Any]:
    """The company's settings, plus what the handbook needs: theme, search, nav, extensions.

    `company` is the judged mkdocs.yml. The folders, strict mode and (unless `trusted`) hooks
    and plugins beyond the allow-list are govkit's, whatever the company's settings say. Web
    fonts are off unless the company turns them on: the site makes no third-party requests.
    """
    config = dict(company)
    for owned in ("INHERIT", "validation", "dev_addr", "watch", "config_file_path"):
        config.pop(owned, None)
    if not trusted:
        config.pop("hooks", None)
    config.setdefault("site_name", default_name)
    theme = company.get("theme")
    theme = dict(theme) if isinstance(theme, dict) else {}
    theme["name"] = "material"
    theme.setdefault("features", list(DEFAULT_FEATURES))
    theme.setdefault("font", False)
    config["theme"] = theme
    plugins = list(company.get("plugins") or [])
    if not trusted:
        plugins = [plugin for plugin in plugins if _name(plugin) in PLUGINS]
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
    return config


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(_first_and_last_line(record.getMessage()))


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
    """Refuse a site folder the build must not replace: one that holds the policies or lies
    among them, a symbolic link, something else than a folder, or a folder that is not empty
    and was not made by govkit (it has no marker file)."""
    policies = (policy_root if policy_root.is_dir() else policy_root.parent).resolve()
    if site_dir.is_symlink():
        raise HandbookError(
            f"{site_dir}: is a symbolic link; not writing through it "
            "(hint: give a --site-dir that is a plain folder)"
        )
    site = site_dir.resolve()
    if site == policies or policies.is_relative_to(site):
        raise HandbookError(f"{site_dir}: the site folder would hold the policies; choose another")
    if site.is_relative_to(policies):
        raise HandbookError(
            f"{site_dir}: the site folder lies inside the policy folder {policies}; choose "
            "another (hint: the default is site/ beside the policy folder)"
        )
    if site_dir.exists() and not site_dir.is_dir():
        raise HandbookError(f"{site_dir}: is a file; give a folder for the site")
    if site_dir.is_dir() and not built_by_govkit(site_dir) and any(site_dir.iterdir()):
        raise HandbookError(
            f"{site_dir}: folder exists, is not empty and holds no earlier site; "
            "not overwriting it (hint: give an empty or new --site-dir)"
        )


def built_by_govkit(site_dir: Path) -> bool:
    """Whether `site_dir` is a site govkit built: it holds the marker file govkit writes."""
    marker = site_dir / MARKER
    return not site_dir.is_symlink() and marker.is_file() and not marker.is_symlink()


def run_mkdocs(config: dict[str, Any], config_path: Path) -> None:
    """Build with MkDocs in strict mode; every warning becomes a HandbookError."""
    from jinja2 import TemplateError
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with _quiet_mkdocs() as collected:
        try:
            loaded = load_config(io.BytesIO(b"{}"), config_file_path=str(config_path), **config)
            build(loaded)
        except MkDocsException as error:
            detail = "; ".join(collected.messages) or _first_and_last_line(str(error))
            raise HandbookError(f"MkDocs could not build the handbook: {detail}") from error
        except TemplateError as error:
            raise HandbookError(
                "MkDocs could not build the handbook: the theme has no template or icon "
                f"'{getattr(error, 'name', None) or error.message}' (check the icon names in "
                "mkdocs.yml)"
            ) from error
        except SystemExit as error:
            detail = "; ".join(collected.messages) or "invalid configuration"
            raise HandbookError(f"MkDocs could not build the handbook: {detail}") from error


def _first_and_last_line(text: str) -> str:
    """An error of several lines (a traceback inside MkDocs' message) as one line."""
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()] or ["failed"]
    return lines[0] if len(lines) == 1 else f"{lines[0]} {lines[-1]}"


def leaked(site_dir: Path, values: set[str]) -> list[Path]:
    """Files of the built site containing any confidential value (in any common encoding).

    Every regular file under `site_dir` is read, hidden ones too; links are never followed.
    """
    import json

    needles = set()
    for value in values:
        needles |= {value, html.escape(value), json.dumps(value)[1:-1]}
    found = []
    for top, _folders, names in os.walk(site_dir):
        for name in names:
            path = Path(top) / name
            if path.is_symlink() or not path.is_file():
                continue
            text = path.read_bytes().decode("utf-8", errors="ignore")
            if any(needle in text for needle in needles):
                found.append(path)
    return sorted(found)


def judged_company_config(root: Path, *, trusted: bool = False) -> dict[str, Any]:
    """The settings of PATH/mkdocs.yml to build with; SiteRefused when anything is refused
    there or in a page of PATH/handbook/."""
    site_config = judge_site_config(root, trusted=trusted)
    findings = site_config.findings + (judge_pages(root) if root.is_dir() else [])
    if findings:
        raise SiteRefused(findings)
    return site_config.settings


def build_site(
    repository: Repository,
    site_dir: Path,
    today: dt.date,
    work: Path,
    *,
    trusted: bool = False,
    exports: tuple[Export, ...] = (),
) -> dict[str, Path]:
    """Generate into `work`, build into a new folder beside `site_dir`, check that no
    confidential value got out, and only then put it in place of `site_dir`. Returns the home
    page of each language, the handbook's own first.

    `site_dir` is taken from the current directory when relative; MkDocs writes exactly the
    folder that is scanned, whatever the company's mkdocs.yml says. A site that would leak is
    removed before it ever appears at `site_dir`, and an earlier site there stays untouched.
    `trusted` (the command line's --trust-config) lets mkdocs.yml use hooks, any plugin and
    templates of its own; nothing in the repository can turn it on.
    """
    target = Path(os.path.abspath(site_dir))
    company = judged_company_config(repository.root, trusted=trusted)
    judged_policy_texts(repository, today)
    check_site_dir(target, repository.root)
    settings = handbook_settings(repository)
    languages = published_languages(settings, company)
    configs = {
        language: _language_config(
            repository,
            company,
            target,
            today,
            exports,
            work / language,
            trusted,
            language,
            settings.site_url,
        )
        for language in languages
    }
    if len(languages) > 1:
        configs = {
            language: with_selector(config, languages, language)
            for language, config in configs.items()
        }
    root = repository.root if repository.root.is_dir() else repository.root.parent
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.govkit-", dir=target.parent))
    except OSError as error:
        raise HandbookError(f"{target}: cannot write the site: {error.strerror}") from None
    try:
        os.chmod(staging, 0o777 & ~_umask())
        for language, config in configs.items():
            folder = staging if language == languages[0] else staging / language
            run_mkdocs({**config, "site_dir": str(folder)}, root / "mkdocs.yml")
        refuse_leaks(repository, staging, target)
        (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        put_in_place(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return {
        language: target / ("" if language == languages[0] else language) / "index.html"
        for language in languages
    }


def published_languages(settings: HandbookSettings, company: dict[str, Any]) -> list[str]:
    """The handbook's language first (at the site's root), then each of `also_in` (each in
    a folder named after it)."""
    first = choose_language(settings, company)
    return [first, *(language for language in settings.also_in if language != first)]


def _language_config(
    repository: Repository,
    company: dict[str, Any],
    target: Path,
    today: dt.date,
    exports: tuple[Export, ...],
    work: Path,
    trusted: bool,
    language: str,
    site_url: str | None,
) -> dict[str, Any]:
    """The pages and the MkDocs config of the handbook in one language, generated in `work`."""
    with using(language):
        generated = generate(repository, work / "docs", today, exports)
        organisation = PublishedGovernance.of(repository, today).organisation()
        default_name = (
            out.html(_("{name} social media handbook").format(name=organisation.name))
            if organisation
            else out.html(_("Handbook"))
        )  # MkDocs' templates put site_name into the page unescaped
        config = merged_config(company, generated, target, default_name, trusted=trusted)
        overrides = write_overrides(work / "overrides")
        return localised(config, language, site_url, overrides)


def with_selector(config: dict[str, Any], languages: list[str], current: str) -> dict[str, Any]:
    """`config` with Material's language selector: every language of the handbook, each named
    in its own language, linked from the site of `current` (the first language is at the
    site's root, the others in a folder each)."""
    up = "" if current == languages[0] else "../"
    links = [
        {
            "name": language_name(language),
            "link": up + ("" if language == languages[0] else f"{language}/") or "./",
            "lang": language,
        }
        for language in languages
    ]
    extra = dict(config.get("extra") or {})
    extra["alternate"] = links
    return {**config, "extra": extra}


def language_name(language: str) -> str:
    """A language as its speakers name it in a menu: 'Norsk bokmål', 'English', '中文'."""
    name = Locale.parse(language).get_display_name(language) or language
    return out.html(name[:1].upper() + name[1:])


def refuse_leaks(repository: Repository, built: Path, target: Path) -> None:
    """Stop when a file of the site built in `built` holds a confidential or secret value."""
    models = [d.model for d in repository.documents]
    found = leaked(built, confidential_values(models))
    if found:
        raise HandbookError(
            f"{target / found[0].relative_to(built)}: a confidential value would have been "
            "published; site removed"
        )
    found = leaked(built, secret_values(models))
    if found:
        raise HandbookError(
            f"{target / found[0].relative_to(built)}: a value that looks like a secret would "
            "have been published; site removed (run 'govkit check --select GK305' to find it)"
        )


def put_in_place(built: Path, target: Path) -> None:
    """Move the checked site `built` to `target`, replacing an earlier site govkit built there
    (or an empty folder); nothing else is ever removed."""
    try:
        if not os.path.lexists(target):
            os.rename(built, target)
        elif built_by_govkit(target):
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.govkit-old-", dir=target.parent))
            os.rename(target, old / "site")
            try:
                os.rename(built, target)
            except OSError:
                os.rename(old / "site", target)  # the earlier site back where it was
                old.rmdir()
                raise
            shutil.rmtree(old)
        else:
            os.rmdir(target)  # fails unless empty, as it was when checked
            os.rename(built, target)
    except OSError as error:
        raise HandbookError(
            f"{target}: cannot put the site in place: {error.strerror}; "
            "not overwriting it (hint: give an empty or new --site-dir)"
        ) from None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


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
