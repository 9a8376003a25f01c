"""Reading an export file safely: a regular file only, at most MAX_BYTES, decoded from UTF-8
or UTF-16 (with or without a byte-order mark), its SHA-256 and date taken for the evidence;
CSV tables and JSON documents with the line and column of what they hold."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ..loading.untrusted import Refused, judge, read_regular
from ..output import visible
from .records import Evidence, ExportProblem

MAX_BYTES = 32 * 1024 * 1024
"""The largest export read: 50,000 users of an identity provider take about 15 MiB."""

_FILE_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these is a formula to a spreadsheet (CSV injection)."""


@dataclass(frozen=True)
class Source:
    """An export's text and evidence; the text is dropped once the reader has parsed it."""

    path: Path
    text: str
    sha256: str
    modified: date


def problem(path: Path, message: str, hint: str, line: int = 1, column: int = 1) -> ExportProblem:
    """The one-line refusal of an export: what it quotes from the file shows its line breaks
    and control characters written out."""
    return ExportProblem(path, line, column, visible(message), hint)


def read_source(path: Path) -> Source:
    """The file's text; ExportProblem when it is not a readable regular file of at most
    MAX_BYTES in UTF-8 or UTF-16."""
    base = path.parent.resolve()
    why = judge(path, base) if path.exists() or path.is_symlink() else "no such file"
    if why is None and path.is_dir():
        why = "a folder"
    if why is not None:
        raise problem(path, f"cannot read the export: {why}", "give the exported file")
    try:
        raw = read_regular(path, MAX_BYTES, base)
        modified = datetime.fromtimestamp(path.stat().st_mtime, UTC).date()
    except (OSError, Refused) as error:
        raise problem(path, f"cannot read the export: {error}", "give the exported file") from None
    if len(raw) > MAX_BYTES:
        raise problem(
            path,
            f"the export is larger than {MAX_BYTES // (1024 * 1024)} MiB",
            "export only the users or accounts of the social-media team",
        )
    return Source(path, decode(path, raw), hashlib.sha256(raw).hexdigest(), modified)


