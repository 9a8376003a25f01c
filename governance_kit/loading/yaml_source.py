"""Safe YAML 1.2 reading with source positions: plain data plus where every value stands.

The file is parsed by ruamel.yaml (its C parser when installed) and its events are turned into
plain dicts, lists and scalars by our own builder (`yaml_events`), which never builds objects
from tags, rejects duplicate keys, bounds nesting and alias expansion, and records positions.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from ..findings import INVALID_YAML, Finding
from ..model.governance import Secret
from .secret_scan import find_secrets
from .secrets import a_kind, looks_like_secret, secret_in_text
from .untrusted import OUTSIDE, Refused, read_regular
from .yaml_events import DISALLOWED, BuildError, EventBuilder

try:
    from _ruamel_yaml import CParser
except ImportError:  # pragma: no cover - ruamel.yaml without its C extension
    CParser = None

MAX_BYTES = 64 * 1024 * 1024
MAX_SHOWN = 60
EMPTY_HINT = "a policy file needs apiVersion, kind, metadata and spec"

_TAG = "tag:yaml.org,2002:"
_INT_DECIMAL = re.compile(r"^[-+]?[0-9]+$")
_INT_OCTAL = re.compile(r"^0o[0-7]+$")
_INT_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_SPECIAL_FLOATS = {
    ".inf": math.inf,
    "+.inf": math.inf,
    "-.inf": -math.inf,
    ".nan": math.nan,
}

Path_ = tuple[str | int, ...]


def shown(value: object, key: str | int | None = None, *, what: str = "value") -> str:
    """A value from a file as a message may quote it: on one line, short, and never a secret
    or the value of a confidential field."""
    if getattr(value, "confidential", False):
        return f"a confidential {what} (not repeated here)"
    kind = looks_like_secret(key, value)
    if kind is None and isinstance(value, dict | list):
        kind = secret_in_text(str(value))
    if kind is not None:
        return f"a {what} that looks like {a_kind(kind)} (not repeated here)"
    text = str(value)
    if len(text) > MAX_SHOWN:
        text = text[: MAX_SHOWN - 1] + "…"
    return "'" + "".join(c if c.isprintable() else repr(c)[1:-1] for c in text) + "'"


class UnreadableYaml(Exception):
    """A file that cannot be read as YAML; carries the one finding to report."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = replace(finding, code=INVALID_YAML)
        self.text: str | None = None
        """The file's text, when it could be read and decoded (for the secret scan)."""


@dataclass
class Positions:
    """Where the values of a file stand: per container, the (line, column) of keys and values.

    Lines and columns are 1-based, as editors show them.
    """

    values: dict[int, dict[Any, tuple[int, int]]] = field(default_factory=dict)
    keys: dict[int, dict[Any, tuple[int, int]]] = field(default_factory=dict)
    root: tuple[int, int] = (1, 1)

    def locate(self, data: Any, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Position of the value at `path` (or of its key); its nearest parent if absent."""
        where, node = self.root, data
        for index, step in enumerate(path):
            table = self.values.get(id(node))
            if table is None or step not in table:
                break
            last = index == len(path) - 1
            if last and key and step in self.keys.get(id(node), {}):
                return self.keys[id(node)][step]
            where = table[step]
            node = node[step]
        return where


@dataclass
class YamlFile:
    """A parsed file: its plain data and the positions of its values.

    Once a document is validated, its data and positions are released to save memory; asking
    for a position afterwards parses the file again (from the text it was given, or from disk).
    """

    path: Path
    data: Any
    positions: Positions | None
    text: str | None = None
    secrets: list[Secret] | None = None
    """What looks like a credential, found while the data was at hand (see `scan`)."""
    source: str | None = field(default=None, repr=False)
    """The text as read, kept only until `scan` (`text` is kept for parsing again)."""

    def scan(self) -> list[Secret]:
        """What in the file's values and comments looks like a secret, and where; looked for
        once, before `release`."""
        if self.secrets is None:
            text = self.source or self.text or decode(self.path.read_bytes(), self.path)
            self.secrets = find_secrets(text, self.data, self.locate, events)
            self.source = None
        return self.secrets

    def locate(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        if self.positions is None:
            again = read_yaml(self.path, self.text)
            self.data, self.positions = again.data, again.positions
        return self.positions.locate(self.data, path, key=key)

    def release(self) -> None:
        """Forget data and positions; `locate` will parse the file again when asked."""
        self.data = None
        self.positions = None
        self.source = None


def events(text: str) -> Iterator[Any]:
    """The parser's events for `text`, from libyaml's C parser when it is installed.

    The C parser is used on its own: `YAML().parse` would build a loader class per call and
    leave it in reference cycles, which matters when the cyclic collector is paused.
    """
    if CParser is None:
        yield from YAML(typ="safe", pure=True).parse(text)
        return
    parser = CParser(text)
    try:
        while parser.check_event():
            yield parser.get_event()
    finally:
        parser.dispose()


def decode(raw: bytes, path: Path) -> str:
    """The text of a file, or a YamlProblem for an encoding no editor should save policies in."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableYaml(Finding(path, 1, 1, "file is UTF-16 encoded", hint="save it as UTF-8"))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise UnreadableYaml(
            Finding(
                path,
                line,
                column,
                f"file is not valid UTF-8 (byte 0x{raw[error.start]:02x})",
                hint="save it as UTF-8",
            )
        ) from None


