"""`govkit docs`: build or serve the employee handbook generated from the governance model."""

from __future__ import annotations

import datetime as dt
import functools
import sys
import tempfile
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import click

from ..handbook.site import HandbookError, build_site
from ..reporters.text import format_finding
from ..workflow.gitrefs import warn_if_shallow
from .common import EXIT_INVALID, fail, load, policy_path, today_option


def _valid_repository(path: Path):
    repository = load(path)
    if repository.findings:
        for finding in repository.findings:
            click.echo(format_finding(finding))
        click.echo(f"{len(repository.findings)} problem(s) in {path}; handbook not built", err=True)
        sys.exit(EXIT_INVALID)
    return repository


def _build(path: Path, site_dir: Path, today: dt.date | None) -> Path:
    repository = _valid_repository(path)
    warn_if_shallow(path, "the change history of each policy lists only the commits fetched")
    with tempfile.TemporaryDirectory(prefix="govkit-handbook-") as work:
        try:
            return build_site(repository, site_dir, today or dt.date.today(), Path(work))
        except HandbookError as error:
            fail(str(error))


def _address(value: str) -> tuple[str, int]:
    host, _, port = value.rpartition(":")
    if not host or not port.isdigit() or int(port) > 65535:
        raise click.BadParameter(f"'{value}' is not HOST:PORT, e.g. 127.0.0.1:8000")
    return host, int(port)


@click.group()
def docs() -> None:
    """The employee handbook: a MkDocs Material site generated from the policies."""


@docs.command("build")
@policy_path
@click.option(
    "--site-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder to write the site into (default: site/ beside PATH).",
)
@today_option
def build(path: Path, site_dir: Path | None, today: dt.date | None) -> None:
    """Build the handbook of the policies in PATH (default: policies/) as a static site.

    Pages are generated from the model; a mkdocs.yml in PATH sets the site name, logo and
    colours, and Markdown files in PATH/handbook/ are added. Confidential fields and documents
    are never published. Exit code 0 when built, 2 on invalid input.
    """
    target = site_dir or path.resolve().parent / "site"
    index = _build(path, target, today)
    click.echo(f"handbook: {index.resolve()}")


@docs.command("serve")
@policy_path
@click.option(
    "--dev-addr",
    default="127.0.0.1:8000",
    show_default=True,
    metavar="HOST:PORT",
    help="Address to serve the handbook on.",
)
@today_option
def serve(path: Path, dev_addr: str, today: dt.date | None) -> None:
    """Build the handbook of PATH into a temporary folder and serve it until Ctrl+C."""
    host, port = _address(dev_addr)
    with tempfile.TemporaryDirectory(prefix="govkit-site-") as folder:
        site = Path(folder) / "site"
        _build(path, site, today)
        handler = functools.partial(_QuietHandler, directory=str(site))
        try:
            server = ThreadingHTTPServer((host, port), handler)
        except OSError as error:
            fail(f"cannot serve on {dev_addr}: {error.strerror}", "choose another --dev-addr")
        click.echo(f"handbook: http://{host}:{server.server_address[1]}/ (Ctrl+C to stop)")
        with server:
            server.serve_forever()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass
