"""GKP07 link-without-utm."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

from ...findings import Finding
from ..describe import UTM
from .base import DraftContext, DraftRule


class LinkWithoutUtm(DraftRule):
    """A link lacks utm_source, utm_medium or utm_campaign.

    ### What it checks
    Where the post rules say `utm_required: true`, every link, in the front matter's `links` and in
    the post, must carry `utm_source`, `utm_medium` and `utm_campaign` with a value.

    ### Why it matters
    Without them, visits from social media show up as "direct" traffic and the objectives cannot be
    measured.

    ### Example
    ```markdown
    ---
    account: instagram-nordlysoutdoor
    author: ben
    ---
    Where will the first snow take you?
    https://nordlys.example/fjellvind
    ```

    ### Fix
    Add the missing parameters, e.g. `?utm_source=instagram&utm_medium=social&utm_campaign=...`.
    ```markdown
    ---
    account: instagram-nordlysoutdoor
    author: ben
    ---
    Where will the first snow take you this weekend? The new Fjellvind jacket:
    https://nordlys.example/fjellvind?utm_source=instagram&utm_medium=social&utm_campaign=winter
    ```
    """

    code = "GKP07"
    name = "link-without-utm"
    severity = "error"

    def check(self, context: DraftContext) -> Iterator[Finding]:
        if not context.rules.utm_required:
            return
        for url, where in context.links():
            missing = missing_parameters(url)
            if missing:
                yield self.finding(
                    context,
                    where,
                    f"link {url} lacks {', '.join(missing)}",
                    hint="add " + "&".join(f"{name}=..." for name in missing),
                )


def missing_parameters(url: str) -> list[str]:
    try:
        query = parse_qs(urlsplit(url).query)
    except ValueError:
        query = {}
    return [name for name in UTM if not any(value.strip() for value in query.get(name, []))]