def refused(path: Path, problem: str) -> Finding:
    """The finding for a policy file that is not read: a link out, a pipe, a device."""
    if problem == OUTSIDE:
        hint = "copy the file into the repository instead"
    else:
        hint = "policy files are plain files, not pipes, sockets or devices"
    return Finding(path, 1, 1, f"{problem}; not read", code=INVALID_YAML, hint=hint)


def read_yaml(
    path: Path, text: str | None = None, *, base: Path | None = None, positions: bool = True
) -> YamlFile:
    """Parse one file; raise YamlProblem with file, line and column when it is not usable YAML.

    `text`, when given, is the file's content (read from Git, say) and is kept for re-parsing.
    Otherwise the file is read if it is a regular file (inside the folder `base`, resolved,
    when given: a link swapped in after the files were listed is not followed out).
    Without `positions` only the data is kept: asking for a position parses the file again.
    """
    given = text
    if text is None:
        try:
            raw = read_regular(path, MAX_BYTES, base)
        except Refused as problem:
            raise UnreadableYaml(refused(path, str(problem))) from None
        except OSError as error:
            raise UnreadableYaml(
                Finding(path, 1, 1, f"cannot read file: {error.strerror}")
            ) from None
        if len(raw) > MAX_BYTES:
            raise UnreadableYaml(Finding(path, 1, 1, f"file is larger than {MAX_BYTES >> 20} MiB"))
        text = decode(raw, path)
    try:
        return _parse(path, text, given, positions)
    except UnreadableYaml as error:
        error.text = text
        raise


def _parse(path: Path, text: str, given: str | None, positions: bool) -> YamlFile:
    """The plain data (and, with `positions`, where its values stand) of a file's text, or
    UnreadableYaml."""
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise UnreadableYaml(
            Finding(
                path,
                1,
                1,
                "file is empty",
                hint=EMPTY_HINT,
            )
        )
    builder = EventBuilder(_type_scalar, shown, plain_scalar, values=positions)
    try:
        builder.build(events(text))
    except BuildError as error:
        raise UnreadableYaml(error.finding(path)) from None
    except MarkedYAMLError as error:
        raise UnreadableYaml(_syntax_problem(path, error, text)) from None
    except ReaderError as error:
        raise UnreadableYaml(_character_problem(path, error, text)) from None
    except YAMLError as error:
        raise UnreadableYaml(
            Finding(path, 1, 1, f"invalid YAML: {_first_line(str(error))}")
        ) from None
    except RecursionError:
        raise UnreadableYaml(Finding(path, 1, 1, "nesting is too deep to read")) from None
    if builder.root is None or builder.data is None:
        raise UnreadableYaml(Finding(path, 1, 1, "file is empty", hint=EMPTY_HINT))
    if not positions:
        return YamlFile(path, builder.data, None, given, source=text)
    located = Positions(builder.values, builder.keys, builder.root)
    return YamlFile(path, builder.data, located, given, source=text)


def _type_scalar(event: Any) -> Any:
    """A scalar event's value: typed by the YAML 1.2 core schema when plain, else text."""
    tag = event.tag
    if tag is None or tag == "!":
        return plain_scalar(event.value) if event.implicit[0] and tag is None else event.value
    convert = _EXPLICIT.get(tag)
    return DISALLOWED if convert is None else convert(event.value)


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else "unreadable"


