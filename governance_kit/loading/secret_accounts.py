"""Which account a secret stands in: GK305 names it, and a waiver may waive it per account."""

from __future__ import annotations

import re
from typing import Any

from ..model.common import ID_PATTERN
from ..model.governance import Path_
from .secrets import looks_like_secret

REGISTRY = "AccountRegistry"


def raw_account_ids(data: Any) -> list[Any]:
    """The ids of the accounts of a parsed file meant as an AccountRegistry, as written."""
    spec = data.get("spec") if isinstance(data, dict) else None
    if not isinstance(spec, dict) or data.get("kind") != REGISTRY:
        return []
    entries = spec.get("accounts")
    if not isinstance(entries, list):
        return []
    return [entry.get("id") if isinstance(entry, dict) else None for entry in entries]


def account_at(ids: list[Any], path: Path_) -> str | None:
    """The id of the account whose entry the value at `path` stands in, when it has one that
    is a well-formed id and does not itself look like a secret (it is printed as the target)."""
    if len(path) < 3 or tuple(path[:2]) != ("spec", "accounts") or not isinstance(path[2], int):
        return None
    ident = ids[path[2]] if path[2] < len(ids) else None
    if not isinstance(ident, str) or not re.match(ID_PATTERN, ident):
        return None
    return None if looks_like_secret("id", ident) is not None else ident
