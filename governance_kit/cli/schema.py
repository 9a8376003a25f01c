"""`govkit schema`: export the JSON Schemas generated from the model."""

from __future__ import annotations

from pathlib import Path

import click

from .. import schemas
from ..output import terminal


@click.group()
def schema() -> None:
    """JSON Schemas of the policy files, generated from the model."""


@schema.command("export")
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path),
    default=Path("schemas"),
    show_default=True,
    help="Folder to write the schemas into.",
)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if the files differ.")
def export(out: Path, check: bool) -> None:
    """Write one JSON Schema (draft 2020-12) per document kind into --out."""
    if check:
        stale = schemas.drift(out)
        for name in stale:
            click.echo(f"{terminal(out / name)}: out of date; run 'govkit schema export'")
        raise SystemExit(1 if stale else 0)
    for written in schemas.export(out):
        click.echo(terminal(written))
