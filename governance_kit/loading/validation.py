"""Validating a document against its model in bounded memory, however many items are wrong.

pydantic keeps one error per invalid value and `errors()` turns each into a dict: a list of a
million invalid items, or a mapping of a million unknown keys, costs gigabytes before a single
line is printed. Lists and mappings of more than `CHUNK` items are therefore validated a slice
at a time (the models have no validator that looks across the items of a list, so a slice is
judged exactly as in the whole list): details are kept for the first errors only, the others
are just counted. When every slice is valid, the document is built from the items already
validated, so a large valid file is not validated twice.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from .yaml_source import Path_

CHUNK = 1_000
"""Lists and mappings longer than this are validated a slice of this many items at a time."""

Container = list[Any] | dict[Any, Any]


def validate(
    model_class: type[BaseModel], data: Any, keep: int
) -> BaseModel | tuple[list[dict[str, Any]], int]:
    """The model of `data`, or its first `keep` errors (as pydantic's dicts) and their total."""
    long = _long_containers(data)
    if not long:
        return _whole(model_class, data, keep)
    empty = {path: type(_at(data, path))() for path in long}
    skeleton = _replacing(data, empty)
    errors, outside = _outside(model_class, skeleton, data, empty)
    errors, total = errors[:keep], len(errors)
    validated: dict[Path_, Container] = {}
    for path in long:
        whole = _at(data, path)
        validated[path] = type(whole)()
        for start, chunk in _slices(whole):
            trial = _replacing(skeleton, {path: chunk})
            try:
                model = model_class.model_validate(trial)
            except ValidationError as error:
                if isinstance(chunk, list) and len(errors) >= keep:
                    total += error.error_count() - outside  # counted, not described
                    continue
                found = _inside(error, trial, chunk, start)
                total += len(found)
                errors += found[: max(0, keep - len(errors))]
                continue
            _add(validated[path], _picked(model, path, chunk))
    if total:
        return errors, total
    return _whole(model_class, _replacing(data, validated), keep)


def _outside(
    model_class: type[BaseModel], skeleton: Any, data: Any, empty: dict[Path_, Container]
) -> tuple[list[dict[str, Any]], int]:
    """Errors outside the long containers, and how many errors a slice gets from outside.

    A mapping left empty is missing its required fields; those present in the whole mapping
    are not reported.
    """
    try:
        model_class.model_validate(skeleton)
    except ValidationError as error:
        found = []
        for item in error.errors(include_url=False):
            where = _key_in(item["loc"], skeleton, empty)
            present = where is not None and where[1] in _at(data, where[0])
            if not (item["type"] == "missing" and present):
                found.append(item)
        return found, error.error_count()
    return [], 0


def _key_in(
    loc: tuple[Any, ...], skeleton: Any, empty: dict[Path_, Container]
) -> tuple[Path_, Any] | None:
    """(path of an emptied mapping, key) when `loc` names a key right inside one."""
    emptied = {id(_at(skeleton, path)): path for path in empty}
    node = skeleton
    for step in loc:
        if isinstance(node, dict) and id(node) in emptied:
            return emptied[id(node)], step
        node = _step(node, step)
    return None


def _slices(whole: Container) -> Any:
    """(index of the first item, slice) of a long list or mapping."""
    if isinstance(whole, list):
        for start in range(0, len(whole), CHUNK):
            yield start, whole[start : start + CHUNK]
        return
    items = list(whole.items())
    for start in range(0, len(items), CHUNK):
        yield start, dict(items[start : start + CHUNK])


def _add(container: Container, part: Container) -> None:
    if isinstance(container, list):
        container.extend(part)
    else:
        container.update(part)


def _whole(
    model_class: type[BaseModel], data: Any, keep: int
) -> BaseModel | tuple[list[dict[str, Any]], int]:
    try:
        return model_class.model_validate(data)
    except ValidationError as error:
        return _first(error, keep), error.error_count()


def _first(error: ValidationError, keep: int) -> list[dict[str, Any]]:
    return list(error.errors(include_url=False)[:keep])


def _long_containers(data: Any) -> list[Path_]:
    """Paths of the lists and mappings of more than CHUNK items, outside any other such one."""
    found: list[Path_] = []
    stack: list[tuple[Path_, Any]] = [((), data)]
    while stack:
        path, node = stack.pop()
        if not isinstance(node, list | dict):
            continue
        if len(node) > CHUNK:
            found.append(path)
            continue
        steps = enumerate(node) if isinstance(node, list) else node.items()
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
    error: ValidationError, trial: Any, chunk: Container, start: int
) -> list[dict[str, Any]]:
    """The errors of `error` about items of `chunk`, list indexes those of the whole list."""
    found = []
    for item in error.errors(include_url=False):
        loc, inside = _shifted(item["loc"], trial, chunk, start)
        if inside:
            found.append({**item, "loc": loc})
    return found


def _shifted(
    loc: tuple[Any, ...], trial: Any, chunk: Container, start: int
) -> tuple[tuple[Any, ...], bool]:
    """`loc` with an index into the `chunk` list moved by `start`; whether it goes through an
    item of `chunk`."""
    node, steps, inside = trial, [], False
    for step in loc:
        if node is chunk and not inside:
            if isinstance(chunk, list) and isinstance(step, int):
                inside = True
                steps.append(step + start)
                node = chunk[step] if 0 <= step < len(chunk) else None
                continue
            inside = isinstance(chunk, dict) and step in chunk
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


def _picked(model: BaseModel, path: Path_, chunk: Container) -> Container:
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
    same = isinstance(value, type(chunk)) and len(value) == len(chunk)
    return type(chunk)(value) if same else chunk


def _attribute(model_class: type[BaseModel], key: Any) -> str:
    for name, field in model_class.model_fields.items():
        if key in (name, field.alias):
            return name
    raise AttributeError(key)
