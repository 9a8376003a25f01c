"""Reading a file only when it is a regular file: a pipe, device, socket or folder never hangs
a command or fills its memory.

The file is opened without blocking (opening a pipe with no writer would wait forever) and
its type is judged on the open descriptor, so it cannot be swapped for a pipe in between.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


class NotRegular(OSError):
    """The path is something other than a regular file; `kind` says what, in words."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path}: {kind}, not a regular file")
        self.kind = kind


class TooLarge(OSError):
    """The file is larger than the reader accepts."""


def kind_of(mode: int) -> str | None:
    """None for a regular file; otherwise what it is ('a pipe', 'a folder', ...)."""
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in _KINDS if test(mode)), "not a regular file")


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of the regular file `path`, at most `limit` of them.

    Raises NotRegular for anything else, TooLarge beyond `limit`, OSError when unreadable.
    """
    kind = kind_of(os.stat(path).st_mode)
    if kind is not None:
        raise NotRegular(path, kind)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as handle:
        status = os.fstat(handle.fileno())
        kind = kind_of(status.st_mode)
        if kind is not None:
            raise NotRegular(path, kind)
        if status.st_size > limit:
            raise TooLarge(path)
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(path)
    return data
