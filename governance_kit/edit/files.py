"""Replacing policy files safely: each file atomically, several files all or none, one writer.

One file is replaced by writing a temporary file beside it, fsync, then os.replace: a crash
leaves the old or the new file, never half of one. Several files are first all written to
temporary files; a journal naming them is then written atomically, the files are replaced
one by one, and the journal is removed. A run killed after the journal was written is
finished by the next writer (`finish_interrupted`) if the journal is trusted (`journal`).

One writer at a time: the writer holds `fcntl.flock` on `.govkit.lock` in the policy folder
for its whole run; the kernel drops it when the process ends, however it ends, so a lock
left by a killed run is simply taken. Before a file is replaced, it is checked to be still
what the run read (same file, size, time and bytes) and writable; if not, nothing is written.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import glob
import io
import os
import secrets
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import JOURNAL_NAME, LOCK_NAME
from . import journal as journals

LOCK_ATTEMPTS = 5
JOURNAL_HINT = (
    "hint: if it came with a pull request or a copy of the files, delete it and run the "
    "command again"
)


class EditProblem(Exception):
    """A change that cannot or must not be made; the message is one line for the user."""


class Locked(EditProblem):
    """Another govkit command is changing the same policy repository."""


@dataclass
class Lock:
    """The repository lock held by this run; `previous` is the run token a killed run left."""

    path: Path
    handle: int
    previous: str


@dataclass(frozen=True)
class Snapshot:
    """A file as it was read: which file, its size, when it was last changed, its bytes."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    digest: str


def read_text(path: Path) -> tuple[str, Snapshot]:
    """The text of a file (universal newlines, like Path.read_text) and its snapshot."""
    with path.open("rb") as stream:
        status = os.fstat(stream.fileno())
        data = stream.read()
    text = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8").read()
    snapshot = Snapshot(
        status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, journals.digest(data)
    )
    return text, snapshot


def check_unchanged(path: Path, before: Snapshot) -> None:
    """Refuse to write when `path` is no longer the file this run read."""
    try:
        _, now = read_text(path)
    except OSError:
        now = None
    if now != before:
        raise EditProblem(
            f"{path}: changed by another command while this one ran; nothing written, run it again"
        )


def check_writable(path: Path) -> None:
    """Refuse to replace a file nobody may write (no write bit) or this user may not."""
    mode = os.stat(path).st_mode
    if not mode & 0o222 or not os.access(path, os.W_OK):
        raise EditProblem(
            f"{path}: the file is read-only, so it is not rewritten; nothing written "
            "(hint: make it writable, e.g. chmod u+w, if it should change)"
        )


@contextlib.contextmanager
def hold_lock(folder: Path) -> Iterator[Lock]:
    """Hold `.govkit.lock` in `folder`; refuse at once when another writer holds it.

    The lock file is removed when the run ends, unless a journal is left and the lock file
    holds a run token: the next writer checks the journal names that run."""
    path = folder / LOCK_NAME
    handle = _acquire(path)
    try:
        previous = os.pread(handle, 200, 0).decode("ascii", "replace").strip()
        yield Lock(path, handle, previous)
    finally:
        if not (os.path.lexists(folder / JOURNAL_NAME) and os.fstat(handle).st_size):
            _remove_if_ours(path, handle)
        os.close(handle)


def _acquire(path: Path) -> int:
    """An open, flock'ed handle on the lock file that `path` names now."""
    for _ in range(LOCK_ATTEMPTS):
        handle = _open_lock(path)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(handle)
            raise Locked(
                f"{path}: another govkit command is changing these files; try again when it is done"
            ) from None
        if _names(path, handle):
            return handle
        os.close(handle)  # the holder removed it as we opened it: lock the new one
    raise Locked(f"{path}: other govkit commands keep taking the lock; try again")


def _open_lock(path: Path) -> int:
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    strange = EditProblem(
        f"{path}: not a lock file govkit makes, so not used (hint: delete it, then run the "
        "command again)"
    )
    try:
        handle = os.open(path, flags, 0o644)
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.EISDIR, errno.ENXIO):
            raise strange from None  # a symbolic link, a folder, a socket
        raise EditProblem(f"{path}: cannot write: {_reason(error)}") from None
    status = os.fstat(handle)
    if not stat.S_ISREG(status.st_mode) or status.st_nlink > 1:
        os.close(handle)
        raise strange  # no link count 0 here: a file its holder just removed is retried
    return handle


def _names(path: Path, handle: int) -> bool:
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(handle)
    return (status.st_dev, status.st_ino) == (held.st_dev, held.st_ino)


def _remove_if_ours(path: Path, handle: int) -> None:
    """Remove the lock file while still holding it; a waiter that opened it then sees it go."""
    if _names(path, handle):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _mark(lock: Lock) -> str:
    """Write a new run token into the lock file before a journal names it."""
    token = secrets.token_hex(16)
    try:
        os.ftruncate(lock.handle, 0)
        os.pwrite(lock.handle, f"{token}\n".encode("ascii"), 0)
        os.fsync(lock.handle)
    except OSError as error:
        raise EditProblem(f"{lock.path}: cannot write: {_reason(error)}") from None
    return token


def atomic_write(path: Path, text: str) -> None:
    """Replace `path` with `text` atomically."""
    temporary = _prepare(path, text)
    _replace_one(temporary, path)
    _sync_folder(path.parent)


