"""Reading and judging the company's mkdocs.yml: plain data, and only settings that are safe.

mkdocs.yml comes with the policies, from pull requests too, so it is data, not code. It is
parsed by our own YAML reader (no tags: no `!ENV`, `!!python/name`, `!relative`), and every
setting is judged against an allow-list: names, links and colours, a Material theme without
templates of its own, Markdown extensions and plugins whose options cannot read files or run
code, and files (logo, CSS, JavaScript, pages) inside PATH/handbook/. What is refused is
reported where it stands (GK970, with `govkit check`; the same findings stop
`govkit docs build`). Only the command line can trust more (`govkit docs build
--trust-config`); settings govkit owns (folders, strict mode, INHERIT) are refused even then.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from ..findings import Finding
from .site_pages import HANDBOOK, inside, unsafe_markup
from .yaml_source import Path_, UnreadableYaml, YamlFile, read_yaml, shown

CONFIG_NAME = "mkdocs.yml"
SITE_CONFIG_CODE = "GK970"
MARKUP_HINT = "remove it: the theme prints this setting into every page as it is"
TRUST_HINT = (
    "remove it; only the publishing job on main may allow it, "
    "with 'govkit docs build --trust-config'"
)

Check = Callable[["_Judge", Any, Path_], Any]
_DROP = object()
_SCALAR = (str, int, float, bool, type(None))
_ATTRIBUTE_BREAKERS = re.compile(r"[\"<>]")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$")
_FEATURE = re.compile(r"^[a-z0-9_.-]+$")
_ICON = re.compile(r"^[a-z0-9_-]+(/[a-z0-9_.-]+)+$")

OWNED = {
    "docs_dir": (
        "govkit generates the pages and chooses 'docs_dir'",
        "remove it; put your own pages in handbook/",
    ),
    "site_dir": ("govkit chooses 'site_dir'", "remove it; give 'govkit docs build --site-dir'"),
    "strict": ("govkit always builds the handbook in strict mode", "remove 'strict'"),
    "validation": ("govkit sets 'validation' (strict mode)", "remove it"),
    "INHERIT": (
        "'INHERIT' reads settings from another file, possibly outside the repository",
        "remove it; write the settings in this file",
    ),
    "dev_addr": ("govkit chooses 'dev_addr'", "remove it; give 'govkit docs serve --dev-addr'"),
    "watch": ("'watch' names folders to read outside the pages", "remove it"),
    "config_file_path": ("govkit sets 'config_file_path'", "remove it"),
}
"""Settings govkit owns: refused even with --trust-config."""

TRUSTED_ONLY = {
    "hooks": "'hooks' runs Python files when the site is built",
    "extra_templates": "'extra_templates' renders templates that can read files at build time",
}

EXTENSIONS: dict[str, set[str]] = {
    "abbr": set(),
    "admonition": set(),
    "attr_list": set(),
    "def_list": set(),
    "footnotes": {"BACKLINK_TEXT", "BACKLINK_TITLE", "SEPARATOR", "UNIQUE_IDS"},
    "md_in_html": set(),
    "tables": {"use_align_attribute"},
    "toc": {"permalink", "permalink_title", "title", "toc_depth", "baselevel", "separator"},
    "pymdownx.betterem": {"smart_enable"},
    "pymdownx.caret": {"smart_insert", "insert", "superscript"},
    "pymdownx.details": set(),
    "pymdownx.emoji": {"title", "alt", "strict"},
    "pymdownx.highlight": {
        "anchor_linenums",
        "auto_title",
        "guess_lang",
        "line_spans",
        "linenums",
        "linenums_style",
        "pygments_lang_class",
        "use_pygments",
    },
    "pymdownx.inlinehilite": {"style_plain_text"},
    "pymdownx.keys": {"separator", "strict", "camel_case"},
    "pymdownx.mark": {"smart_mark"},
    "pymdownx.smartsymbols": {
        "trademark",
        "copyright",
        "registered",
        "plusminus",
        "arrows",
        "notequal",
        "fractions",
        "ordinal_numbers",
        "care_of",
    },
    "pymdownx.superfences": {"disable_indented_code_blocks", "preserve_tabs", "css_class"},
    "pymdownx.tabbed": {"alternate_style", "combine_header_slug", "separator"},
    "pymdownx.tasklist": {"custom_checkbox", "clickable_checkbox"},
    "pymdownx.tilde": {"smart_delete", "delete", "subscript"},
}
"""Markdown extensions and the options of each that hold plain values (no functions, no files)."""

PLUGINS: dict[str, set[str]] = {
    "search": {"lang", "separator"},
    "tags": {"enabled"},
    "offline": {"enabled"},
}
"""Plugins of MkDocs Material that read nothing outside the pages, and their safe options."""


@dataclass
class SiteConfig:
    """The company's mkdocs.yml: the settings to use, and what was refused."""

    path: Path
    settings: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


