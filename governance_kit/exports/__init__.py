"""Exports of the systems of record, read offline: the identity provider (Microsoft Entra ID,
Google Workspace), the password manager (1Password, Bitwarden JSON and CSV) and the platforms
(Meta, LinkedIn, a CSV for the rest). One module per format; `read_export` recognises a file by
its shape unless its kind is named. Every export is untrusted input: a file that cannot be read is
one ExportProblem with its line and column, never a traceback.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

from ..model.settings import HrColumns
from . import hr as hr_reader
from .records import Export as Export
from .records import ExportProblem
from .source import Source, read_source

__all__ = ["KINDS", "Export", "ExportProblem", "read_export"]

KINDS: dict[str, str] = {
    "entra-users": "entra",
    "google-users": "google",
    "1password-items": "onepassword_items",
    "1password-vault-users": "onepassword_users",
    "bitwarden": "bitwarden",
    "bitwarden-csv": "bitwarden_csv",
    "meta-assigned-users": "meta",
    "meta-business-users": "meta_business",
    "linkedin-acls": "linkedin",
    "platform-admins": "platform_admins",
    "hr-csv": "hr",
}
"""Kind name (as `--kind` takes it) -> reader module."""


def read_export(
    path: Path, kind: str | None = None, subject: str | None = None, hr: HrColumns | None = None
) -> Export:
    """The export at `path`, of `kind` (recognised by its shape when None); `subject` names the
    account or vault when the file does not; `hr` the columns of an HR export (Settings)."""
    source = read_source(path)
    chosen = kind or recognise(source, hr)
    if chosen == "hr-csv":
        return hr_reader.read(source, subject, hr)
    module = importlib.import_module(f"{__package__}.{KINDS[chosen]}")
    return module.read(source, subject)


def recognise(source: Source, hr: HrColumns | None = None) -> str:
    """The kind of an export from its first line (a CSV header) or its JSON shape; an HR
    export by the columns Settings name for it."""
    text = source.text.lstrip()
    if text.startswith(("{", "[")):
        return _json_kind(source)
    header = text.partition("\n")[0]
    named = {cell.strip().strip('"') for cell in header.split(",")}
    if hr is not None and {hr.login, hr.status} <= named:
        return "hr-csv"
    for needle, kind in (
        ("userPrincipalName", "entra-users"),
        ("Email Address [Required]", "google-users"),
    ):
        if needle in header:
            return kind
    cells = {cell.strip().strip('"') for cell in header.split(",")}
    if {"account", "person", "role"} <= cells:
        return "platform-admins"
    if {"name", "login_password"} <= cells:
        return "bitwarden-csv"
    raise _unknown(source.path)


def _json_kind(source: Source) -> str:
    # The shape is judged on the first record only; the reader checks the rest.
    head = source.text.lstrip()[:1]
    try:
        document = json.loads(source.text, object_pairs_hook=_shape)
    except (ValueError, RecursionError):  # the reader reports it
        return "1password-items" if head == "[" else "meta-assigned-users"  # reader reports
    if isinstance(document, dict):
        if "items" in document and ("encrypted" in document or "folders" in document):
            return "bitwarden"
        if "elements" in document:
            return "linkedin-acls"
        if "data" in document:
            data = document["data"]
            first = data[0] if isinstance(data, list) and data else None
            if isinstance(first, dict) and "role" in first and "tasks" not in first:
                return "meta-business-users"
            return "meta-assigned-users"
    if isinstance(document, list) and document and isinstance(document[0], dict):
        if "vault" in document[0]:
            return "1password-items"
        if "email" in document[0]:
            return "1password-vault-users"
    raise _unknown(source.path)


_SHAPE_KEYS = frozenset(
    {"items", "encrypted", "folders", "elements", "data", "vault", "email", "role", "tasks"}
)


def _shape(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """Only the keys that tell the kinds apart (a Bitwarden export's secrets are not kept)."""
    return {key: value for key, value in pairs if key in _SHAPE_KEYS}


def _unknown(path: Path) -> ExportProblem:
    return ExportProblem(
        path, 1, 1, "cannot tell which export this is", f"name it with --kind: {', '.join(KINDS)}"
    )
