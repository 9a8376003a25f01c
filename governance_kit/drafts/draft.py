"""Reading a draft: Markdown or plain text, with optional YAML front matter, and positions.

A draft starts with front matter when its first line is `---`; the front matter ends at the
next line that is `---` or `...`. Everything after it is the post. Positions are 1-based
lines and columns (in characters) of the whole file, as an editor shows them.
"""

from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError

from ..findings import Finding
from ..loading.documents import _explain
from ..loading.untrusted import OUTSIDE, Refused, read_regular
from ..loading.yaml_source import Path_, UnreadableYaml, YamlFile, read_yaml
from ..model.common import Id, Strict

MAX_BYTES = 1024 * 1024
STDIN = "<stdin>"


class Media(Strict):
    """An image or video attached to the post."""

    type: Literal["image", "video"] = Field(description="image or video.")
    file: str | None = Field(default=None, description="The file, for the reader's benefit.")
    alt_text: str | None = Field(default=None, description="Alt text of an image.")
    subtitles: bool = Field(default=False, description="Whether a video has subtitles.")


class FrontMatter(Strict):
    """What a draft may say about itself before the post begins."""

    account: Id | None = Field(default=None, description="Account id the post is for.")
    author: Id | None = Field(default=None, description="Person id of whoever publishes it.")
    sponsored: bool = Field(default=False, description="Paid, gifted or partnership content.")
    media: list[Media] = Field(default_factory=list, description="Images and videos.")
    links: list[str] = Field(default_factory=list, description="Links besides those in the text.")
    poll: list[str] = Field(default_factory=list, description="Options of a poll in the post.")


class DraftProblem(Exception):
    """A draft that cannot be checked; carries the one line to report."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


@dataclass
class Draft:
    """A draft post: the whole text, where the post begins, and its front matter."""

    path: Path
    text: str
    body_start: int = 0
    meta: FrontMatter = field(default_factory=FrontMatter)
    meta_file: YamlFile | None = None
    _line_starts: list[int] | None = field(default=None, repr=False)

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    def position(self, offset: int) -> tuple[int, int]:
        """Line and column of a character offset in the whole text."""
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def body_position(self, offset: int) -> tuple[int, int]:
        return self.position(self.body_start + offset)

    def post_start(self) -> tuple[int, int]:
        """Where the post's first visible character stands; where the post begins if blank."""
        body = self.body
        lead = len(body) - len(body.lstrip())
        return self.body_position(lead if lead < len(body) else 0)

    def meta_position(self, path: Path_) -> tuple[int, int] | None:
        """Where a front-matter value stands, or None when the draft does not give it."""
        if self.meta_file is None or not _present(self.meta_file.data, path):
            return None
        return self.meta_file.locate(path)


def _present(data: Any, path: Path_) -> bool:
    for step in path:
        in_list = isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data)
        if not (in_list or (isinstance(data, dict) and step in data)):
            return False
        data = data[step]
    return True


def read_draft(name: str) -> Draft:
    """The draft in file `name`, or on standard input for `-`."""
    path = Path(STDIN if name == "-" else name)
    raw = sys.stdin.buffer.read(MAX_BYTES + 1) if name == "-" else _read_file(path)
    return parse_draft(path, raw)


def _read_file(path: Path) -> bytes:
    """A draft file: a regular file; when it is a symbolic link (a pull request may add one),
    only one that stays inside the current folder. Pipes and devices are refused: - reads
    standard input."""
    base = Path.cwd().resolve() if path.is_symlink() else None
    try:
        return read_regular(path, MAX_BYTES, base)
    except Refused as refused:
        problem = str(refused)
        if problem == OUTSIDE:
            problem = "symbolic link points outside the current folder"
        raise DraftProblem(
            Finding(
                path,
                1,
                1,
                f"{problem}; not read",
                code="",
                hint="give the draft file itself, or - to read standard input",
            )
        ) from None
    except OSError as error:
        raise DraftProblem(
            Finding(path, 1, 1, f"cannot read draft: {error.strerror}", code="")
        ) from None


def parse_draft(path: Path, raw: bytes) -> Draft:
    if len(raw) > MAX_BYTES:
        raise DraftProblem(
            Finding(
                path,
                1,
                1,
                f"draft is larger than {MAX_BYTES >> 20} MiB; no post is that long",
                code="",
            )
        )
    text = _decode(path, raw)
    return _split(path, text.replace("\r\n", "\n").replace("\r", "\n"))


def _decode(path: Path, raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _byte_position(raw, error.start)
        raise DraftProblem(
            Finding(
                path,
                line,
                column,
                f"draft is not UTF-8 text (byte 0x{raw[error.start]:02x})",
                hint="save it as UTF-8",
                code="",
            )
        ) from None
    if "\x00" in text:
        line, column = _byte_position(raw, raw.index(b"\x00"))
        raise DraftProblem(Finding(path, line, column, "draft is binary, not text", code=""))
    return text


def _byte_position(raw: bytes, index: int) -> tuple[int, int]:
    before = raw[:index]
    return before.count(b"\n") + 1, len(before) - (before.rfind(b"\n") + 1) + 1


def _split(path: Path, text: str) -> Draft:
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return Draft(path, text)
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        raise DraftProblem(
            Finding(
                path,
                1,
                1,
                "front matter is not closed",
                hint="end it with a line '---' before the post begins",
                code="",
            )
        )
    front = "\n" + "\n".join(lines[1:end])
    body_start = sum(len(line) + 1 for line in lines[: end + 1])
    draft = Draft(path, text, min(body_start, len(text)))
    if front.strip():
        draft.meta_file = _front_matter(path, front)
        draft.meta = _validate(draft.meta_file)
    return draft


def _front_matter(path: Path, front: str) -> YamlFile:
    try:
        file = read_yaml(path, front)
    except UnreadableYaml as problem:
        if problem.finding.message == "file is empty":
            return YamlFile(path, {}, read_yaml(path, "{}").positions)
        raise DraftProblem(problem.finding) from None
    if not isinstance(file.data, dict):
        line, column = file.locate(())
        raise DraftProblem(
            Finding(path, line, column, "front matter must be a mapping of fields", code="")
        )
    return file


def _validate(file: YamlFile) -> FrontMatter:
    try:
        return FrontMatter.model_validate(file.data)
    except ValidationError as error:
        first = _explain(file, FrontMatter, error.errors()[0])
        raise DraftProblem(first) from None
