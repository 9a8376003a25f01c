"""Reporters: turn a check result into text, JSON, SARIF, GitHub annotations or JUnit XML.

Each reporter module has `render(result, *, color=False) -> str`; FORMATS maps the names
accepted by `govkit check --format` to their modules.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..checker import CheckResult

FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json_report",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
}
"""Format name -> reporter module, imported only when that format is asked for, so that
`govkit check` in text does not pay for the SARIF rule catalogue."""


def render(result: CheckResult, fmt: str, *, color: bool = False) -> str:
    module = importlib.import_module(f"{__package__}.{FORMATS[fmt]}")
    return module.render(result, color=color)
