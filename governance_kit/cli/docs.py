"""`govkit docs`: build or serve the employee handbook generated from the governance model."""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
import tempfile
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import NoReturn

import click

from ..findings import Finding
from ..formats.text import format_finding
from ..git.refs import warn_if_shallow
from ..handbook.site import HandbookError, SiteRefused, build_site
from ..output import counted, terminal
from .common import EXIT_INVALID, fail, load, policy_path, today_option
from .reconcile import export_options, exports_or_fail


def _valid_repository(path: Path):
    repository = load(path)
    if repository.findings:
        _not_built(repository.findings, path)
    return repository


def _not_built(findings: list[Finding], path: Path) -> NoReturn:
    for finding in findings:
        click.echo(format_finding(finding))
    click.echo(
        f"{counted(len(findings), 'problem')} in {terminal(path)}; handbook not built", err=True
    )
    sys.exit(EXIT_INVALID)


def _build(
    path: Path,
    site_dir: Path,
    today: dt.date | None,
    trusted: bool = False,
    sources: tuple[str, ...] = (),
    kind: str | None = None,
) -> dict[str, Path]:
    """The handbook built into `site_dir`: the home page of each language, its own first."""
    repository = _valid_repository(path)
    exports = exports_or_fail(sources, kind, repository.governance)
    warn_if_shallow(path, "the change history of each policy lists only the commits fetched")
    day = today or dt.date.today()
    with tempfile.TemporaryDirectory(prefix="govkit-handbook-") as work:
        try:
            return build_site(
                repository, site_dir, day, Path(work), trusted=trusted, exports=exports
            )
        except SiteRefused as refused:
            for finding in refused.findings:
                click.echo(format_finding(finding))
            fail(str(refused), "fix the lines above; 'govkit check' reports them too")
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
    help="Folder to write the site into, from the current folder (default: site/ beside "
    "PATH). It must be new, empty or an earlier govkit site, outside the policy folder.",
)
@click.option(
    "--trust-config",
    is_flag=True,
    help="Let PATH/mkdocs.yml use hooks, any plugin, theme.custom_dir and other settings that "
    "run code or read files at build time. For the trusted publishing job on main only, "
    "never on pull requests.",
)
@today_option
@export_options(
    "Reconcile with this export (as govkit reconcile does): the posture page names the "
    "exports under the controls they serve and counts their findings."
)
def build(
    path: Path,
    site_dir: Path | None,
    trust_config: bool,
    today: dt.date | None,
    sources: tuple[str, ...],
    kind: str | None,
) -> None:
    """Build the handbook of the policies in PATH (default: policies/) as a static site.

    Pages are generated from the model; a mkdocs.yml in PATH sets the site name, logo and
    colours, and Markdown files in PATH/handbook/ are added. Confidential fields and documents
    are never published. mkdocs.yml is read as plain data, and settings that would run code
    or read files (hooks, plugins, templates, snippets, folders) are refused, as are pages
    with scripts, each on one line (GK970, GK971). Exit code 0 when built, 2 on invalid input.
    """
    target = Path(os.path.abspath(site_dir)) if site_dir else default_site_dir(path)
    homes = iter(_build(path, target, today, trust_config, sources, kind).items())
    click.echo(f"handbook: {terminal(next(homes)[1])}")
    for language, home in homes:
        click.echo(f"handbook ({terminal(language)}): {terminal(home)}")


def default_site_dir(path: Path) -> Path:
    """site/ beside the policy folder (the folder of PATH when PATH is one file)."""
    return (path if path.is_dir() else path.parent).resolve().parent / "site"


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
        bound = int(server.server_address[1])
        click.echo(f"handbook: http://{terminal(host)}:{bound}/ (Ctrl+C to stop)")
        with server:
            server.serve_forever()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass
