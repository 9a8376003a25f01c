"""Reading files of an untrusted policy repository: regular files and folders inside it only.

A pull request can add a symbolic link to a file outside the repository (a secret of the CI
machine, /etc/passwd, /dev/zero), a named pipe that blocks every reader, or a device that never
ends. What the toolkit reads under the policies folder is first judged (`judge`, from `lstat`,
opening nothing), then opened without following a link swapped in at the last moment and
without blocking on a pipe (`read_regular`).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

OUTSIDE = "symbolic link points outside the policy repository"
NOT_REGULAR = "not a regular file"
FOLDER_LINK = "symbolic link to a folder"
BROKEN_LINK = "symbolic link points to nothing"

_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


def kind_of(mode: int) -> str | None:
    """None for a regular file; otherwise what it is ('a pipe', 'a folder', ...)."""
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in _KINDS if test(mode)), NOT_REGULAR)


class Refused(Exception):
    """A file that may not be read; the message is one of the judgements above."""


def inside(path: Path, base: Path) -> bool:
    """Whether `path`, every link followed, lies in the folder `base` (already resolved)."""
    try:
        path.resolve().relative_to(base)
    except (ValueError, OSError, RuntimeError):  # elsewhere, or a symbolic link loop
        return False
    return True


def judge(path: Path, base: Path) -> str | None:
    """Why the entry `path` of the folder `base` (resolved) may not be read, or None.

    Regular files and folders pass, and a symbolic link to a regular file inside `base`;
    links that leave `base`, links to folders, broken links, pipes, sockets and devices do not.
    Nothing is opened.
    """
    try:
        status = os.lstat(path)
    except OSError:
        return BROKEN_LINK
    if stat.S_ISLNK(status.st_mode):
        if not inside(path, base):
            return OUTSIDE
        try:
            status = os.stat(path)
        except OSError:
            return BROKEN_LINK
        if stat.S_ISDIR(status.st_mode):
            return FOLDER_LINK
    if stat.S_ISREG(status.st_mode) or stat.S_ISDIR(status.st_mode):
        return None
    return NOT_REGULAR


def walk(folder: Path) -> list[Path]:
    """Every entry under `folder`, sorted, but hidden ones (named `.*`) and what is in them,
    never descending into a linked folder."""
    found = []
    for top, folders, files in os.walk(folder, followlinks=False):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found += [Path(top) / name for name in [*folders, *files] if not name.startswith(".")]
    return sorted(found)


def read_regular(path: Path, limit: int, base: Path | None = None) -> bytes:
    """The first `limit` + 1 bytes of the regular file `path` (a link followed to its target,
    inside `base` when given); Refused when it is anything else, OSError when unreadable.

    The target is judged before it is opened (opening a device can have effects), and opened
    with O_NOFOLLOW and O_NONBLOCK, then judged again: a file swapped for a link or a pipe in
    between is refused, never followed or waited on.
    """
    try:
        real = path.resolve()
    except RuntimeError:
        raise Refused(OUTSIDE) from None
    if base is not None and not real.is_relative_to(base):
        raise Refused(OUTSIDE)
    if not stat.S_ISREG(os.stat(real).st_mode):
        raise Refused(NOT_REGULAR)
    try:
        handle = os.open(real, _FLAGS)
    except OSError as error:
        if error.errno == errno.ELOOP:  # swapped for a link since it was resolved
            raise Refused(NOT_REGULAR) from None
        raise
    with os.fdopen(handle, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            raise Refused(NOT_REGULAR)
        return stream.read(limit + 1)
