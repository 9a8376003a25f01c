"""Validating a document against its model in bounded memory, however many items are wrong.

pydantic keeps one error per invalid value and `errors()` turns each into a dict: a list of a
million invalid items costs gigabytes before a single line is printed. Lists longer than
`CHUNK` items are therefore validated a slice at a time (the models have no validator that
looks across the items of a list, so a slice is judged exactly as in the whole list): details
are kept for the first errors only, the others are just counted. When every slice is valid,
the document is built from the items already validated, so a large valid file is not
validated twice.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from .yaml_source import Path_

CHUNK = 1_000
"""Lists longer than this are validated a slice of this many items at a time."""


def validate(
    model_class: type[BaseModel], data: Any, keep: int
) -> BaseModel | tuple[list[dict[str, Any]], int]:
    """The model of `data`, or its first `keep` errors (as pydantic's dicts) and their total."""
    long = _long_lists(data)
    if not long:
        return _whole(model_class, data, keep)
    skeleton = _replacing(data, {path: [] for path in long})
    errors: list[dict[str, Any]] = []
    try:
        model_class.model_validate(skeleton)
        outside = 0
    except ValidationError as error:
        errors, outside = _first(error, keep), error.error_count()
    total = outside
    items: dict[Path_, list[Any]] = {}
    for path in long:
        whole = _at(data, path)
        validated: list[Any] = []
        for start in range(0, len(whole), CHUNK):
            chunk = whole[start : start + CHUNK]
            trial = _replacing(skeleton, {path: chunk})
            try:
                model = model_class.model_validate(trial)
            except ValidationError as error:
                inside = error.error_count() - outside
                total += inside
                if len(errors) < keep:
                    errors += _inside(error, trial, chunk, start)[: keep - len(errors)]
                continue
            validated += _picked(model, path, chunk)
        items[path] = validated
    if total:
        return errors, total
    return _whole(model_class, _replacing(data, items), keep)


def _whole(
    model_class: type[BaseModel], data: Any, keep: int
) -> BaseModel | tuple[list[dict[str, Any]], int]:
    try:
        return model_class.model_validate(data)
    except ValidationError as error:
        return _first(error, keep), error.error_count()


def _first(error: ValidationError, keep: int) -> list[dict[str, Any]]:
    return list(error.errors(include_url=False)[:keep])


def _long_lists(data: Any) -> list[Path_]:
    """Paths of the lists longer than CHUNK items, outside any other such list."""
    found: list[Path_] = []
    stack: list[tuple[Path_, Any]] = [((), data)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, list):
            if len(node) > CHUNK:
                found.append(path)
                continue
            steps: Any = enumerate(node)
        elif isinstance(node, dict):
            steps = node.items()
        else:
            continue
        stack.extend(((*path, step), value) for step, value in steps if _container(value))
    return sorted(found, key=lambda path: [str(step) for step in path])


def _container(value: Any) -> bool:
    return isinstance(value, dict | list)


def _at(data: Any, path: Path_) -> Any:
    for step in path:
        data = data[step]
    return data


def _replacing(data: Any, values: dict[Path_, Any]) -> Any:
    """A copy of `data` with the value at each path replaced (only the containers on the way
    are copied)."""
    for path, value in values.items():
        data = _with(data, path, value)
    return data


def _with(node: Any, path: Path_, value: Any) -> Any:
    if not path:
        return value
    copy = list(node) if isinstance(node, list) else dict(node)
    copy[path[0]] = _with(node[path[0]], path[1:], value)  # type: ignore[index]
    return copy


def _inside(
    error: ValidationError, trial: Any, chunk: list[Any], start: int
) -> list[dict[str, Any]]:
    """The errors of `error` about items of `chunk`, their indexes those of the whole list."""
    found = []
    for item in error.errors(include_url=False):
        loc, inside = _shifted(item["loc"], trial, chunk, start)
        if inside:
            found.append({**item, "loc": loc})
    return found


def _shifted(
    loc: tuple[Any, ...], trial: Any, chunk: list[Any], start: int
) -> tuple[tuple[Any, ...], bool]:
    """`loc` with the index into `chunk` moved by `start`; whether it passes through it."""
    node, steps, inside = trial, [], False
    for step in loc:
        if node is chunk and isinstance(step, int) and not inside:
            inside = True
            steps.append(step + start)
            node = chunk[step] if 0 <= step < len(chunk) else None
            continue
        steps.append(step)
        node = _step(node, step)
    return tuple(steps), inside


def _step(node: Any, step: Any) -> Any:
    """The child `step` of `node`; `node` itself for a step pydantic adds (a union member)."""
    if isinstance(node, dict) and step in node:
        return node[step]
    if isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
        return node[step]
    return node


def _picked(model: BaseModel, path: Path_, chunk: list[Any]) -> list[Any]:
    """The validated items at `path` of `model`, or the raw `chunk` if they cannot be found."""
    value: Any = model
    try:
        for step in path:
            value = (
                getattr(value, _attribute(type(value), step))
                if isinstance(value, BaseModel)
                else value[step]
            )
    except (AttributeError, KeyError, IndexError, TypeError):
        return chunk
    return list(value) if isinstance(value, list) and len(value) == len(chunk) else chunk


def _attribute(model_class: type[BaseModel], key: Any) -> str:
    for name, field in model_class.model_fields.items():
        if key in (name, field.alias):
            return name
    raise AttributeError(key)
