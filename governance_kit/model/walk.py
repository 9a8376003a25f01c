"""Walking a validated document: every text value with the path it has in its file."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from functools import cache
from typing import Any

from pydantic import BaseModel

Path_ = tuple[str | int, ...]


def texts(model: BaseModel, path: Path_ = ()) -> Iterator[tuple[Path_, str | int, str]]:
    """Every text value under `model`: (path in the file, key or index it stands under, text)."""
    stack: list[tuple[BaseModel, Path_]] = [(model, path)]
    while stack:
        current, where = stack.pop()
        values = current.__dict__
        for name, step, nested in _plan(type(current)):
            value = values[name]
            if value is None:
                continue
            if type(value) is str:
                yield (*where, step), step, value
            elif type(value) is list:
                for index, item in enumerate(value):
                    if type(item) is str:
                        yield (*where, step, index), index, item
                    elif nested and isinstance(item, BaseModel):
                        stack.append((item, (*where, step, index)))
            elif nested and isinstance(value, BaseModel):
                stack.append((value, (*where, step)))


@cache
def _plan(model: type[BaseModel]) -> tuple[tuple[str, str, bool], ...]:
    """Per field that can hold text: name, YAML key, and whether models can nest in it."""
    plan = []
    for name, field in model.model_fields.items():
        nested = _holds(field.annotation, BaseModel)
        if nested or _holds(field.annotation, str):
            plan.append((name, field.alias or name, nested))
    return tuple(plan)


def _holds(annotation: Any, kind: type) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, kind):
        return True
    return any(_holds(arg, kind) for arg in typing.get_args(annotation))
