"""Hypothesis strategies built from the pydantic models: any valid document of any kind.

Every field's type and constraints (patterns, lengths, bounds, literals, optional, nested
models) come from the model itself, so a new field is generated without changing this file.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any

import annotated_types
from hypothesis import strategies as st
from pydantic import BaseModel
from pydantic.fields import FieldInfo

MAX_ITEMS = 3
CHARACTERS = st.characters(exclude_categories=("Cs",), exclude_characters="\x85")
"""Any character but surrogates and NEL: ruamel.yaml writes NEL as a YAML 1.1 line break inside
a quoted text, and reading folds it into a space (a known limit, see docs/security.md)."""


def documents(model: type[BaseModel]) -> st.SearchStrategy[dict[str, Any]]:
    """The data of a valid document of `model` (by alias, as written in a file)."""
    return mapping_of(model)


def mapping_of(model: type[BaseModel]) -> st.SearchStrategy[dict[str, Any]]:
    required: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for name, field in model.model_fields.items():
        strategy = value_of(field.annotation, field.metadata)
        (required if field.is_required() else optional)[field.alias or name] = strategy
    return st.fixed_dictionaries(required, optional=optional)


def value_of(annotation: Any, metadata: list[Any]) -> st.SearchStrategy[Any]:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return value_of(args[0], [*metadata, *_flatten(args[1:])])
    if origin is typing.Union or isinstance(annotation, types.UnionType):
        return st.one_of([value_of(arg, metadata) for arg in args])
    if origin is typing.Literal:
        return st.sampled_from(args)
    if origin is dict:
        return st.dictionaries(value_of(args[0], []), value_of(args[1], []), max_size=MAX_ITEMS)
    if origin is list:
        low, high = _bounds(metadata, "len")
        high = min(high if high is not None else MAX_ITEMS, max(low or 0, MAX_ITEMS))
        return st.lists(value_of(args[0], []), min_size=low or 0, max_size=high)
    if annotation is type(None):
        return st.none()
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return st.deferred(lambda: mapping_of(annotation))
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        low, high = _bounds(metadata, "value")
        return st.integers(low, high if high is not None else 10_000)
    if annotation is float:
        low, high = _bounds(metadata, "value")
        return st.floats(low, high if high is not None else 1e6, allow_nan=False)
    if annotation is dt.date:
        return st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)).map(dt.date.isoformat)
    if annotation is str:
        return _text(metadata)
    raise NotImplementedError(f"no strategy for {annotation!r}")


def _flatten(items: tuple[Any, ...]) -> list[Any]:
    found: list[Any] = []
    for item in items:
        found.extend(item.metadata if isinstance(item, FieldInfo) else [item])
    return found


def _bounds(metadata: list[Any], what: str) -> tuple[Any, Any]:
    low = high = None
    for item in metadata:
        if what == "len":
            low = getattr(item, "min_length", None) or low
            high = getattr(item, "max_length", None) or high
        elif isinstance(item, annotated_types.Ge | annotated_types.Gt):
            low = getattr(item, "ge", None) if isinstance(item, annotated_types.Ge) else item.gt
        elif isinstance(item, annotated_types.Le | annotated_types.Lt):
            high = getattr(item, "le", None) if isinstance(item, annotated_types.Le) else item.lt
    if what == "value" and any(isinstance(i, annotated_types.Gt) for i in metadata):
        low = low + (1 if isinstance(low, int) else 1e-6)
    if what == "value" and any(isinstance(i, annotated_types.Lt) for i in metadata):
        high = high - (1 if isinstance(high, int) else 1e-6)
    return low, high


def _text(metadata: list[Any]) -> st.SearchStrategy[str]:
    pattern = next((m.pattern for m in metadata if getattr(m, "pattern", None)), None)
    low, high = _bounds(metadata, "len")
    if pattern is not None:
        strategy = st.from_regex(pattern, fullmatch=True)
        return strategy.filter(lambda s: (low or 0) <= len(s) <= (high or 10**6))
    return st.text(CHARACTERS, min_size=low or 0, max_size=max(40, low or 0))
