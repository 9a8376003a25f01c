"""GK973 handbook-address-missing."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..loading.site_config import config_path
from ..model.governance import Location
from ..model.settings import Settings
from ._site import company_site_url
from .base import Context, Rule


class HandbookAddressMissing(Rule):
    """The handbook has no address, so its error page and sitemap point at the server's root.

    ### What it checks
    Neither Settings (`spec.handbook.site_url`) nor `mkdocs.yml` (`site_url`) says at which
    address the handbook is published. It is judged when there is a Settings document or a
    `mkdocs.yml`, the files of a repository that publishes its handbook.

    ### Why it matters
    MkDocs places most links relative to the page, but not on the "page not found" page, which
    is shown at whatever address was mistyped: without the address it loads its stylesheet,
    script and links from the server's root. A handbook published under a path (GitHub Pages of
    a repository, `https://org.github.io/policies/`) then shows an employee who follows an old
    link an unstyled page whose links lead nowhere. The sitemap lists paths instead of
    addresses, and Material's language selector cannot keep the reader on the same page.

    ### Example
    ```yaml
    # file: mkdocs.yml
    site_name: Nordlys handbook
    ```

    ### Fix
    Give the address the handbook is published at, in Settings (or as `site_url` in
    `mkdocs.yml`). A repository that publishes no handbook ignores the rule instead
    (`spec.check.ignore: [GK973]` in Settings).
    ```yaml
    kind: Settings
    spec:
      handbook:
        site_url: https://handbook.example.com/
    ```
    """

    code = "GK973"
    name = "handbook-address-missing"
    severity = "warning"
    needs = (Settings,)
    controls = ("SOC2:CC2.2",)
    reads_files = ("mkdocs.yml",)

    def check(self, context: Context) -> Iterator[Finding]:
        documents = context.governance.of_kind(Settings)
        spec = context.governance.spec(Settings)
        if (spec is not None and spec.handbook.site_url) or company_site_url(context):
            return
        message = (
            "the handbook has no address (site_url): its 'page not found' page loads its style "
            "and links from the server's root, and its sitemap lists no addresses"
        )
        hint = "set spec.handbook.site_url in Settings (or site_url in mkdocs.yml)"
        if documents:
            steps = ("spec", "handbook") if _has_handbook(documents[0]) else ("spec",)
            yield self.finding(Location(documents[0], steps), message, hint=hint, key=True)
        elif context.root is not None and config_path(context.root).is_file():
            yield Finding(
                config_path(context.root), 1, 1, message, code=self.code, severity=self.severity,
                hint=hint,
            )  # fmt: skip


def _has_handbook(document: object) -> bool:
    return "handbook" in document.model.spec.model_fields_set  # type: ignore[attr-defined]
