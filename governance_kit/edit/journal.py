"""The journal of a change to several files, and when a journal is trusted enough to finish.

A journal lists, for each file, the temporary file holding its new text, the digests of the
new and of the old text, the token of the run that wrote it, and a keyed digest (HMAC-SHA256)
of all that. The key is 32 random bytes in the user's own state folder
(`$XDG_STATE_HOME/govkit/journal.key`, by default `~/.local/state/govkit/`), never in the
repository. A journal is finished only when all of these hold:

- the keyed digest matches: only a govkit run of this user on this machine can write one, so
  a journal (or a journal and a lock) that came with a pull request or a copy never verifies;
- the lock file names the run that wrote it (a killed run leaves its lock behind);
- every path is relative, inside the folder, with no part starting with '.' and no symbolic
  link on the way, and ends in .yaml or .yml (a policy file); each temporary file is named
  `.<name>.<random>.tmp` beside its file, is a regular file of this user with one link, and
  holds exactly the new text;
- each file still holds its old text, so an edit made after the run stopped is not lost.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
import secrets
import stat
from pathlib import Path, PurePosixPath
from typing import Any

KEY_NAME = "journal.key"
KEY_BYTES = 32
POLICY_SUFFIXES = (".yaml", ".yml")
RANDOM_PART = re.compile(r"[a-z0-9_]{8}")

Entry = tuple[str, str, str, str | None]
"""(temporary file, file, digest of the new text, digest of the old text or None)."""


class Untrusted(Exception):
    """A journal that is not finished; the message says why, in a few words."""


def encode(run: str, entries: list[Entry], key: bytes) -> str:
    """The journal text: entries, run token and keyed digest."""
    body = {"run": run, "replace": [list(entry) for entry in entries]}
    body["digest"] = _sign(key, run, entries)
    return json.dumps(body, indent=1) + "\n"


def decode(journal: Path) -> tuple[str, list[Entry], str]:
    """(run token, entries, digest) of a journal, or Untrusted."""
    try:
        handle = os.open(journal, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        raise Untrusted("it is not a regular file") from None
    with os.fdopen(handle, "rb") as stream:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise Untrusted("it is not a regular file")
        text = stream.read(1_000_000)
    try:
        body = json.loads(text)
        run, digest = body["run"], body["digest"]
        entries = [_entry(item) for item in body["replace"]]
    except (ValueError, KeyError, TypeError):
        raise Untrusted("it is not a journal govkit writes") from None
    if not isinstance(run, str) or not isinstance(digest, str):
        raise Untrusted("it is not a journal govkit writes")
    return run, entries, digest


def _entry(item: Any) -> Entry:
    temporary, target, new, old = item
    if not all(isinstance(text, str) for text in (temporary, target, new)):
        raise TypeError
    if old is not None and not isinstance(old, str):
        raise TypeError
    return temporary, target, new, old


def verify(journal: Path, folder: Path, previous_run: str) -> list[tuple[Path, Path]]:
    """The (temporary file, file) pairs still to replace, if the journal is trusted."""
    run, entries, digest = decode(journal)
    for temporary, target, _, _ in entries:
        check_names(temporary, target)
    key = read_key()
    if key is None or not hmac.compare_digest(digest, _sign(key, run, entries)):
        raise Untrusted("its digest does not match, so no govkit run of this user wrote it")
    if not previous_run or not hmac.compare_digest(run, previous_run):
        raise Untrusted("the lock file does not name the run that wrote it")
    base = folder.resolve()
    pending = []
    for temporary, target, new, old in entries:
        _no_link_on_the_way(base, target)
        prepared = _digest_of(base / temporary, temporary, missing_ok=True)
        if prepared is None:
            continue  # already renamed into place before the run stopped
        if prepared != new:
            raise Untrusted(f"'{temporary}' does not hold the text the stopped run prepared")
        if _digest_of(base / target, target, missing_ok=True, owned=False) != old:
            raise Untrusted(f"'{target}' was changed after the run stopped")
        pending.append((base / temporary, base / target))
    return pending


def check_names(temporary: str, target: str) -> None:
    """A policy file inside the folder, and a temporary file govkit makes for it beside it."""
    if any(character in name for name in (temporary, target) for character in "\\\0"):
        raise Untrusted("a path holds a backslash or a NUL character")
    path = PurePosixPath(target)
    if path.is_absolute():
        raise Untrusted(f"'{target}' is not a relative path")
    if not path.parts or any(part.startswith(".") for part in path.parts):
        raise Untrusted(f"'{target}' is not a path inside the folder")
    if path.suffix not in POLICY_SUFFIXES:
        raise Untrusted(f"'{target}' is not a policy file")
    beside = PurePosixPath(temporary)
    prefix, suffix = f".{path.name}.", ".tmp"
    name = beside.name
    if (
        beside.parent != path.parent
        or not name.startswith(prefix)
        or not name.endswith(suffix)
        or not RANDOM_PART.fullmatch(name[len(prefix) : -len(suffix)])
    ):
        raise Untrusted(f"'{temporary}' is not a temporary file govkit makes for '{target}'")


def _no_link_on_the_way(base: Path, target: str) -> None:
    folder = base
    for part in PurePosixPath(target).parts[:-1]:
        folder = folder / part
        try:
            kind = os.lstat(folder).st_mode
        except OSError:
            kind = 0
        if not stat.S_ISDIR(kind):
            raise Untrusted(f"'{target}' goes through a symbolic link or a missing folder")


def _digest_of(
    path: Path, shown: str, *, missing_ok: bool = False, owned: bool = True
) -> str | None:
    """SHA-256 of a regular file (not followed if a link); None if it is missing."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        if missing_ok:
            return None
        raise Untrusted(f"'{shown}' is missing") from None
    except OSError:
        raise Untrusted(f"'{shown}' is not a regular file") from None
    with os.fdopen(handle, "rb") as stream:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            raise Untrusted(f"'{shown}' is not a regular file")
        if owned and (status.st_uid != os.geteuid() or status.st_nlink != 1):
            raise Untrusted(f"'{shown}' is not a file of this user with a single name")
        return hashlib.sha256(stream.read()).hexdigest()


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _sign(key: bytes, run: str, entries: list[Entry]) -> str:
    message = json.dumps([run, [list(entry) for entry in entries]], separators=(",", ":"))
    return hmac.new(key, message.encode("utf-8"), hashlib.sha256).hexdigest()


def key_path() -> Path:
    """Where this user's journal key lives: outside every repository."""
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "govkit" / KEY_NAME


def read_key() -> bytes | None:
    try:
        key = key_path().read_bytes()
    except (OSError, RuntimeError):
        return None
    return key if len(key) == KEY_BYTES else None


def make_key() -> bytes:
    """This user's journal key, made on first use (raises OSError when it cannot be)."""
    key = read_key()
    if key is not None:
        return key
    path = key_path()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = path.with_name(f".{KEY_NAME}.{secrets.token_hex(8)}.tmp")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(secrets.token_bytes(KEY_BYTES))
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)  # two first runs at once: the first key stays
    finally:
        temporary.unlink()
    key = read_key()
    if key is None:
        raise OSError(f"{path} is not a key of {KEY_BYTES} bytes")
    return key