def config_path(root: Path) -> Path:
    """Where the company's mkdocs.yml is: in the policy folder PATH."""
    return (root if root.is_dir() else root.parent) / CONFIG_NAME


def judge_site_config(root: Path, text: str | None = None, *, trusted: bool = False) -> SiteConfig:
    """Read PATH/mkdocs.yml (or `text`, its content in the state judged) and judge it.

    With `trusted` (the command line's --trust-config), every setting but those govkit owns
    is taken as it is; the file is still read as plain data.
    """
    path = config_path(root)
    if text is None and not path.is_file() and not path.is_symlink():
        return SiteConfig(path)
    folder = path.parent
    if text is None and path.is_symlink() and not inside(path, folder.resolve()):
        return SiteConfig(path, findings=[_finding(path, 1, 1, *_LINK_OUT)])
    try:
        file = read_yaml(path, text)
    except UnreadableYaml as error:
        if error.finding.message == "file is empty":
            return SiteConfig(path)
        return SiteConfig(path, findings=[_unreadable(error.finding)])
    judge = _Judge(file, folder, trusted)
    settings = judge.settings(file.data)
    return SiteConfig(path, settings, sorted(judge.findings, key=Finding.sort_key))


_LINK_OUT = (
    "mkdocs.yml is a symbolic link to a file outside the policy folder",
    "replace the link with the file itself",
)


def _unreadable(finding: Finding) -> Finding:
    hint = finding.hint
    if finding.message.startswith("YAML tag"):
        hint = (
            "mkdocs.yml is read as plain data: write the value itself; tags such as !ENV "
            "or !!python/name are never read"
        )
    return _finding(finding.path, finding.line, finding.column, finding.message, hint)


def _finding(path: Path, line: int, column: int, message: str, hint: str | None) -> Finding:
    return Finding(path, line, column, message, code=SITE_CONFIG_CODE, severity="error", hint=hint)


