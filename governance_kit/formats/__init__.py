"""Reporters: turn a check result into text, JSON, SARIF, GitHub annotations or JUnit XML.

Each reporter module has `render(result, *, color=False) -> str`; FORMATS maps the names
accepted by `govkit check --format` to them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from . import github, json_report, junit, sarif, text

if TYPE_CHECKING:
    from ..checker import CheckResult

Render = Callable[..., str]

FORMATS: dict[str, Render] = {
    "text": text.render,
    "json": json_report.render,
    "sarif": sarif.render,
    "github": github.render,
    "junit": junit.render,
}


def render(result: CheckResult, fmt: str, *, color: bool = False) -> str:
    return FORMATS[fmt](result, color=color)
