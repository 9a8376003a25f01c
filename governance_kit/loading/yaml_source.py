"""Safe YAML 1.2 reading with source positions: plain data plus where every value stands.

The file is composed by ruamel.yaml (its C parser when installed) and then turned into plain
dicts, lists and scalars by a small constructor of our own that never builds objects from tags,
rejects duplicate keys, bounds nesting and alias expansion, and records positions.
"""

from __future__ import annotations

import math
import re
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.resolver import BaseResolver
from ruamel.yaml.tag import Tag

from ..findings import INVALID_YAML, Finding
from ..rules._secrets import looks_like_secret

MAX_DEPTH = 64
MAX_EXPANSION = 200_000
MAX_BYTES = 64 * 1024 * 1024
MAX_SHOWN = 60

_TAG = "tag:yaml.org,2002:"
_INT_DECIMAL = re.compile(r"^[-+]?[0-9]+$")
_INT_OCTAL = re.compile(r"^0o[0-7]+$")
_INT_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
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
    """A value from a file as a message may quote it: on one line, short, and never a secret."""
    kind = looks_like_secret(key, value)
    if kind is not None:
        article = "an" if kind[0] in "AEIOUaeiou" else "a"
        return f"a {what} that looks like {article} {kind} (not repeated here)"
    text = str(value)
    if len(text) > MAX_SHOWN:
        text = text[: MAX_SHOWN - 1] + "…"
    return "'" + "".join(c if c.isprintable() else repr(c)[1:-1] for c in text) + "'"


