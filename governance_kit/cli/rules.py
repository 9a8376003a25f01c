"""`govkit rules`: list the rules, explain one, or write the rule pages of docs/rules/."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import output as out
from .. import ruledocs
from ..controls import title, with_titles
from ..ruledocs import (
    AnyRule,
    every_rule,
    kind_text,
    needs_text,
    reads_text,
    rule_by_code,
    suggestion,
)
from .common import fail, text_or_json

HEADERS = ("CODE", "NAME", "SEVERITY", "SUMMARY")


@click.command("rules")
@click.argument("code", required=False)
@text_or_json
@click.option(
    "--export-docs",
    "export_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    metavar="DIR",
    help="Write the rule pages (index.md and CODE.md) into DIR, e.g. docs/rules.",
)
def rules(code: str | None, fmt: str, export_dir: Path | None) -> None:
    """List every rule, or explain the rule CODE (a code such as GK101 or a name)."""
    if export_dir is not None:
        for written in ruledocs.export(export_dir):
            click.echo(out.terminal(written))
        return
    if code is None:
        click.echo(out.json(rule_list()) if fmt == "json" else table(), nl=fmt == "text")
        return
    rule = find(code)
    click.echo(out.json(as_dict(rule)) if fmt == "json" else explain(rule), nl=fmt == "text")


def find(code: str) -> AnyRule:
    rule = rule_by_code(code.strip())
    if rule is None:
        fail(f"unknown rule '{code}'", suggestion(code))
    return rule


def as_dict(rule: AnyRule) -> dict[str, object]:
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity,
        "summary": rule.summary,
        "controls": list(rule.controls),
        "control_titles": {ident: title(ident) for ident in rule.controls},
        "validation": rule.validation,
        "kind": kind_text(rule).split(" (")[0],
        "needs": list(getattr(rule, "needed", tuple)()),
        "explanation": rule.explanation(),
        "help_uri": ruledocs.help_uri(rule),
    }


def rule_list() -> list[dict[str, object]]:
    return [as_dict(rule) for rule in every_rule()]


def rows() -> list[tuple[str, str, str, str]]:
    return [(r.code, r.name, r.severity, r.summary) for r in every_rule()]


def table() -> str:
    """A rich table on a terminal; plain aligned columns otherwise (pipes, files, tests)."""
    if sys.stdout.isatty():
        return rich_table()
    widths = [max(len(row[i]) for row in [HEADERS, *rows()]) for i in range(3)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True))
        + "  "
        + row[3]
        for row in [HEADERS, *rows()]
    ]
    return "\n".join(lines)


def rich_table() -> str:
    from rich.console import Console
    from rich.table import Table

    grid = Table(*HEADERS, box=None, header_style="bold")
    for row in rows():
        grid.add_row(*row)
    console = Console()
    with console.capture() as captured:
        console.print(grid)
    return captured.get().rstrip("\n")


def explain(rule: AnyRule) -> str:
    return "\n".join(
        [
            f"{rule.code} {rule.name}",
            f"Kind: {kind_text(rule).replace('`', '')}",
            f"Severity: {rule.severity}",
            f"Controls: {', '.join(with_titles(rule.controls)) or 'none'}",
            f"Summary: {rule.summary}",
            *([f"Reads: {reads_text(rule).replace('`', '')}"] if reads_text(rule) else []),
            *([f"Needs valid: {needs_text(rule)}"] if needs_text(rule) else []),
            "",
            rule.explanation(),
            "",
            f"More: {ruledocs.help_uri(rule)}",
        ]
    )
