"""JSON Schemas (draft 2020-12) generated from the models, one file per document kind."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .model import KINDS

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_BASE = "https://governance-kit.dev/schemas/v1/"


def schema_name(kind: str) -> str:
    return f"{kind.lower()}.schema.json"


def schema_for(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind, standalone (all definitions inside)."""
    schema = KINDS[kind].model_json_schema(by_alias=True, mode="validation")
    return {"$schema": DIALECT, "$id": SCHEMA_BASE + schema_name(kind), **schema}


def render(kind: str) -> str:
    return json.dumps(schema_for(kind), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def export(directory: Path) -> list[Path]:
    """Write every schema into `directory`; return the files written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        target = directory / schema_name(kind)
        target.write_text(render(kind), encoding="utf-8")
        written.append(target)
    return written


def drift(directory: Path) -> list[str]:
    """Schema files in `directory` that differ from the models (missing ones included)."""
    return [
        schema_name(kind)
        for kind in KINDS
        if not (directory / schema_name(kind)).is_file()
        or (directory / schema_name(kind)).read_text(encoding="utf-8") != render(kind)
    ]