def decode(path: Path, raw: bytes) -> str:
    """UTF-8 (a byte-order mark dropped) or UTF-16 with its byte-order mark."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as error:
            raise problem(path, "invalid UTF-16", "save the export as UTF-8") from error
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise problem(
            path, "not UTF-8 text", "save the export as UTF-8 (or UTF-16)", line, column
        ) from None


def evidence(source: Source, kind: str, system: str) -> Evidence:
    """The export's evidence, dated by a date in its file name (exportUsers_2026-11-20.csv),
    else by the day the file was last modified: none of the formats read dates itself."""
    named = file_date(source.path.name)
    if named is not None:
        return Evidence(source.path, kind, system, source.sha256, named, "file name")
    return Evidence(source.path, kind, system, source.sha256, source.modified, "file modified")


def file_date(name: str) -> date | None:
    for match in _FILE_DATE.finditer(name):
        try:
            return date(*(int(part) for part in match.groups()))
        except ValueError:
            continue
    return None


@dataclass(frozen=True)
class Row:
    """A CSV row: its cells by column name, its line, and the column number of each name."""

    cells: dict[str, str]
    line: int
    columns: dict[str, int]

    def get(self, name: str) -> str:
        return (self.cells.get(name) or "").strip()

    def column(self, name: str) -> int:
        return self.columns.get(name, 1)


def csv_rows(source: Source, required: Iterable[str], read: Iterable[str] = ()) -> list[Row]:
    """The rows of a CSV export with a header line holding every `required` column.

    Only the columns `required` and `read` are kept (a password column of an export never
    is); a cell of those that starts like a spreadsheet formula (`=cmd|...`) is refused, as is
    a row with more cells than the header.
    """
    path = source.path
    reader = csv.reader(io.StringIO(source.text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise problem(
            path, f"not a CSV table: {error}", "give the export as it was downloaded"
        ) from None
    if not header:
        raise problem(path, "the export is empty", "give the export as it was downloaded")
    header = [name.strip() for name in header]
    missing = [name for name in required if name not in header]
    if missing:
        raise problem(
            path,
            f"column '{missing[0]}' is missing",
            f"the header has {', '.join(repr(h) for h in header[:6])}; give --kind for another "
            "export",
        )
    kept = {name: header.index(name) for name in [*required, *read] if name in header}
    seen = [name for name in kept if header.count(name) > 1]
    if seen:
        raise problem(
            path,
            f"column '{seen[0]}' appears twice",
            "keep one of them",
            1,
            header.index(seen[0]) + 2,
        )
    return list(_rows(path, reader, header, kept))


def _rows(path: Path, reader: Any, header: list[str], kept: dict[str, int]) -> Iterable[Row]:
    columns = {name: index + 1 for name, index in kept.items()}
    while True:
        try:
            cells = next(reader, None)
        except csv.Error as error:
            raise problem(
                path, f"not a CSV table: {error}", "give the export as downloaded", reader.line_num
            ) from None
        if cells is None:
            return
        if not any(cell.strip() for cell in cells):
            continue
        line = reader.line_num
        if len(cells) > len(header):
            raise problem(
                path,
                f"{len(cells)} cells but {len(header)} columns",
                "quote cells that hold a comma",
                line,
                len(header) + 1,
            )
        row = {name: cells[index] if index < len(cells) else "" for name, index in kept.items()}
        for name, value in row.items():
            if value.startswith(FORMULA_START) and not _number(value):
                raise problem(
                    path,
                    f"cell '{name}' holds a spreadsheet formula",
                    "remove the formula from the export",
                    line,
                    columns[name],
                )
        yield Row(row, line, columns)


def _number(value: str) -> bool:
    """A number (+47 915 50 231, -3) or a handle (@nordlysoutdoor): data, not a formula."""
    return bool(re.fullmatch(r"[+-]?\d[\d .]*|@[A-Za-z0-9_.]+", value))


Hook = Callable[[list[tuple[str, Any]]], Any]


def json_document(source: Source, hook: Hook | None = None) -> Any:
    """The JSON document; `hook` sees every object as it is parsed (to drop secret fields)."""
    try:
        return json.loads(source.text, object_pairs_hook=hook)
    except json.JSONDecodeError as error:
        raise problem(
            source.path,
            f"invalid JSON: {error.msg}",
            "give the export as it was written",
            error.lineno,
            error.colno,
        ) from None
    except RecursionError:
        raise problem(
            source.path, "invalid JSON: nested too deeply", "give the export as it was written"
        ) from None
    except ValueError:  # a number of more than 4,300 digits
        raise problem(
            source.path, "invalid JSON: a number too long", "give the export as it was written"
        ) from None


def lines_of(text: str, values: Iterable[str]) -> list[int]:
    """The line of each value's first appearance as a JSON string after the previous one (the
    records of an export, in order); 1 when it is not found. Lines are counted once, onwards."""
    found, offset, line = [], 0, 1
    for value in values:
        needle = json.dumps(value)
        at = text.find(needle, offset)
        if at < 0:
            found.append(1)
            continue
        line += text.count("\n", offset, at)
        offset = at + len(needle)
        found.append(line)
    return found


def field_of(path: Path, record: Any, name: str, line: int, *, required: bool = True) -> str:
    """A text field of a JSON record; ExportProblem when it is missing or not text."""
    if not isinstance(record, dict):
        raise problem(path, "a record is not a JSON object", "give the export as written", line)
    value = record.get(name)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value.strip():
        raise problem(
            path, f"field '{name}' is missing or not text", "give the export as written", line
        )
    if value.startswith(FORMULA_START) and not _number(value):
        raise problem(path, f"field '{name}' holds a spreadsheet formula", "remove it", line)
    return value.strip()


def list_of(path: Path, document: Any, key: str | None) -> list[Any]:
    """The list of records at `key` of the document (the document itself when None)."""
    found = document
    if key is not None:
        found = document.get(key) if isinstance(document, dict) else None
    if not isinstance(found, list):
        where = f"'{key}'" if key else "the document"
        raise problem(path, f"{where} is not a list of records", "give the export as written")
    return found


def no_duplicates(path: Path, keys: Iterable[tuple[str, int, int]], noun: str) -> None:
    """ExportProblem at the second of two records with the same key (case ignored)."""
    first: dict[str, int] = {}
    for key, line, column in keys:
        folded = key.casefold()
        if folded in first:
            raise problem(
                path,
                f"{noun} '{key}' appears twice (first on line {first[folded]})",
                "export again, or remove the duplicated row",
                line,
                column,
            )
        first[folded] = line


def yes_no(path: Path, value: str, name: str, line: int, column: int) -> bool:
    """True/False as exports write them (True, FALSE, yes, no)."""
    folded = value.strip().casefold()
    if folded in {"true", "yes"}:
        return True
    if folded in {"false", "no"}:
        return False
    raise problem(
        path,
        f"'{name}' is '{value}', not True or False",
        "give the export as downloaded",
        line,
        column,
    )


def named(source: Source, subject: str | None, what: str, example: str) -> str:
    """The account or vault the export is of, given as --from NAME=FILE (`example`)."""
    if subject is None:
        raise problem(source.path, f"the export does not name its {what}", f"give it as {example}")
    return subject