def replace_all(
    folder: Path,
    texts: dict[Path, str],
    read: dict[Path, Snapshot] | None = None,
    lock: Lock | None = None,
) -> None:
    """Replace every file of `texts` with its text: all of them, or none.

    Every file of `read` must still be as it was read, checked after the new texts are
    written to temporary files and before the first file is replaced. A change a stopped run
    left half made is finished first."""
    if lock is None:
        with hold_lock(folder) as held:
            replace_all(folder, texts, read, held)
        return
    finish_interrupted(folder, lock)
    read = read or {}
    prepared = _prepare_all(texts)
    journal = folder / JOURNAL_NAME
    try:
        if len(prepared) > 1:
            _write_journal(folder, prepared, read, lock)
        for path, snapshot in read.items():
            check_unchanged(path, snapshot)
    except BaseException:
        _discard([temporary for temporary, _ in prepared])
        with contextlib.suppress(FileNotFoundError):
            journal.unlink()
        raise
    if len(prepared) <= 1:
        for temporary, path in prepared:
            _replace_one(temporary, path)
            _sync_folder(path.parent)
        return
    _replace(prepared, half_made=journal)
    journal.unlink()
    _sync_folder(folder)


def _prepare_all(texts: dict[Path, str]) -> list[tuple[Path, Path]]:
    prepared: list[tuple[Path, Path]] = []
    try:
        for path, text in texts.items():
            if path.exists():
                check_writable(path)
            prepared.append((_prepare(path, text), path))
    except BaseException:
        _discard([temporary for temporary, _ in prepared])
        raise
    return prepared


def _write_journal(
    folder: Path, prepared: list[tuple[Path, Path]], read: dict[Path, Snapshot], lock: Lock
) -> None:
    journal = folder / JOURNAL_NAME
    try:
        key = journals.make_key()
    except (OSError, RuntimeError) as error:
        hint = ""
        if getattr(error, "errno", None) in (errno.EACCES, errno.EPERM, errno.EROFS):
            hint = " (hint: set XDG_STATE_HOME to a folder you can write)"
        raise EditProblem(f"{journals.key_path()}: cannot write: {_reason(error)}{hint}") from None
    base = folder.resolve()
    entries = [
        (
            _relative(temporary, base),
            _relative(path, base),
            journals.digest(temporary.read_bytes()),
            read[path].digest if path in read else _current_digest(path),
        )
        for temporary, path in prepared
    ]
    atomic_write(journal, journals.encode(_mark(lock), entries, key))


def _current_digest(path: Path) -> str | None:
    try:
        return journals.digest(path.read_bytes())
    except FileNotFoundError:
        return None


def finish_interrupted(folder: Path, lock: Lock | None = None) -> list[Path]:
    """Finish the change a killed run left in the journal; the files it replaced now.

    A journal that is not trusted (see `journal`) is refused: EditProblem, nothing replayed,
    the journal kept."""
    journal = folder / JOURNAL_NAME
    if not os.path.lexists(journal):
        return []
    if lock is None:
        with hold_lock(folder) as held:
            return finish_interrupted(folder, held)
    try:
        pending = journals.verify(journal, folder, lock.previous)
    except journals.Untrusted as reason:
        raise EditProblem(f"{journal}: not replayed: {reason} ({JOURNAL_HINT})") from None
    _replace(pending, half_made=journal)
    journal.unlink()
    _sync_folder(folder)
    return [path for _, path in pending]


def _relative(path: Path, base: Path) -> str:
    """`path` relative to the journal's folder, so that moving the repository keeps it true."""
    return Path(os.path.relpath(path.resolve(), base)).as_posix()


def _replace(prepared: list[tuple[Path, Path]], half_made: Path) -> None:
    for temporary, path in prepared:
        try:
            os.replace(temporary, path)
        except OSError as error:
            raise EditProblem(
                f"{path}: cannot write: {_reason(error)}; the change is half made "
                f"(hint: {half_made} names the rest; run the command again to finish it)"
            ) from None
    for folder in {path.parent for _, path in prepared}:
        _sync_folder(folder)


def _replace_one(temporary: Path, path: Path) -> None:
    try:
        os.replace(temporary, path)
    except BaseException as error:
        _discard([temporary])
        if isinstance(error, OSError):
            raise EditProblem(f"{path}: cannot write: {_reason(error)}; nothing written") from None
        raise


def _prepare(path: Path, text: str) -> Path:
    """`text` written and synced to a temporary file beside `path`, with `path`'s mode."""
    mode = path.stat().st_mode & 0o7777 if path.exists() else 0o644
    for stale in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()  # left by a run that was killed before it wrote a journal
    try:
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise EditProblem(f"{path}: cannot write: {_reason(error)}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
    except BaseException as error:
        _discard([Path(temporary)])
        if isinstance(error, OSError):
            raise EditProblem(f"{path}: cannot write: {_reason(error)}") from None
        raise
    return Path(temporary)


def _discard(temporaries: list[Path]) -> None:
    for temporary in temporaries:
        with contextlib.suppress(OSError):
            temporary.unlink()


def _reason(error: BaseException) -> str:
    """'No space left on device', without the errno number and file name."""
    return str(getattr(error, "strerror", None) or error)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
