"""Which fields of the model are confidential, and the confidential values of a loaded model.

The list is derived from the model itself (fields annotated `x-classification: confidential`),
so a field marked confidential tomorrow is protected without touching the handbook.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from pydantic import BaseModel

from .kinds import KINDS

Field_ = tuple[type[BaseModel], str]


def _extra(model: type[BaseModel], name: str) -> dict[str, Any]:
    extra = model.model_fields[name].json_schema_extra
    return extra if isinstance(extra, dict) else {}


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from _models_in(argument)


@cache
def confidential_fields() -> frozenset[Field_]:
    """Every (model class, field name) annotated confidential, across all document kinds."""
    found: set[Field_] = set()
    seen: set[type[BaseModel]] = set()
    pending = list(KINDS.values())
    while pending:
        model = pending.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            if _extra(model, name).get("x-classification") == "confidential":
                found.add((model, name))
            pending.extend(_models_in(info.annotation))
    return frozenset(found)


def is_confidential(model: type[BaseModel], name: str) -> bool:
    return (model, name) in confidential_fields()


def confidential_values(models: Iterable[BaseModel]) -> set[str]:
    """Every text held in a confidential field (ids of other entities excepted)."""
    values: set[str] = set()
    for model in models:
        _collect(model, False, values)
    return values


@cache
def _reachable(model: type[BaseModel]) -> frozenset[type[BaseModel]]:
    """Every model class a value of `model` may hold, `model` included."""
    seen: set[type[BaseModel]] = set()
    pending = [model]
    while pending:
        current = pending.pop()
        if current not in seen:
            seen.add(current)
            for info in current.model_fields.values():
                pending.extend(_models_in(info.annotation))
    return frozenset(seen)


@cache
def _leading(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of `model` that are confidential or may hold a confidential field."""
    owners = {owner for owner, _ in confidential_fields()}
    return tuple(
        name
        for name, info in model.model_fields.items()
        if is_confidential(model, name)
        or any(owners & _reachable(m) for m in _models_in(info.annotation))
    )


def _collect(value: Any, secret: bool, values: set[str]) -> None:
    if isinstance(value, BaseModel):
        cls = type(value)
        for name in cls.model_fields if secret else _leading(cls):
            if secret and "x-references" in _extra(cls, name):
                continue
            _collect(getattr(value, name), secret or is_confidential(cls, name), values)
    elif isinstance(value, list | tuple):
        for item in value:
            _collect(item, secret, values)
    elif isinstance(value, str) and secret and value.strip():
        values.add(value.strip())
