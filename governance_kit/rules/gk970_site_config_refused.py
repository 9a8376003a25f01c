"""GK970 site-config-refused."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ._site import judged_site_config
from .base import Context, Rule


class SiteConfigRefused(Rule):
    """mkdocs.yml holds a setting the handbook build refuses.

    ### What it checks
    `mkdocs.yml` in the policy folder holds a setting `govkit docs build` refuses: one that
    could run code or read files.

    ### Why it matters
    mkdocs.yml (in the policy folder) sets the look of the handbook. It arrives with pull
    requests like the policies, so govkit reads it as plain data and takes only settings that
    cannot run code or read files: names and https links, the Material theme's palette, fonts,
    logo and features, `extra`, `nav` additions, a list of Markdown extensions and plugins
    (search, tags, offline) with plain options, and CSS, JavaScript, logo and pages inside
    `handbook/`. YAML tags (`!ENV`, `!!python/name`), `hooks`, other plugins and extensions
    (`pymdownx.snippets` among them), `theme.custom_dir`, `docs_dir`, `site_dir`, `INHERIT`,
    off-site scripts and text with HTML tags, quotes or `javascript:` links are refused, so the
    pull request shows what the build would stop on.

    ### Example
    ```yaml
    # file: mkdocs.yml
    site_name: Nordlys handbook
    hooks:
      - hooks.py
    ```

    ### Fix
    Remove the setting, or move the file it names into `handbook/`. A company that needs hooks,
    plugins or templates of its own builds on main with `govkit docs build --trust-config`, which
    only the publishing job's command line can give; the file cannot.
    ```yaml
    # file: mkdocs.yml
    site_name: Nordlys handbook
    ```
    """

    code = "GK970"
    name = "site-config-refused"
    severity = "error"
    controls = ("SOC2:CC8.1", "NIST:CM-3")
    reads_files = ("mkdocs.yml",)

    def check(self, context: Context) -> Iterator[Finding]:
        site_config = judged_site_config(context)
        if site_config is not None:
            yield from site_config.findings
