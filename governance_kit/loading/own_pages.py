"""The company's own pages (PATH/handbook/) and mkdocs.yml: what may be published, judged once
for both `govkit docs build` (which refuses to build) and rule GK972 (which flags it on the pull
request).

Only regular files and folders inside the policy repository are published: a symbolic link out
of it (to /etc/passwd, a CI secret, /dev/zero), a linked folder, a pipe, socket or device, and
a Markdown page that is not UTF-8 are refused, each with one finding naming the path.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..findings import Finding
from .untrusted import (
    BROKEN_LINK,
    FOLDER_LINK,
    NOT_REGULAR,
    OUTSIDE,
    Refused,
    judge,
    read_regular,
    walk,
)
from .yaml_source import UnreadableYaml, decode

HANDBOOK = "handbook"
CODE = "GK972"
MAX_BYTES = 16 * 1024 * 1024

HINTS = {
    OUTSIDE: "copy what it points to into the repository instead",
    FOLDER_LINK: "move the pages into handbook/ instead of linking a folder",
    NOT_REGULAR: "handbook pages are plain files, not pipes, sockets or devices",
    BROKEN_LINK: "remove the link or restore what it points to",
}


@dataclass
class OwnPages:
    """The files of PATH/handbook/ that may be published (by path from it), and the refused."""

    files: dict[str, bytes] = field(default_factory=dict)
    refused: list[Finding] = field(default_factory=list)


def own_pages(root: Path) -> OwnPages:
    """Judge and read every entry of `root`/handbook/ (hidden ones aside). The company's
    mkdocs.yml is judged with its settings (`site_config`, GK970)."""
    pages = OwnPages()
    folder = root if root.is_dir() else root.parent
    base = folder.resolve()
    source = folder / HANDBOOK
    if not root.is_dir() or not _judge_present(source, base, pages) or not source.is_dir():
        return pages
    for path in walk(source):
        problem = judge(path, base)
        if problem is not None:
            pages.refused.append(_refused(path, problem))
        elif not path.is_dir():
            _read(path, base, path.relative_to(source).as_posix(), pages)
    return pages


def _judge_present(path: Path, base: Path, pages: OwnPages) -> bool:
    """Whether `path` exists and may be read; a finding when it exists and may not."""
    if not os.path.lexists(path):
        return False
    problem = judge(path, base)
    if problem is not None:
        pages.refused.append(_refused(path, problem))
    return problem is None


def _read(path: Path, base: Path, relative: str, pages: OwnPages) -> None:
    try:
        content = read_regular(path, MAX_BYTES, base)
    except Refused as refused:
        pages.refused.append(_refused(path, str(refused)))
        return
    except OSError as error:
        pages.refused.append(_finding(path, f"cannot read file: {error.strerror}"))
        return
    if len(content) > MAX_BYTES:
        pages.refused.append(_finding(path, f"file is larger than {MAX_BYTES >> 20} MiB"))
        return
    if path.suffix == ".md":
        try:
            decode(content, path)
        except UnreadableYaml as error:
            found = error.finding
            pages.refused.append(
                replace(
                    _finding(path, found.message, found.hint), line=found.line, column=found.column
                )
            )
            return
    pages.files[relative] = content


def _refused(path: Path, problem: str) -> Finding:
    return _finding(path, problem, HINTS.get(problem))


def _finding(path: Path, problem: str, hint: str | None = None) -> Finding:
    return Finding(path, 1, 1, f"{problem}; not published", code=CODE, severity="error", hint=hint)
