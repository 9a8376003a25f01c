"""Finding the rule classes of a package: one subclass of a base per module, by module prefix."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from typing import Any, TypeVar

T = TypeVar("T")


def discover(package: str, paths: Iterable[str], prefix: str, base: type[T]) -> tuple[T, ...]:
    """One instance of each subclass of `base` defined in the `prefix*` modules, sorted by code."""
    found: dict[str, Any] = {}
    for module_info in pkgutil.iter_modules(list(paths)):
        if not module_info.name.startswith(prefix):
            continue
        module = importlib.import_module(f"{package}.{module_info.name}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, base)
                and value is not base
                and value.__module__ == module.__name__
            ):
                code = value.code  # type: ignore[attr-defined]
                if code in found:
                    raise RuntimeError(f"two rules share the code {code}")
                found[code] = value()
    return tuple(found[code] for code in sorted(found))
