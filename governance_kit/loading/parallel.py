"""Reading many policy files on every core: parsing in worker processes, validating here.

Parsing is most of the cost of a check and each file parses on its own, so a large repository
is parsed by a pool of forked workers that send back plain data (or the one finding of an
unreadable file). Small repositories, a single core, or a platform without `fork` are read in
this process: the pool would cost more than it saves there.
"""

from __future__ import annotations

import gc
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from ruamel.yaml.error import YAMLError

from ..findings import Finding
from ..model.governance import Secret
from .secret_scan import secrets_in_lines
from .untrusted import Refused, read_regular
from .yaml_events import locate_many
from .yaml_source import MAX_BYTES, UnreadableYaml, YamlFile, decode, events, read_yaml

T = TypeVar("T")
R = TypeVar("R")

MIN_BYTES = 2 * 1024 * 1024
"""Below this much YAML, files are read in this process."""


def workers(paths: Sequence[Path]) -> int:
    """How many processes to read `paths` with: 1 unless the repository is large."""
    if sys.platform != "linux" or len(paths) < 4:
        return 1
    limit = os.environ.get("GOVKIT_JOBS")
    cores = int(limit) if limit and limit.isdigit() else (os.cpu_count() or 1)
    if cores < 2:
        return 1
    total = 0
    for path in paths:
        try:
            total += path.stat().st_size
        except OSError:
            continue
    return min(cores, 8) if total >= MIN_BYTES or limit else 1


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while many objects are made (and none of them is cyclic).

    Reading a large repository makes millions of dicts, lists and models; the collector would
    walk them all again and again for nothing. Workers forked meanwhile inherit the pause.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def map_files(function: Callable[[T], R], items: Sequence[T], jobs: int) -> Iterator[R]:
    """`function` over `items`, in order; in a pool of `jobs` forked processes when above 1."""
    if jobs <= 1:
        yield from map(function, items)
        return
    import multiprocessing  # only for a large repository: a small one never pays for it
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, len(items) // (jobs * 8))
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        yield from pool.map(function, items, chunksize=chunk)


def parse(path: Path, base: Path | None = None) -> tuple[Any, list[Secret], Finding | None]:
    """A file's plain data and what in its values and comments looks like a secret, or the
    finding that says why it cannot be read, what in its lines looks like a secret, and (in
    place of the data) the kind a line `kind: ...` of its text names (runs in a worker);
    `base` as for `read_yaml`."""
    try:
        file = read_yaml(path, base=base, positions=False)
    except UnreadableYaml as error:
        if error.text is None:
            return None, [], error.finding
        return kind_in_text(error.text), secrets_in_lines(error.text), error.finding
    return file.data, file.scan(), None


KIND_LINE = re.compile(r"^kind:[ \t]*[\"']?([A-Za-z]+)", re.MULTILINE)


def kind_in_text(text: str) -> str | None:
    """The document kind a line `kind: NAME` of a file's text names, if it is a known one."""
    from ..model.kinds import KINDS

    found = KIND_LINE.search(text)
    return found.group(1) if found and found.group(1) in KINDS else None


def as_file(path: Path, data: Any, secrets: list[Secret]) -> YamlFile:
    """A parsed file whose positions are read again only if a message needs them."""
    return YamlFile(path, data, None, secrets=secrets)


def positions(job: tuple[Path, str | None, list[tuple[Any, bool]]]) -> list[tuple[int, int]]:
    """(line, column) of each (path, key?) in one file (runs in a worker).

    The parser's events are followed along the wanted paths only; a file whose wanted paths
    go through aliases or merge keys is built in full instead.
    """
    path, text, wanted = job
    try:
        raw = read_regular(path, MAX_BYTES) if text is None else b""
        found = locate_many(events(text or decode(raw, path)), wanted)
    except (OSError, YAMLError, UnreadableYaml, Refused):
        found = None
    if found is not None:
        return found
    file = read_yaml(path, text)
    return [file.locate(where, key=key) for where, key in wanted]
