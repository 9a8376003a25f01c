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
    for name, step, nested in _plan(type(model)):
        value = getattr(model, name)
        if value is None:
            continue
        if isinstance(value, str):
            yield (*path, step), step, value
        elif isinstance(value, BaseModel):
            yield from texts(value, (*path, step))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, str):
                    yield (*path, step, index), index, item
                elif nested and isinstance(item, BaseModel):
                    yield from texts(item, (*path, step, index))


@cache
def _plan(model: type[BaseModel]) -> tuple[tuple[str, str, bool], ...]:
    """Per field: name, YAML key, and whether models can nest in it."""
    return tuple(
        (name, field.alias or name, _holds_models(field.annotation))
        for name, field in model.model_fields.items()
    )


def _holds_models(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_models(arg) for arg in typing.get_args(annotation))
