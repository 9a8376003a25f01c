"""Turning one parsed YAML file into a validated document, or into precise findings."""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..findings import INVALID_DOCUMENT, Finding
from ..model import API_VERSION, KINDS
from ..model.built import prepare
from ..model.common import ID_PATTERN, INTERVAL_PATTERN
from ..model.confidential import confidential_values, is_confidential
from ..model.governance import Secret
from ..model.settings import HTTPS_URL
from ..redaction import protect
from .parallel import positions
from .secrets import looks_like_secret
from .suggest import closest, did_you_mean
from .validation import validate
from .yaml_source import Path_, YamlFile, shown

MAX_FINDINGS = 100
"""Validation findings told per file; the rest are counted in one more line."""
_FIELD = re.compile(r"[a-z_][a-z0-9_]*|apiVersion")
ENVELOPE_KEYS = ("apiVersion", "kind", "metadata", "spec")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_ORDERS = (
    (re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})"), "dmy"),
    (re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"), "ymd"),
    (re.compile(r"(\d{4})(\d{2})(\d{2})"), "ymd"),
    (re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})"), "?"),
)


@dataclass
class Document:
    """A valid policy document and the file it came from."""

    file: YamlFile
    model: Any

    @property
    def kind(self) -> str:
        return str(self.model.kind)

    @property
    def id(self) -> str:
        return str(self.model.metadata.id)

    @property
    def path(self) -> Path:
        return self.file.path

    @property
    def secrets(self) -> list[Secret]:
        return self.file.scan()

    def locate(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        return self.file.locate(path, key=key)


def load_document(file: YamlFile) -> Document | list[Finding]:
    """Validate the envelope and the spec of a parsed file against its kind's model.

    At most MAX_FINDINGS problems of a file are told, then how many more there are. The
    confidential values of a valid document are redacted from every later output.
    """
    data = file.data
    if not isinstance(data, dict):
        found = "a list" if isinstance(data, list) else f"a single value ({type(data).__name__})"
        expected = f"expected a mapping with {', '.join(ENVELOPE_KEYS)}; found {found}"
        return placed(file, [_problem(file, (), expected)])
    envelope = _check_envelope(file)
    if envelope:
        return placed(file, envelope)
    model_class = KINDS[data["kind"]]
    prepare()
    outcome = validate(model_class, data, keep=2 * (MAX_FINDINGS + 1))
    if isinstance(outcome, BaseModel):
        file.scan()
        protect(lambda: confidential_values([outcome]))
        return Document(file, outcome)
    errors, total = outcome
    typos = _typos(file, model_class, errors)
    kept = [
        item for item in errors if not (item["type"] == "missing" and _missing(file, item) in typos)
    ]
    total -= len(errors) - len(kept)
    problems = [_describe(file, model_class, item) for item in kept[: MAX_FINDINGS + 1]]
    return capped(placed(file, problems), total)


def capped(findings: list[Finding], total: int) -> list[Finding]:
    """The first MAX_FINDINGS findings of a file, by position, and one line for the rest."""
    findings = sorted(findings, key=Finding.sort_key)
    if total <= MAX_FINDINGS or not findings:
        return findings
    shown = findings[:MAX_FINDINGS]
    more = total - len(shown)
    noun = "problem" if more == 1 else "problems"
    summary = replace(
        findings[min(MAX_FINDINGS, len(findings) - 1)],
        message=f"and {more:,} more {noun} in this file",
        hint="fix the problems above and check again to see the rest",
    )
    return [*shown, summary]


def _typos(file: YamlFile, model_class: type[BaseModel], errors: list[Any]) -> set[Any]:
    """(mapping, field) pairs where an unknown key is a misspelling of a required field."""
    found = set()
    for item in errors:
        if item["type"] == "extra_forbidden":
            path = _data_path(file.data, item["loc"])
            allowed = _fields_at(model_class, path[:-1])
            match = closest(str(path[-1]), allowed)
            if match:
                found.add((path[:-1], match))
    return found


def _missing(file: YamlFile, error: Any) -> Any:
    """(mapping, field) of a missing-field error: reported once, as the misspelt key."""
    return (_data_path(file.data, error["loc"])[:-1], str(error["loc"][-1]))


def _check_envelope(file: YamlFile) -> list[Problem]:
    data = file.data
    for key in ("apiVersion", "kind"):
        if key not in data:
            return [
                _problem(
                    file,
                    (),
                    f"missing required field '{key}'",
                    hint=f"start the file with 'apiVersion: {API_VERSION}' and a kind",
                )
            ]
    if data["apiVersion"] != API_VERSION:
        return [
            _problem(
                file,
                ("apiVersion",),
                f"unsupported apiVersion {shown(data['apiVersion'])}",
                hint=f"this version of governance-kit reads '{API_VERSION}'",
            )
        ]
    kind = data["kind"]
    if not isinstance(kind, str):
        found = "a list" if isinstance(kind, list) else "a mapping"
        if not isinstance(kind, list | dict):
            found = f"a {type(kind).__name__}" if kind is not None else "nothing"
        return [
            _problem(file, ("kind",), f"kind must be one name; found {found}", hint=_kinds_hint())
        ]
    if kind not in KINDS:
        return [
            _problem(
                file,
                ("kind",),
                f"unknown kind {shown(kind)}",
                hint=did_you_mean(kind, KINDS) or _kinds_hint(),
            )
        ]
    return []


@dataclass(frozen=True)
class Problem:
    """A finding before its line and column are looked up: where in the data, and what."""

    path: Path_
    message: str
    key: bool = False
    hint: str | None = None


def _problem(
    file: YamlFile, path: Path_, message: str, *, key: bool = False, hint: str | None = None
) -> Problem:
    return Problem(path, message, key, hint)


def placed(file: YamlFile, problems: list[Problem], code: str = INVALID_DOCUMENT) -> list[Finding]:
    """The problems of one file as findings, their positions looked up in one pass."""
    wanted = [(problem.path, problem.key) for problem in problems]
    if file.positions is not None:
        where = [file.locate(path, key=key) for path, key in wanted]
    else:
        where = positions((file.path, file.text, wanted))
    return [
        Finding(file.path, line, column, problem.message, code=code, hint=problem.hint)
        for problem, (line, column) in zip(problems, where, strict=True)
    ]


def _explain(file: YamlFile, model_class: type[BaseModel], error: Any) -> Finding:
    """One pydantic error as one line a compliance lead understands."""
    return placed(file, [_describe(file, model_class, error)])[0]


def _describe(file: YamlFile, model_class: type[BaseModel], error: Any) -> Problem:
    """What `_explain` says, before the position is looked up."""
    path = _data_path(file.data, error["loc"])
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    where = _dotted(path)
    if _confidential_at(model_class, path):
        value = Confidential()
    if kind == "missing":
        field = str(error["loc"][-1])
        return _problem(
            file, path[:-1], f"{_dotted(path[:-1]) or 'document'}: missing required field '{field}'"
        )
    if kind == "extra_forbidden":
        allowed = _fields_at(model_class, path[:-1])
        return _problem(
            file,
            path,
            f"{where}: unknown field {shown(path[-1], what='name')}",
            key=True,
            hint=did_you_mean(str(path[-1]), allowed) or _list_hint(allowed),
        )
    if kind == "literal_error":
        choices = _choices(ctx.get("expected", ""))
        return _problem(
            file,
            path,
            f"{where}: {shown(value, _key(path))} is not one of: {', '.join(choices)}",
            hint=did_you_mean(str(value), choices),
        )
    if kind == "string_pattern_mismatch":
        message, hint = _pattern_message(ctx.get("pattern", ""), shown(value, _key(path)))
        return _problem(file, path, f"{where}: {message}", hint=hint)
    if kind == "out_of_range":
        shown_value = shown(value.isoformat() if isinstance(value, dt.date) else value, _key(path))
        return _problem(file, path, f"{where}: {shown_value} {ctx['reason']}", hint=ctx["hint"])
    if kind.startswith("date") or kind.startswith("datetime"):
        message, hint = _date_message(where, value, error["msg"], _key(path))
        return _problem(file, path, message, hint=hint)
    if value is None and kind.endswith("_type"):
        return _problem(
            file, path, f"{where}: no value given", hint="write the value after the ':'"
        )
    if kind == "string_type" and isinstance(value, int | float):
        found = "true or false" if isinstance(value, bool) else "a number"
        return _problem(
            file,
            path,
            f"{where}: expected text, found {found}",
            hint="put the value in quotes to make it text",
        )
    return _problem(file, path, f"{where}: {_safe(_lower_first(error['msg']))}")


def _safe(message: str) -> str:
    """A model's own message, which may quote the value: never a secret, never a page long."""
    kind = looks_like_secret(None, message)
    if kind is not None:
        return f"invalid value, which looks like a {kind} (not repeated here)"
    return message if len(message) <= 200 else message[:199] + "…"


def _key(path: Path_) -> str | None:
    """The field name a value stands under, for judging whether it is a credential."""
    names = [step for step in path if isinstance(step, str)]
    return names[-1] if names else None


def _date_message(where: str, value: Any, reason: str, key: str | None) -> tuple[str, str]:
    """An impossible date says why; a date in another format gets its YYYY-MM-DD form."""
    text = shown(value, key)
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        reason = reason.split(", ", 1)[-1].lower()
        return (
            f"{where}: {text} is not a valid date ({reason})",
            "write dates as YYYY-MM-DD, e.g. 2026-03-31",
        )
    iso = _as_iso_date(value) if looks_like_secret(key, value) is None else None
    hint = f"write it as {iso}" if iso else "write dates as YYYY-MM-DD, e.g. 2026-03-31"
    return f"{where}: {text} is not a date written YYYY-MM-DD", hint


def _as_iso_date(value: Any) -> str | None:
    """The YYYY-MM-DD form of a date written day.month.year, year/month/day and the like."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    text = str(value).strip()
    for pattern, order in _DATE_ORDERS:
        match = pattern.fullmatch(text)
        if not match:
            continue
        a, b, c = (int(part) for part in match.groups())
        if order == "dmy":
            year, month, day = c, b, a
        elif order == "ymd":
            year, month, day = a, b, c
        elif a > 12 >= b:
            year, month, day = c, b, a
        elif b > 12 >= a:
            year, month, day = c, a, b
        else:
            return None
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            return None
    return None


def _data_path(data: Any, loc: tuple[Any, ...]) -> Path_:
    """The path in the data; drops the names pydantic adds for union members."""
    path: list[Any] = []
    node = data
    for step in loc:
        in_list = isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)
        if (isinstance(node, dict) and step in node) or in_list:
            path.append(step)
            node = node[step]
        elif isinstance(node, dict) and isinstance(step, str) and _FIELD.fullmatch(step):
            path.append(step)
            node = None
    return tuple(path)


def _dotted(path: Path_) -> str:
    text = ""
    for step in path:
        if isinstance(step, int):
            text += f"[{step}]"
        elif _FIELD.fullmatch(step):
            text += f".{step}" if text else step
        else:
            text += "[…]" if looks_like_secret(None, step) else f"[{shown(step)}]"
    return text


def _lower_first(text: str) -> str:
    text = text.removeprefix("Value error, ")
    return text[:1].lower() + text[1:]


def _choices(expected: str) -> list[str]:
    return [
        part.strip().strip("'")
        for part in expected.replace(" or ", ", ").split(",")
        if part.strip()
    ]


def _kinds_hint() -> str:
    return "kinds: " + ", ".join(KINDS)


def _list_hint(allowed: list[str]) -> str | None:
    return f"allowed fields: {', '.join(allowed)}" if allowed else None


def _fields_at(model_class: type[BaseModel], path: Path_) -> list[str]:
    """The field names allowed in the mapping at `path` of a document."""
    names: list[str] = []
    for model in _models_along(model_class, path) or []:
        names.extend(field.alias or name for name, field in model.model_fields.items())
    return names


def _models_along(
    model_class: type[BaseModel],
    path: Path_,
    stop: Callable[[type[BaseModel], str], bool] | None = None,
) -> list[type[BaseModel]] | None:
    """The models that may stand at `path` of a document; None when a field on the way
    satisfies `stop`."""
    models: list[type[BaseModel]] = [model_class]
    for step in path:
        if isinstance(step, int):
            continue
        found: list[type[BaseModel]] = []
        for model in models:
            for name, field in model.model_fields.items():
                if step in (name, field.alias):
                    if stop is not None and stop(model, name):
                        return None
                    found.extend(_models_in(field.annotation))
        models = found
    return models


class Confidential:
    """Stands for the value of a confidential field in a message, which `shown` never quotes."""

    confidential = True

    def __str__(self) -> str:
        return "a confidential value (not repeated here)"


def _confidential_at(model_class: type[BaseModel], path: Path_) -> bool:
    """Whether the value at `path` is, or is inside, a confidential field."""
    return _models_along(model_class, path, stop=is_confidential) is None


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    origin = typing.get_origin(annotation)
    if origin is None and not isinstance(annotation, types.UnionType):
        return []
    found: list[type[BaseModel]] = []
    for arg in typing.get_args(annotation):
        found.extend(_models_in(arg))
    return found


_PATTERN_MESSAGES = {
    ID_PATTERN: (
        "{} is not a valid id",
        "ids use lower-case letters, digits, '.', '_' and '-', e.g. instagram-main",
    ),
    INTERVAL_PATTERN: (
        "{} is not a valid interval",
        "write an ISO 8601 period such as P1Y, P6M or P90D, or quarterly/annually",
    ),
    HTTPS_URL: (
        "{} is not a plain https:// address",
        "write the address the handbook is published at, e.g. https://handbook.example.com/",
    ),
}


def _pattern_message(pattern: str, value: str) -> tuple[str, str | None]:
    """Message and hint for a value (already quoted by `shown`) that misses a pattern."""
    known = _PATTERN_MESSAGES.get(pattern)
    if known:
        return known[0].format(value), known[1]
    if "://" in pattern:
        return (
            "is not a secret-manager reference",
            "write where the secret lives, e.g. op://vault/item; never the secret itself",
        )
    if "@" in pattern:
        return f"{value} is not a valid e-mail address", None
    if "[01]" in pattern:
        return f"{value} is not a time of day", "write HH:MM, e.g. 08:00 or 17:30"
    if "T" in pattern and "H" in pattern:
        return (
            f"{value} is not a valid duration",
            "write an ISO 8601 duration, e.g. PT2H or PT30M",
        )
    if r"\.(0|[1-9]" in pattern:
        return f"{value} is not a semantic version", "write MAJOR.MINOR.PATCH, e.g. 1.2.0"
    return f"{value} does not have the expected form", None
