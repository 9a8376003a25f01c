"""Plain data and positions built straight from the parser's events, without a node tree.

Composing ruamel.yaml's node objects costs several times more than parsing; building dicts,
lists and scalars from the C parser's event stream keeps loading below the cost of
ruamel.yaml's own safe loader. The builder is iterative (no recursion limit to hit), refuses
tags, duplicate keys, excessive nesting and alias expansion, and records where every key and
value stands.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from ..findings import Finding

MAX_DEPTH = 64
MAX_EXPANSION = 200_000
TAG = "tag:yaml.org,2002:"
_NO_KEY = object()

Position = tuple[int, int]


class BuildError(Exception):
    """A structural problem found while building: where it is and what it is."""

    def __init__(self, position: Position, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.position, self.message, self.hint = position, message, hint

    def finding(self, path: Path) -> Finding:
        return Finding(path, *self.position, self.message, hint=self.hint)


class _Frame:
    """A mapping or sequence being built."""

    __slots__ = (
        "anchor",
        "container",
        "count_at_start",
        "key",
        "key_position",
        "keys",
        "merged",
        "start",
        "values",
    )

    def __init__(self, container: Any, start: Position, anchor: str | None, count: int) -> None:
        self.container = container
        self.start = start
        self.anchor = anchor
        self.count_at_start = count
        self.values: dict[Any, Position] = {}
        self.keys: dict[Any, Position] = {}
        self.key: Any = _NO_KEY
        self.key_position: Position = start
        self.merged: list[tuple[Any, Position]] = []


class _Forget(dict[Any, Position]):
    """Where value positions go when they are not wanted: nowhere."""

    def __setitem__(self, key: Any, value: Position) -> None:
        return None


_FORGET = _Forget()


class EventBuilder:
    """Consumes parser events; `data`, `values` and `keys` hold the result.

    With `values=False` the positions of values are not kept (those of keys are, to report
    duplicates): reading only the data of a large file then costs a fraction of the memory.
    """

    def __init__(self, type_scalar: Any, shown: Any, plain: Any, *, values: bool = True) -> None:
        self.record_values = values
        self.type_scalar = type_scalar
        self.plain = plain
        self.shown = shown
        self.values: dict[int, dict[Any, Position]] = {}
        self.keys: dict[int, dict[Any, Position]] = {}
        self.anchors: dict[str, Any] = {}
        self.sizes: dict[str, int] = {}
        self.open_anchors: dict[str, Position] = {}
        self.stack: list[_Frame] = []
        self.count = 0
        self.expanded = 0
        self.documents = 0
        self.root: Position | None = None
        self.data: Any = None

    def build(self, events: Iterable[Any]) -> None:
        stack, plain = self.stack, self.plain
        for event in events:
            kind = type(event)
            if kind is ScalarEvent:
                simple = event.ctag is None and event.anchor is None
                if (
                    simple
                    and 0 < len(stack) <= MAX_DEPTH
                    and self._plain_scalar(event, stack[-1], plain)
                ):
                    continue
                self._scalar(event)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                self._start(event, kind is MappingStartEvent)
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                self._end()
            elif kind is AliasEvent:
                self._alias(event)
            elif kind is DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    raise BuildError(
                        _position(event),
                        "invalid YAML: more than one YAML document in the file",
                        "keep one document per file",
                    )

    def _plain_scalar(self, event: Any, frame: _Frame, plain: Any) -> bool:
        """The common case, inline: an untagged scalar without anchor inside a collection.

        Returns False to leave anything unusual (merge keys, duplicates) to the general path.
        """
        container, key = frame.container, frame.key
        mark = event.start_mark
        position = (mark.line + 1, mark.column + 1)
        value = event.value
        if type(container) is list:
            frame.values[len(container)] = position
            container.append(plain(value) if event.implicit[0] else value)
        elif key is _NO_KEY:
            if value in frame.keys or (value == "<<" and event.implicit[0]):
                return False
            frame.key, frame.key_position = value, position
        elif key is _MERGE:
            return False
        else:
            frame.key = _NO_KEY
            frame.keys[key] = frame.key_position
            frame.values[key] = position
            container[key] = plain(value) if event.implicit[0] else value
        self.count += 1
        return True

    def _node_position(self, event: Any) -> Position:
        position = _position(event)
        if len(self.stack) > MAX_DEPTH and not self._expects_key():
            raise BuildError(position, f"nesting deeper than {MAX_DEPTH} levels")
        if self.root is None:
            self.root = position
        return position

    def _expects_key(self) -> bool:
        frame = self.stack[-1]
        return isinstance(frame.container, dict) and frame.key is _NO_KEY

    @staticmethod
    def _refuse_tag(event: Any) -> None:
        tag = str(event.tag)
        raise BuildError(
            _position(event),
            f"YAML tag '{tag.replace(TAG, '!!')}' is not allowed",
            "policy files hold plain text, numbers, dates, lists and mappings only",
        )

    def _scalar(self, event: Any) -> None:
        position = self._node_position(event)
        value = self.type_scalar(event)
        if value is DISALLOWED:
            self._refuse_tag(event)
        self.count += 1
        if event.anchor is not None:
            self.anchors[event.anchor] = value
            self.sizes[event.anchor] = 1
        self._add(value, position, event, is_scalar=True)

    def _start(self, event: Any, is_mapping: bool) -> None:
        position = self._node_position(event)
        if event.tag not in (None, "!", TAG + ("map" if is_mapping else "seq")):
            self._refuse_tag(event)
        if self.stack and self._expects_key():
            raise BuildError(position, "a key must be plain text, not a list or mapping")
        container: Any = {} if is_mapping else []
        self.count += 1
        new = _Frame(container, position, event.anchor, self.count)
        if not self.record_values:
            new.values = _FORGET
        if event.anchor is not None:
            self.open_anchors[event.anchor] = position
        self.stack.append(new)

    def _end(self) -> None:
        frame = self.stack.pop()
        container = frame.container
        if isinstance(container, dict):
            self._merge(frame)
            self.keys[id(container)] = frame.keys
        self.values[id(container)] = frame.values
        if frame.anchor is not None:
            self.open_anchors.pop(frame.anchor, None)
            self.anchors[frame.anchor] = container
            self.sizes[frame.anchor] = self.count - frame.count_at_start + 1
        self._add(container, frame.start, None, is_scalar=False)

    def _alias(self, event: Any) -> None:
        position = self._node_position(event)
        name = event.anchor
        if name in self.open_anchors:
            raise BuildError(
                self.open_anchors[name], "an alias refers to the value that contains it"
            )
        if name not in self.anchors:
            raise BuildError(
                position,
                "invalid YAML: found undefined alias",
                "define the anchor (&name) before using the alias (*name)",
            )
        self.expanded += self.sizes[name]
        self.count += self.sizes[name]
        if self.expanded > MAX_EXPANSION:
            raise BuildError(
                self.root or position,
                f"aliases expand to more than {MAX_EXPANSION:,} values",
                "remove the nested anchors and aliases (an 'alias bomb')",
            )
        value = self.anchors[name]
        self._add(value, position, None, is_scalar=not isinstance(value, (dict, list)))

    def _add(self, value: Any, position: Position, event: Any, *, is_scalar: bool) -> None:
        if not self.stack:
            self.data = value
            return
        frame = self.stack[-1]
        container = frame.container
        if isinstance(container, list):
            frame.values[len(container)] = position
            container.append(value)
            return
        if frame.key is _NO_KEY:
            self._take_key(frame, value, position, event, is_scalar)
            return
        key, frame.key = frame.key, _NO_KEY
        if key is _MERGE:
            frame.merged.append((value, position))
            return
        frame.keys[key] = frame.key_position
        frame.values[key] = position
        container[key] = value

    def _take_key(
        self, frame: _Frame, value: Any, position: Position, event: Any, is_scalar: bool
    ) -> None:
        if not is_scalar:
            raise BuildError(position, "a key must be plain text, not a list or mapping")
        if event is not None and event.implicit[0] and event.tag is None and event.value == "<<":
            frame.key = _MERGE
            return
        key = event.value if event is not None else str(value)
        if key in frame.keys:
            raise BuildError(
                position,
                f"duplicate key {self.shown(key, what='name')} "
                f"(first defined on line {frame.keys[key][0]})",
                "remove one of the two",
            )
        frame.key, frame.key_position = key, position

    def _merge(self, frame: _Frame) -> None:
        container = frame.container
        for value, position in frame.merged:
            sources = value if isinstance(value, list) else [value]
            for index, source in enumerate(sources):
                if not isinstance(source, dict):
                    where = (
                        self.values.get(id(value), {}).get(index, position)
                        if isinstance(value, list)
                        else position
                    )
                    raise BuildError(
                        where, "a merge key '<<' needs a mapping or a list of mappings"
                    )
                for key, item in source.items():
                    if key not in container:
                        container[key] = item
                        frame.values[key] = self.values[id(source)].get(key, position)
                        frame.keys[key] = self.keys[id(source)][key]


_MERGE = object()
DISALLOWED = object()
"""What `type_scalar` returns for a scalar whose explicit tag is not allowed."""


def _position(event: Any) -> Position:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1)


class _Wanted:
    """A step of the paths being looked for, and where it was found."""

    __slots__ = ("key", "steps", "value")

    def __init__(self) -> None:
        self.steps: dict[Any, _Wanted] = {}
        self.value: Position | None = None
        self.key: Position | None = None


class _Unusual(Exception):
    """An alias or merge key on a wanted path: the builder must resolve it."""


def locate_many(
    events: Iterable[Any], wanted: list[tuple[tuple[Any, ...], bool]]
) -> list[Position] | None:
    """Where each (path, key?) of `wanted` stands, as `Positions.locate` would answer, from
    the parser's events alone: only containers on a wanted path are followed, nothing is built.

    Returns None when an alias or a merge key lies on a wanted path (the builder resolves
    those) or when there is no document.
    """
    root = _Wanted()
    count = 0
    for path, _ in wanted:
        node = root
        for step in path:
            if step not in node.steps:
                node.steps[step] = _Wanted()
                count += 1
            node = node.steps[step]
    try:
        if not _follow(events, root, count):
            return None
    except _Unusual:
        return None
    return [_answer(root, path, key) for path, key in wanted]


def _follow(events: Iterable[Any], root: _Wanted, count: int) -> bool:
    """Record positions along the wanted paths (`count` steps in all, found when every one
    has its value, so the rest of the file is not read); False if the stream holds no node."""
    stack: list[list[Any]] = []  # per open container: [wanted, is_mapping, next index or key]
    skipping = 0
    for event in events:
        if count == 0 and root.value is not None:
            return True
        kind = type(event)
        if skipping:
            if kind is MappingStartEvent or kind is SequenceStartEvent:
                skipping += 1
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                skipping -= 1
            continue
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            stack.pop()
            continue
        if kind not in (ScalarEvent, MappingStartEvent, SequenceStartEvent, AliasEvent):
            continue
        if not stack:
            root.value = _position(event)
            if kind is ScalarEvent or kind is AliasEvent:
                return True
            stack.append(
                [root, kind is MappingStartEvent, 0 if kind is SequenceStartEvent else _NO_KEY]
            )
            continue
        frame = stack[-1]
        if frame[1]:
            if frame[2] is _NO_KEY:
                if kind is not ScalarEvent:
                    raise _Unusual
                if event.value == "<<" and event.implicit[0] and event.tag is None:
                    raise _Unusual
                frame[2] = event.value
                node = frame[0].steps.get(event.value)
                if node is not None:
                    node.key = _position(event)
                continue
            node = frame[0].steps.get(frame[2])
            frame[2] = _NO_KEY
        else:
            node = frame[0].steps.get(frame[2])
            frame[2] += 1
        if node is None:
            if kind is MappingStartEvent or kind is SequenceStartEvent:
                skipping = 1
            continue
        if kind is AliasEvent:
            raise _Unusual
        if node.value is None:
            count -= 1
        node.value = _position(event)
        if kind is not ScalarEvent:
            stack.append(
                [node, kind is MappingStartEvent, 0 if kind is SequenceStartEvent else _NO_KEY]
            )
    return root.value is not None


def _answer(root: _Wanted, path: tuple[Any, ...], key: bool) -> Position:
    where, node = root.value or (1, 1), root
    for index, step in enumerate(path):
        child = node.steps[step]
        if child.value is None:
            break
        if key and index == len(path) - 1 and child.key is not None:
            return child.key
        where, node = child.value, child
    return where