class UnreadableYaml(Exception):
    """A file that cannot be read as YAML; carries the one finding to report."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = replace(finding, code=INVALID_YAML)


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
    """A parsed file: its plain data and the positions of its values."""

    path: Path
    data: Any
    positions: Positions

    def locate(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        return self.positions.locate(self.data, path, key=key)


_PLAIN = Tag(suffix="tag:governance-kit.dev,2026:plain")
_STR, _SEQ, _MAP = Tag(suffix=_TAG + "str"), Tag(suffix=_TAG + "seq"), Tag(suffix=_TAG + "map")


class _PlainResolver(BaseResolver):
    """Marks plain scalars for our constructor to type (YAML 1.2 core schema); all else is text.

    ruamel.yaml's own resolver is version-aware and costs more than parsing; typing the few
    plain scalars ourselves keeps loading close to the speed of the C parser.
    """

    def __init__(self, version: Any = None, loadumper: Any = None) -> None:
        super().__init__(loadumper=loadumper)

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode:
            return _PLAIN if implicit[0] else _STR
        return _SEQ if kind is SequenceNode else _MAP


def _yaml() -> YAML:
    yaml = YAML(typ="safe", pure=False)
    yaml.Resolver = _PlainResolver
    return yaml


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


def read_yaml(path: Path, text: str | None = None) -> YamlFile:
    """Parse one file; raise YamlProblem with file, line and column when it is not usable YAML."""
    if text is None:
        try:
            status = path.stat()
            if not stat.S_ISREG(status.st_mode):
                raise UnreadableYaml(
                    Finding(
                        path,
                        1,
                        1,
                        "not a regular file; not read",
                        hint="policy files are plain files, not pipes, sockets or devices",
                    )
                )
            if status.st_size > MAX_BYTES:
                raise UnreadableYaml(
                    Finding(path, 1, 1, f"file is larger than {MAX_BYTES >> 20} MiB")
                )
            raw = path.read_bytes()
        except OSError as error:
            raise UnreadableYaml(
                Finding(path, 1, 1, f"cannot read file: {error.strerror}")
            ) from None
        text = decode(raw, path)
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise UnreadableYaml(
            Finding(
                path,
                1,
                1,
                "file is empty",
                hint="a policy file needs apiVersion, kind, metadata and spec",
            )
        )
    try:
        node = _yaml().compose(text)
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
    if node is None:
        raise UnreadableYaml(Finding(path, 1, 1, "file is empty"))
    return _Constructor(path, has_anchors="&" in text).build(node)


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
    return Finding(path, line, column, f"invalid YAML: {message}", hint=hint)


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


class _Constructor:
    """Turns composed nodes into plain data, recording positions."""

    def __init__(self, path: Path, has_anchors: bool = True) -> None:
        self.path = path
        self.has_anchors = has_anchors
        self.positions = Positions()
        self.expanded = 0
        self.sizes: dict[int, int] = {}

    def build(self, root: Node) -> YamlFile:
        self.positions.root = _pos(root)
        if self.has_anchors:
            self._check_expansion(root)
        return YamlFile(self.path, self._construct(root, 0), self.positions)

    def _problem(self, node: Node, message: str, hint: str | None = None) -> UnreadableYaml:
        line, column = _pos(node)
        return UnreadableYaml(Finding(self.path, line, column, message, hint=hint))

    def _check_expansion(self, root: Node) -> None:
        """Refuse alias bombs and recursive aliases before expanding anything."""
        total = self._size(root, set())
        if total > MAX_EXPANSION:
            raise self._problem(
                root,
                f"aliases expand to {total:,} values or more (limit {MAX_EXPANSION:,})",
                hint="remove the nested anchors and aliases (an 'alias bomb')",
            )

    def _size(self, node: Node, stack: set[int]) -> int:
        key = id(node)
        if key in self.sizes:
            return self.sizes[key]
        if key in stack:
            raise self._problem(node, "an alias refers to the value that contains it")
        if len(stack) > MAX_DEPTH:
            raise self._problem(node, f"nesting deeper than {MAX_DEPTH} levels")
        stack.add(key)
        size = 1
        if isinstance(node, SequenceNode):
            for child in node.value:
                size += self._size(child, stack)
                if size > MAX_EXPANSION:
                    break
        elif isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                size += self._size(key_node, stack) + self._size(value_node, stack)
                if size > MAX_EXPANSION:
                    break
        stack.discard(key)
        self.sizes[key] = size
        return size

    def _construct(self, node: Node, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise self._problem(node, f"nesting deeper than {MAX_DEPTH} levels")
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if isinstance(node, SequenceNode):
            return self._sequence(node, depth)
        if isinstance(node, MappingNode):
            return self._mapping(node, depth)
        raise self._problem(node, "unsupported YAML node")

    def _check_tag(self, node: Node, allowed: tuple[Tag, ...]) -> None:
        if node.ctag in allowed:
            return
        tag = str(node.ctag)
        if tag in (_TAG + "seq", _TAG + "map") and any(str(a) == tag for a in allowed):
            return
        shown = tag.replace(_TAG, "!!")
        raise self._problem(
            node,
            f"YAML tag '{shown}' is not allowed",
            hint="policy files hold plain text, numbers, dates, lists and mappings only",
        )

    def _scalar(self, node: ScalarNode) -> Any:
        tag = node.ctag
        if tag is _PLAIN:
            return plain_scalar(node.value)
        if tag is _STR:
            return node.value
        name = str(tag)
        if name in _EXPLICIT:
            return _EXPLICIT[name](node.value)
        self._check_tag(node, ())
        return node.value

    def _sequence(self, node: SequenceNode, depth: int) -> list[Any]:
        self._check_tag(node, (_SEQ,))
        items: list[Any] = []
        where: dict[Any, tuple[int, int]] = {}
        for index, child in enumerate(node.value):
            where[index] = _pos(child)
            items.append(self._construct(child, depth + 1))
        self.positions.values[id(items)] = where
        return items

    def _mapping(self, node: MappingNode, depth: int) -> dict[Any, Any]:
        self._check_tag(node, (_MAP,))
        result: dict[Any, Any] = {}
        values: dict[Any, tuple[int, int]] = {}
        keys: dict[Any, tuple[int, int]] = {}
        merged: list[dict[Any, Any]] = []
        for key_node, value_node in node.value:
            if key_node.ctag is _PLAIN and key_node.value == "<<":
                merged.extend(self._merge_sources(value_node, depth))
                continue
            key = self._key(key_node)
            if key in keys:
                first = keys[key][0]
                raise self._problem(
                    key_node,
                    f"duplicate key {shown(key, what='name')} (first defined on line {first})",
                    hint="remove one of the two",
                )
            keys[key] = _pos(key_node)
            values[key] = _pos(value_node)
            result[key] = self._construct(value_node, depth + 1)
        for source in merged:
            for key, value in source.items():
                if key not in result:
                    result[key] = value
                    values[key] = self.positions.values[id(source)][key]
                    keys[key] = self.positions.keys[id(source)][key]
        self.positions.values[id(result)] = values
        self.positions.keys[id(result)] = keys
        return result

    def _merge_sources(self, node: Node, depth: int) -> list[dict[Any, Any]]:
        nodes = node.value if isinstance(node, SequenceNode) else [node]
        sources = []
        for item in nodes:
            if not isinstance(item, MappingNode):
                raise self._problem(item, "a merge key '<<' needs a mapping or a list of mappings")
            sources.append(self._mapping(item, depth + 1))
        return sources

    def _key(self, node: Node) -> str:
        """Keys are names: `1:` and `true:` are the texts '1' and 'true', never 1 and True."""
        if not isinstance(node, ScalarNode):
            raise self._problem(node, "a key must be plain text, not a list or mapping")
        self._scalar(node)
        return str(node.value)


def _pos(node: Node) -> tuple[int, int]:
    mark = node.start_mark
    return (mark.line + 1, mark.column + 1)


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
