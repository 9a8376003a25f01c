"""Replacing policy files safely: each file atomically, and several files all or none.

One file is replaced by writing a temporary file beside it, fsync, then os.replace: a crash
leaves the old or the new file, never half of one. Several files are first all written to
temporary files; a journal naming them is then written atomically, the files are replaced
one by one, and the journal is removed. A run killed after the journal was written is
finished by the next writer (`finish_interrupted`), so a change to several files is never
left half made. Callers hold the repository lock.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import tempfile
from pathlib import Path

from ..loading.untrusted import BROKEN_LINK, Refused, inside, judge, read_regular

JOURNAL_NAME = ".govkit.journal"
MAX_JOURNAL = 1024 * 1024


def atomic_write(path: Path, text: str) -> None:
    """Replace `path` with `text` atomically."""
    temporary = _prepare(path, text)
    try:
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _sync_folder(path.parent)


def replace_all(folder: Path, texts: dict[Path, str]) -> None:
    """Replace every file of `texts` (keyed by path) with its text: all of them, or none."""
    if len(texts) <= 1:
        for path, text in texts.items():
            atomic_write(path, text)
        return
    prepared: list[tuple[Path, Path]] = []
    try:
        for path, text in texts.items():
            prepared.append((_prepare(path, text), path))
    except BaseException:
        for temporary, _ in prepared:
            with contextlib.suppress(OSError):
                temporary.unlink()
        raise
    journal = folder / JOURNAL_NAME
    base = folder.resolve()
    pairs = [[_relative(temporary, base), _relative(path, base)] for temporary, path in prepared]
    atomic_write(journal, json.dumps({"replace": pairs}, indent=1) + "\n")
    _replace(prepared)
    journal.unlink()
    _sync_folder(folder)


def finish_interrupted(folder: Path) -> list[Path]:
    """Finish the change a killed run left in the journal; the files it replaced now."""
    journal = folder / JOURNAL_NAME
    if not os.path.lexists(journal):
        return []
    base = folder.resolve()
    try:
        pairs = json.loads(read_regular(journal, MAX_JOURNAL, base))["replace"]
        pending = [(base / temporary, base / path) for temporary, path in pairs]
    except (OSError, Refused, ValueError, KeyError, TypeError):
        pending = []  # not written by us in full: atomic_write makes that impossible
    if not all(_ours(temporary, path, base) for temporary, path in pending):
        pending = []  # not written by us: a journal committed to the repository, say
    pending = [(temporary, path) for temporary, path in pending if temporary.exists()]
    _replace(pending)
    journal.unlink()
    _sync_folder(folder)
    return [path for _, path in pending]


def _ours(temporary: Path, path: Path, base: Path) -> bool:
    """Whether a journal's pair is one `replace_all` writes: a policy file inside `base` and
    its temporary file beside it (or the temporary already renamed), never a link."""
    return (
        temporary.parent == path.parent
        and temporary.name.startswith(f".{path.name}.")
        and temporary.name.endswith(".tmp")
        and path.suffix in (".yaml", ".yml")
        and inside(path.parent, base)
        and not temporary.is_symlink()
        and judge(path, base) in (None, BROKEN_LINK)
    )


def _relative(path: Path, base: Path) -> str:
    """`path` relative to the journal's folder, so that moving the repository keeps it true."""
    return os.path.relpath(path.resolve(), base)


def _replace(prepared: list[tuple[Path, Path]]) -> None:
    for temporary, path in prepared:
        os.replace(temporary, path)
    for folder in {path.parent for _, path in prepared}:
        _sync_folder(folder)


def _prepare(path: Path, text: str) -> Path:
    """`text` written and synced to a temporary file beside `path`, with `path`'s mode."""
    mode = path.stat().st_mode & 0o7777 if path.exists() else 0o644
    for stale in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()  # left by a run that was killed before it wrote a journal
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    return Path(temporary)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