class _Judge:
    """Walks the settings, keeps what is allowed and records a finding for the rest."""

    def __init__(self, file: YamlFile, root: Path, trusted: bool) -> None:
        self.file, self.root, self.trusted = file, root, trusted
        self.findings: list[Finding] = []

    def refuse(self, where: Path_, message: str, hint: str, *, key: bool = False) -> object:
        line, column = self.file.locate(where, key=key)
        self.findings.append(_finding(self.file.path, line, column, message, hint))
        return _DROP

    def settings(self, data: Any) -> dict[str, Any]:
        if not isinstance(data, dict):
            self.refuse((), "mkdocs.yml must be a mapping of settings", "write 'site_name: ...'")
            return {}
        cleaned = {}
        for key, value in data.items():
            result = self.setting(key, value)
            if result is not _DROP:
                cleaned[key] = result
        return cleaned

    def setting(self, key: str, value: Any) -> Any:
        where = (key,)
        if key in OWNED:
            return self.refuse(where, *OWNED[key], key=True)
        if self.trusted:
            return value
        before = len(self.findings)
        self.markup({key: value}, ())
        if len(self.findings) > before:
            return _DROP
        if key in TRUSTED_ONLY:
            return self.refuse(where, TRUSTED_ONLY[key], TRUST_HINT, key=True)
        check = SETTINGS.get(key)
        if check is None:
            return self.refuse(
                where,
                f"{shown(key, what='name')} is not a setting govkit takes from mkdocs.yml",
                "remove it; allowed: " + ", ".join(SETTINGS),
                key=True,
            )
        return check(self, value, where)

    def markup(self, value: Any, where: Path_) -> None:
        """Refuse text the theme would print unescaped into HTML: tags, quotes, script links."""
        if isinstance(value, dict):
            for key, item in value.items():
                self.text_markup(key, (*where, key), key=True, html_allowed=False)
                self.markup(item, (*where, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                self.markup(item, (*where, index))
        elif isinstance(value, str):
            self.text_markup(value, where, key=False, html_allowed=where == ("copyright",))

    def text_markup(self, text: str, where: Path_, *, key: bool, html_allowed: bool) -> None:
        problems = unsafe_markup(text)
        if problems:
            self.refuse(where, f"{_name(where)} holds {problems[0][1]}", MARKUP_HINT, key=key)
        elif not html_allowed and _ATTRIBUTE_BREAKERS.search(text):
            self.refuse(
                where,
                f"{_name(where)} holds '\"', '<' or '>', which the theme prints into the "
                "HTML of every page unescaped",
                "remove those characters (typographic quotes “ ” are fine)",
                key=key,
            )


def _name(where: Path_) -> str:
    """A setting as the user would name it: 'theme.logo', 'nav[2].Intranet'."""
    text = ""
    for step in where:
        text += f"[{step}]" if isinstance(step, int) else f".{step}" if text else str(step)
    return f"'{text}'" if text else "the file"


def _accepts(test: Callable[[Any], bool], message: str, hint: str) -> Check:
    """A check that keeps a value passing `test` and refuses any other with `message`."""

    def check(judge: _Judge, value: Any, where: Path_) -> Any:
        if test(value):
            return value
        return judge.refuse(where, f"{_name(where)} {message}", hint)

    return check


def _is_https(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return (
        parts.scheme == "https"
        and bool(parts.hostname)
        and "@" not in parts.netloc
        and not any(c.isspace() or not c.isprintable() for c in value)
    )


def _is_relative(value: Any) -> bool:
    return (
        isinstance(value, str)
        and not urlsplit(value).scheme
        and not value.startswith(("/", "\\"))
        and ".." not in value
    )


def _is_font(value: Any) -> bool:
    return value is False or (
        isinstance(value, dict)
        and all(k in ("text", "code") and isinstance(v, str) for k, v in value.items())
    )


def _is_words(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and _FEATURE.match(v) for v in value)


_text = _accepts(lambda v: isinstance(v, str), "must be text", "write it in quotes")
_https = _accepts(
    _is_https,
    "must be an https:// address",
    "write the full address, e.g. https://intranet.example.com/",
)
_edit_uri = _accepts(
    lambda v: _is_https(v) or _is_relative(v),
    "must be a path within repo_url or an https:// address",
    "write e.g. edit/main/policies/",
)
_mapping_or_list = _accepts(
    lambda v: isinstance(v, dict | list), "must be a mapping or a list", "see the Material docs"
)
_font = _accepts(_is_font, "must be false or give 'text' and 'code' fonts", "e.g. text: Roboto")
_language = _accepts(
    lambda v: isinstance(v, str) and bool(_LANGUAGE.match(v)),
    "must be a language code",
    "e.g. en, nb, de",
)
_features = _accepts(_is_words, "must be a list of feature names", "e.g. - navigation.tabs")
_extra = _accepts(
    lambda v: isinstance(v, dict), "must be a mapping", "write e.g. 'extra: {key: value}'"
)


def _theme(judge: _Judge, value: Any, where: Path_) -> Any:
    if isinstance(value, str):
        return _theme_name(judge, value, where) if value != "material" else {}
    if not isinstance(value, dict):
        return judge.refuse(
            where, "'theme' must be a mapping", "write e.g. 'theme: {palette: ...}'"
        )
    cleaned = {}
    for key, item in value.items():
        here = (*where, key)
        if key == "name":
            _theme_name(judge, item, here)
            continue
        check = THEME.get(key)
        if check is None:
            judge.refuse(here, *_theme_refusal(key), key=True)
            continue
        result = check(judge, item, here)
        if result is not _DROP:
            cleaned[key] = result
    return cleaned


def _theme_name(judge: _Judge, value: Any, where: Path_) -> Any:
    if value == "material":
        return value
    return judge.refuse(
        where,
        f"theme {shown(value)} is not allowed: the handbook is built with Material for MkDocs",
        "write 'name: material' or remove it",
    )


def _theme_refusal(key: str) -> tuple[str, str]:
    if key in ("custom_dir", "static_templates"):
        return f"'theme.{key}' adds templates that can read files and run code", TRUST_HINT
    return (
        f"{shown(f'theme.{key}', what='name')} is not a theme setting govkit takes",
        "remove it; allowed: name, " + ", ".join(THEME),
    )


def _icons(judge: _Judge, value: Any, where: Path_) -> Any:
    if isinstance(value, dict):
        for key, item in value.items():
            if _icons(judge, item, (*where, key)) is _DROP:
                return _DROP
        return value
    if isinstance(value, str) and _ICON.match(value) and ".." not in value.split("/"):
        return value
    return judge.refuse(
        where, f"{_name(where)} must name an icon of the theme", "e.g. material/library"
    )


def _asset(judge: _Judge, value: Any, where: Path_) -> Any:
    return _handbook_file(judge, value, where, "e.g. handbook/logo.svg")


def _handbook_file(judge: _Judge, value: Any, where: Path_, example: str) -> Any:
    """A path (relative to the pages) of a regular file inside PATH/handbook/."""
    if isinstance(value, str) and ("://" in value or value.startswith("//")):
        return judge.refuse(
            where,
            f"{_name(where)} loads a file from another site",
            f"copy the file into {HANDBOOK}/ and give its path, {example}",
        )
    if not isinstance(value, str) or not _is_handbook_path(value):
        return judge.refuse(
            where,
            f"{_name(where)} must be the path of a file in {HANDBOOK}/",
            f"copy the file into {HANDBOOK}/ and give its path, {example}",
        )
    folder = judge.root / HANDBOOK
    target = judge.root / value
    if folder.is_symlink() or not inside(target, folder.resolve()):
        return judge.refuse(
            where,
            f"{_name(where)} leads outside {HANDBOOK}/ through a symbolic link",
            f"copy the file into {HANDBOOK}/ instead",
        )
    if not target.is_file():
        return judge.refuse(
            where,
            f"{_name(where)}: no file {shown(value)} in the policy folder",
            f"copy the file into {HANDBOOK}/ and give its path, {example}",
        )
    return value


def _is_handbook_path(value: str) -> bool:
    if "\\" in value or ":" in value or value.startswith("/") or not value.strip():
        return False
    parts = PurePosixPath(value).parts
    return len(parts) >= 2 and parts[0] == HANDBOOK and ".." not in parts


def _nav_item(judge: _Judge, item: Any, where: Path_) -> Any:
    if isinstance(item, str):
        return _nav_target(judge, item, where)
    if isinstance(item, dict) and len(item) == 1:
        title, target = next(iter(item.items()))
        here = (*where, title)
        if isinstance(target, list):
            kept = _nav(judge, target, here)
            return _DROP if kept is _DROP else {title: kept}
        result = _nav_target(judge, target, here)
        return _DROP if result is _DROP else {title: result}
    return judge.refuse(
        where, "a 'nav' entry must be 'Title: page or link'", "write e.g. '- Intranet: https://...'"
    )


def _nav_target(judge: _Judge, target: Any, where: Path_) -> Any:
    if isinstance(target, str) and "://" in target:
        return _https(judge, target, where)
    return _handbook_file(judge, target, where, "e.g. handbook/welcome.md")


def _extension_refusal(name: str) -> tuple[str, str]:
    if name == "pymdownx.snippets":
        return (
            "Markdown extension 'pymdownx.snippets' copies files named in the pages into the "
            "site, from anywhere on the build machine",
            "remove it; write the text into the page",
        )
    return (
        f"Markdown extension {shown(name, what='name')} is not allowed: extensions run code "
        "when the site is built",
        "remove it; allowed: " + ", ".join(EXTENSIONS),
    )


def _plugins(judge: _Judge, value: Any, where: Path_) -> Any:
    if isinstance(value, dict):
        entries = [(where, {name: options}) for name, options in value.items()]
    elif isinstance(value, list):
        entries = [((*where, index), entry) for index, entry in enumerate(value)]
    else:
        return judge.refuse(where, "'plugins' must be a list", "write '- search'")
    kept = []
    for here, entry in entries:
        result = _named_entry(judge, entry, here, PLUGINS, _plugin_refusal)
        if result is not _DROP:
            kept.append(result)
    return kept


def _plugin_refusal(name: str) -> tuple[str, str]:
    return (
        f"plugin {shown(name, what='name')} is not allowed: plugins run code when the site "
        "is built",
        "remove it; allowed: " + ", ".join(PLUGINS) + f"; others: {TRUST_HINT.split('; ')[1]}",
    )


def _named_entry(
    judge: _Judge,
    entry: Any,
    where: Path_,
    allowed: dict[str, set[str]],
    refusal: Callable[[str], tuple[str, str]],
) -> Any:
    """An extension or plugin: 'name' or 'name: {option: value}', judged by `allowed`."""
    if isinstance(entry, dict) and len(entry) == 1:
        name, options = next(iter(entry.items()))
        name_at: Path_ = (*where, name)
    else:
        name, options, name_at = entry, None, where
    if not isinstance(name, str):
        return judge.refuse(where, f"{_name(where)} must be a name", "write e.g. '- admonition'")
    if name not in allowed:
        return judge.refuse(name_at, *refusal(name), key=name_at != where)
    if options is None:
        return entry
    if not isinstance(options, dict):
        return judge.refuse(name_at, f"the options of '{name}' must be a mapping", "see its docs")
    for option, value in options.items():
        here = (*name_at, option)
        if option not in allowed[name]:
            takes = ", ".join(sorted(allowed[name])) or "none"
            return judge.refuse(
                here,
                f"option {shown(option, what='name')} of '{name}' is not allowed",
                f"remove it; allowed options: {takes}",
                key=True,
            )
        if not _plain_option(value):
            return judge.refuse(
                here,
                f"option '{option}' of '{name}' must be text, a number or true/false",
                "write a plain value",
            )
    return entry


def _plain_option(value: Any) -> bool:
    if isinstance(value, list):
        return all(isinstance(item, str | int | float | bool) for item in value)
    return isinstance(value, _SCALAR)


def _script(judge: _Judge, item: Any, where: Path_) -> Any:
    if not isinstance(item, dict):
        return _handbook_file(judge, item, where, "e.g. handbook/extra.js")
    for key, value in item.items():
        here = (*where, key)
        if key == "path":
            if _handbook_file(judge, value, here, "e.g. handbook/extra.js") is _DROP:
                return _DROP
        elif key == "type" and value != "module":
            return judge.refuse(here, "a script's 'type' can only be 'module'", "remove it")
        elif key in ("async", "defer") and not isinstance(value, bool):
            return judge.refuse(here, f"'{key}' must be true or false", "write true or false")
        elif key not in ("path", "type", "async", "defer"):
            return judge.refuse(
                here, f"{shown(key, what='name')} is not a script setting", "remove it", key=True
            )
    if "path" not in item:
        return judge.refuse(where, "a script needs a 'path'", "write 'path: handbook/x.js'")
    return item


def _list_of(item: Check, hint: str) -> Check:
    """A check of a list whose entries are judged by `item`; refused entries are left out."""

    def check(judge: _Judge, value: Any, where: Path_) -> Any:
        if not isinstance(value, list):
            return judge.refuse(where, f"{_name(where)} must be a list", hint)
        kept = [item(judge, entry, (*where, index)) for index, entry in enumerate(value)]
        return [entry for entry in kept if entry is not _DROP]

    return check


def _extension(judge: _Judge, entry: Any, where: Path_) -> Any:
    return _named_entry(judge, entry, where, EXTENSIONS, _extension_refusal)


def _stylesheet(judge: _Judge, entry: Any, where: Path_) -> Any:
    return _handbook_file(judge, entry, where, "e.g. handbook/extra.css")


_nav = _list_of(_nav_item, "write e.g. '- Intranet: https://...'")
_extensions = _list_of(_extension, "write e.g. '- admonition'")
_extra_css = _list_of(_stylesheet, "write e.g. '- handbook/extra.css'")
_extra_javascript = _list_of(_script, "write e.g. '- handbook/extra.js'")

THEME: dict[str, Check] = {
    "palette": _mapping_or_list,
    "font": _font,
    "logo": _asset,
    "favicon": _asset,
    "language": _language,
    "features": _features,
    "icon": _icons,
}

SETTINGS: dict[str, Check] = {
    "site_name": _text,
    "site_url": _https,
    "site_description": _text,
    "site_author": _text,
    "copyright": _text,
    "repo_url": _https,
    "repo_name": _text,
    "edit_uri": _edit_uri,
    "theme": _theme,
    "extra": _extra,
    "nav": _nav,
    "markdown_extensions": _extensions,
    "plugins": _plugins,
    "extra_css": _extra_css,
    "extra_javascript": _extra_javascript,
}
"""Every setting govkit takes from mkdocs.yml, and how its value is judged."""
