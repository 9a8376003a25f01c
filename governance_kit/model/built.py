"""The validators of the kinds, built once per installation and kept, as Python keeps bytecode.

Building the pydantic validators of the sixteen kinds takes about 45 ms at every start, more
than anything else `govkit check` does on a small repository. What pydantic builds, a kind's
core schema, is plain data naming the model classes and their validator functions; turning it
into a validator is a fraction of a millisecond. So the core schemas are kept in one file in
the user's cache folder (`$XDG_CACHE_HOME/governance-kit`, else `~/.cache/governance-kit`),
under a name that hashes everything they depend on: the source of every module of this
package, and the versions of Python, pydantic and pydantic-core. A kept schema is therefore the
one pydantic would build, and any change makes a new name.

The cache is the toolkit's own, never the policy repository's: its place comes from the
environment, and a file is read only when it belongs to the user running the toolkit and no one
else may write it. It is read by a restricted unpickler that accepts only the model classes and
validator functions of this package. Anything wrong with the cache (missing, unreadable,
refused, another format) means the validators are built as usual and the cache is written
again, atomically; a cache that cannot be written is simply not kept. `GOVKIT_NO_CACHE=1`
turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import stat
import sys
from pathlib import Path
from typing import Any

import pydantic
import pydantic_core
from pydantic import BaseModel

_PACKAGE = __name__.rpartition(".")[0]
_SOURCE = Path(__file__).resolve().parent
_FORMAT = 1
_done = False


def cache_dir() -> Path | None:
    """Where the validators are kept, or None when the cache is off, there is no home, or the
    folder lies in a Git working tree (a CI job that puts its cache inside the checkout would
    let a pull request bring the file)."""
    if os.environ.get("GOVKIT_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or ""
    if not os.path.isabs(base):
        home = os.path.expanduser("~")
        if not os.path.isabs(home):
            return None
        base = os.path.join(home, ".cache")
    directory = Path(os.path.abspath(base)) / "governance-kit"
    if any(os.path.lexists(folder / ".git") for folder in directory.parents):
        return None
    return directory


def cache_file(directory: Path) -> Path:
    return directory / f"validators-{_key()}.pickle"


def _key() -> str:
    digest = hashlib.sha256()
    for part in (_FORMAT, sys.version, pydantic.VERSION, pydantic_core.__version__):
        digest.update(f"{part}\0".encode())
    for source in sorted(_SOURCE.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def prepare() -> None:
    """Give every model class of the package its validator, from the cache when it has them
    (once per process; a class already complete is left as it is)."""
    global _done
    if _done:
        return
    _done = True
    todo = [model for model in _models() if not model.__pydantic_complete__]
    directory = cache_dir()
    if not todo or directory is None:
        return
    path = cache_file(directory)
    kept = _read(path)
    if kept is not None and all(_name(model) in kept for model in todo):
        try:
            for model in todo:
                _install(model, *kept[_name(model)])
            return
        except Exception:  # a kept schema pydantic-core refuses: build as usual
            pass
    for model in todo:
        model.model_rebuild(force=True)
    _write(path, {_name(model): _built(model) for model in todo})


def _name(model: type[BaseModel]) -> str:
    return f"{model.__module__}:{model.__qualname__}"


def _models() -> list[type[BaseModel]]:
    """Every model class defined in this package, parents before children."""
    found: list[type[BaseModel]] = []
    seen: set[type[BaseModel]] = set()
    queue = list(BaseModel.__subclasses__())
    while queue:
        model = queue.pop(0)
        if model in seen:
            continue
        seen.add(model)
        queue.extend(model.__subclasses__())
        if model.__module__.startswith(_PACKAGE + "."):
            found.append(model)
    return found


def _built(model: type[BaseModel]) -> tuple[Any, Any]:
    """What pydantic built for `model`: its core schema and the configuration of its validator."""
    from pydantic._internal._config import ConfigWrapper

    config = ConfigWrapper(model.model_config, check=False).core_config(title=model.__name__)
    return model.__pydantic_core_schema__, config


def _install(model: type[BaseModel], schema: Any, config: Any) -> None:
    """Complete `model` as pydantic's own build does, from a kept schema (nothing is set when
    pydantic-core refuses the schema)."""
    validator = pydantic_core.SchemaValidator(schema, config)
    serializer = pydantic_core.SchemaSerializer(schema, config)
    model.__pydantic_core_schema__ = schema
    model.__pydantic_validator__ = validator
    model.__pydantic_serializer__ = serializer
    model.__pydantic_computed_fields__ = {}
    model.__pydantic_complete__ = True


def _read(path: Path) -> dict[str, tuple[Any, Any]] | None:
    """The kept schemas, or None when there are none this process may trust."""
    try:
        with open(path, "rb") as file:
            if not _trusted(os.fstat(file.fileno())):
                return None
            kept = _Unpickler(io.BytesIO(file.read())).load()
    except Exception:  # any fault means: build as usual
        return None
    return kept if isinstance(kept, dict) else None


def _trusted(status: os.stat_result) -> bool:
    """A regular file of the user running the toolkit, which no one else may write."""
    return (
        stat.S_ISREG(status.st_mode)
        and status.st_uid == os.getuid()
        and not status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )


def _write(path: Path, kept: dict[str, tuple[Any, Any]]) -> None:
    """Keep the schemas, atomically; a cache that cannot be written is not kept."""
    import tempfile  # only when the cache is written: not paid by every start

    directory = path.parent
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        data = pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=".validators-")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
        _prune(directory)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        return


STALE_DAYS = 30
"""A kept file nobody wrote for this long is removed when another is written: another version
of the toolkit or of pydantic that still runs here builds and keeps its own again."""


def _prune(directory: Path) -> None:
    import time

    now = time.time()
    for old in directory.glob("validators-*.pickle"):
        with contextlib.suppress(OSError):
            if now - old.stat().st_mtime > STALE_DAYS * 86_400:
                old.unlink()


class _Unpickler(pickle.Unpickler):
    """Accepts the model classes and validator functions of this package, and nothing else."""

    def find_class(self, module: str, name: str) -> Any:
        if module == "builtins" and name in ("dict", "list"):
            return {"dict": dict, "list": list}[name]
        if module == "builtins" and name == "getattr":
            return _model_attribute
        if module.startswith(_PACKAGE + ".") and module in sys.modules and "." not in name:
            found = getattr(sys.modules[module], name, None)
            if _ours(found, module):
                return found
        raise pickle.UnpicklingError(f"refused in a kept schema: {module}.{name}")


def _ours(found: object, module: str) -> bool:
    """A model class or a plain function defined in `module`."""
    if isinstance(found, type) and issubclass(found, BaseModel):
        return found.__module__ == module
    return (
        callable(found)
        and getattr(found, "__module__", None) == module
        and (type(found).__name__ == "function")
    )


def _model_attribute(owner: object, name: str) -> Any:
    """`getattr`, as pydantic's schemas use it: a model's JSON-schema hook or its validators."""
    if isinstance(owner, type) and issubclass(owner, BaseModel):
        validators = owner.__pydantic_decorators__
        allowed = {"__get_pydantic_json_schema__"}
        for group in (
            validators.field_validators,
            validators.model_validators,
            validators.field_serializers,
            validators.model_serializers,
        ):
            allowed.update(group)
        if name in allowed:
            return getattr(owner, name)
    raise pickle.UnpicklingError(f"refused in a kept schema: {name}")