def _syntax_problem(path: Path, error: MarkedYAMLError, text: str) -> Finding:
    problem = (error.problem or error.context or "invalid YAML").strip()
    context = (error.context or "").strip()
    mark = error.problem_mark or error.context_mark
    if error.context_mark is not None and _points_back(problem):
        mark = error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    message, hint = _explain(problem, context, _char_at(text, mark))
    return Finding(path, *_within(text, line, column), f"invalid YAML: {message}", hint=hint)


def _within(text: str, line: int, column: int) -> tuple[int, int]:
    """A position past the end of the text (end of stream) moves to the end of the last line."""
    lines = _LINE_BREAK.split(text.rstrip("\r\n\x85\u2028\u2029")) or [""]
    if line > len(lines):
        return len(lines), len(lines[-1]) + 1
    return line, column


def _character_problem(path: Path, error: ReaderError, text: str) -> Finding:
    """A character YAML does not allow (NUL, ESC and other control characters), where it is."""
    before = text[: error.position]
    line = before.count("\n") + 1
    column = error.position - (before.rfind("\n") + 1) + 1
    character = error.character if isinstance(error.character, int) else 0
    return Finding(
        path,
        line,
        column,
        f"invalid YAML: control character U+{character:04X} is not allowed",
        hint="delete it; policy files hold printable text only",
    )


def _points_back(problem: str) -> bool:
    """Errors found at the end of something that started earlier: point at the start."""
    return "end of stream" in problem or "expected ',' or" in problem


def _char_at(text: str, mark: Any) -> str:
    if mark is None or getattr(mark, "index", None) is None:
        return ""
    return text[mark.index] if 0 <= mark.index < len(text) else ""


def _explain(problem: str, context: str, char: str) -> tuple[str, str | None]:
    if "cannot start any token" in problem and (char == "\t" or "\\t" in problem):
        return "a tab character cannot indent YAML", "indent with spaces"
    if "tab character" in problem:
        return "a tab character cannot indent YAML", "indent with spaces"
    if "expected <document start>" in problem:
        return (
            "more text after the end of the document",
            "remove the '...' line; keep one document per file",
        )
    if "expected a single document" in problem or "another document" in problem:
        return "more than one YAML document in the file", "keep one document per file"
    if "quoted scalar" in context:
        return "a quoted text is not closed", "add the closing quote"
    if "flow sequence" in context:
        return "a '[' list is not closed", "add the closing ']' or a missing comma"
    if "flow mapping" in context:
        return "a '{' mapping is not closed", "add the closing '}' or a missing comma"
    if "duplicate anchor" in problem:
        return problem, "give each anchor (&name) a different name"
    if "undefined alias" in problem:
        return problem, "define the anchor (&name) before using the alias (*name)"
    message = f"{problem} ({context})" if context else problem
    if "block mapping" in context or "mapping values are not allowed" in problem:
        return message, "check the indentation: keys of one mapping start in the same column"
    if "block sequence" in context or "block collection" in context:
        return message, "check the indentation of the list items"
    return message, None


def plain_scalar(value: str) -> Any:
    """The value of a plain (unquoted) scalar under the YAML 1.2 core schema; dates stay text."""
    if not value or value in _NULLS:
        return None
    first = value[0]
    if first in "tTfF":
        return True if value in _TRUE else False if value in _FALSE else value
    if first in "0123456789+-.":
        number = _int(value)
        return _float(value) if isinstance(number, str) else number
    return value


def _int(value: str) -> int | str:
    text = value.replace("_", "")
    if _INT_DECIMAL.match(text):
        return int(text, 10)
    if _INT_OCTAL.match(text):
        return int(text[2:], 8)
    if _INT_HEX.match(text):
        return int(text[2:], 16)
    return value


def _float(value: str) -> float | str:
    special = _SPECIAL_FLOATS.get(value.lower())
    if special is not None:
        return special
    return float(value) if _FLOAT.match(value) else value


def _explicit_null(value: str) -> None:
    return None


def _explicit_bool(value: str) -> bool | str:
    return True if value in _TRUE else False if value in _FALSE else value


_EXPLICIT = {
    _TAG + "str": str,
    _TAG + "int": _int,
    _TAG + "float": _float,
    _TAG + "bool": _explicit_bool,
    _TAG + "null": _explicit_null,
    _TAG + "timestamp": str,
}
