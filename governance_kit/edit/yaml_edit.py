"""Editing policy files in place: ruamel.yaml round trip, atomic replace, one writer at a time.

Comments, key order, quoting and indentation survive an edit; only the values changed differ.
New texts are validated with the loader (every file, cross-references included) before any
file is replaced, and each file is replaced atomically (temporary file in the same folder,
fsync, os.replace), and a change to several files is made in full or not at all (`files`).
A file changed by another program since it was read, or a read-only file, is not written.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from ..findings import Finding
from ..loading.documents import Document
from ..loading.references import check_references
from ..loading.repository import load_documents, policy_files
from ..loading.untrusted import Refused, read_regular
from ..loading.yaml_source import MAX_BYTES, read_yaml
from ..model.governance import Governance
from .files import LOCK_NAME as LOCK_NAME
from .files import EditProblem as EditProblem
from .files import (
    Lock,
    Snapshot,
    check_unchanged,
    check_writable,
    finish_interrupted,
    hold_lock,
    read_text,
    replace_all,
)
from .files import Locked as Locked


@dataclass
class Edited:
    """A file read for a round-trip edit: its text, the parsed data and how it was written."""

    path: Path
    original: str
    data: Any
    yaml: YAML
    snapshot: Snapshot

    def dump(self) -> str:
        stream = io.StringIO()
        self.yaml.dump(self.data, stream)
        return stream.getvalue()


def read_policy(path: Path, base: Path | None) -> str:
    """A policy file's text: a regular file (inside the folder `base`, resolved, when given)."""
    try:
        return read_regular(path, MAX_BYTES, base).decode("utf-8")
    except Refused as problem:
        raise EditProblem(f"{path}: {problem}; not changed") from None
    except UnicodeDecodeError:
        raise EditProblem(f"{path}: file is not valid UTF-8; not changed") from None


def open_for_edit(path: Path, base: Path | None = None) -> Edited:
    """Parse a file for a round-trip edit, with the indentation and width it was written with."""
    read_policy(path, base)  # a regular file inside the folder, or EditProblem
    text, snapshot = read_text(path)
    mapping, offset = guess_indent(text)
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=mapping, sequence=max(mapping, offset + 2), offset=offset)
    yaml.explicit_start = text.lstrip().startswith("---")
    yaml.representer.ignore_aliases = _new_scalar
    return Edited(path, text, yaml.load(text), yaml, snapshot)


def _new_scalar(data: Any) -> bool:
    """Values set by an edit are written in full, never as an alias of an equal value."""
    return isinstance(data, date | str | int | float | bool) and not getattr(data, "anchor", None)


def guess_indent(text: str) -> tuple[int, int]:
    """(mapping indent, offset of '-' in block sequences) as the file was written."""
    mapping: int | None = None
    offset: int | None = None
    parent: int | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(line.lstrip(" "))
        if parent is not None and indent > parent:
            if stripped.startswith("- "):
                offset = indent - parent if offset is None else offset
            elif mapping is None:
                mapping = indent - parent
        if parent is not None and stripped.startswith("- ") and offset is None:
            offset = 0 if indent == parent else offset
        parent = indent if stripped.endswith(":") and not stripped.startswith("- ") else None
        if mapping is not None and offset is not None:
            break
    return mapping or 2, offset or 0


def node_at(data: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


@dataclass
class Changeset:
    """New texts of some files of one policy repository, checked together, written together."""

    root: Path
    files: dict[Path, Edited] = field(default_factory=dict)

    @property
    def base(self) -> Path | None:
        """The policy folder, resolved: files are read inside it only."""
        return self.root.resolve() if self.root.is_dir() else None

    def file(self, path: Path) -> Edited:
        key = path.resolve()
        if key not in self.files:
            self.files[key] = open_for_edit(path, self.base)
        return self.files[key]

    def texts(self) -> dict[Path, str]:
        return {path: edited.dump() for path, edited in self.files.items()}

    def changed(self) -> dict[Path, str]:
        return {
            path: text for path, text in self.texts().items() if text != self.files[path].original
        }

    def documents(self) -> tuple[list[Document], list[Finding]]:
        """Every document of the repository as it would be after the change."""
        return load_with(self.root, self.texts())

    def validate(self) -> None:
        documents, findings = self.documents()
        if not findings:
            findings = check_references(Governance.build(list(documents)), self.root)
        if findings:
            first = findings[0]
            raise EditProblem(
                f"{first.display_path()}:{first.line}:{first.column}: the change would make the "
                f"file invalid: {first.message}"
            )

    def write(self) -> list[Path]:
        """Validate, then replace every changed file atomically, holding the repository lock.

        Nothing is written when a file read was changed meanwhile or a changed file is
        read-only."""
        with repository_lock(self.root) as lock:
            finish_interrupted(lock.path.parent, lock)
            changed = self.changed()
            self.check_unchanged()
            for path in changed:
                check_writable(self.target(path))
            self.validate()
            replace_all(
                lock.path.parent,
                {self.target(path): text for path, text in changed.items()},
                {self.target(path): edited.snapshot for path, edited in self.files.items()},
                lock,
            )
        return sorted(changed)

    def target(self, key: Path) -> Path:
        """Where a file is written: as the user named it, unless a link is on the way; then
        the file it leads to (inside the repository, as the loader made sure)."""
        named = self.files[key].path
        return named if named.absolute() == key else key

    def check_unchanged(self) -> None:
        """Refuse to write over a file another command changed since this one read it."""
        for path, edited in self.files.items():
            check_unchanged(self.target(path), edited.snapshot)


def load_with(root: Path, texts: dict[Path, str]) -> tuple[list[Document], list[Finding]]:
    files, findings = policy_files(root)
    base = None if root.is_file() else root.resolve()
    documents, unread = load_documents(
        files, lambda path: read_yaml(path, texts.get(path.resolve()), base=base)
    )
    return documents, findings + unread


def repository_lock(root: Path) -> contextlib.AbstractContextManager[Lock]:
    """Hold `.govkit.lock` in the policy folder; refuse when another writer holds it."""
    return hold_lock(root if root.is_dir() else root.parent)


def edit(root: Path, path: Path, change: Callable[[Any], None]) -> list[Path]:
    """Change one file of a policy repository and write it, validated and atomically."""
    changeset = Changeset(root)
    change(changeset.file(path).data)
    return changeset.write()


def put_in_order(mapping: Any, key: str, value: Any, order: list[str]) -> None:
    """Set a key; a new key goes after the keys that come before it in `order`."""
    if key in mapping:
        mapping[key] = value
        return
    earlier = set(order[: order.index(key)]) if key in order else set(order)
    position = 0
    for index, existing in enumerate(mapping):
        if existing in earlier:
            position = index + 1
    mapping.insert(position, key, value)
