"""GK971 handbook-page-unsafe."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..loading.policy_bodies import policy_body, unsafe_body
from ..loading.site_pages import judge_pages
from ..model.policy import Policy
from .base import Context, Rule


class HandbookPageUnsafe(Rule):
    """A handbook page holds a script, frame, event handler or include.

    ### What it checks
    The Markdown pages in `handbook/` (in the policy folder) and the text of every Policy
    document (`spec.body`, or the file its `spec.body_file` names) are published in the handbook
    as written, and Markdown lets raw HTML through.

    ### Why it matters
    A `<script>`, `<iframe>`, `<object>` or `<embed>` element, an event-handler attribute
    (`onerror=`, `onclick=`, also in `{: ...}` attribute lists), a `javascript:` link or a snippet
    include marker (`--8<--`) would run in every reader's browser or copy a file of the build
    machine into the site. Raw `.html` files are refused too. (Links out of the repository, pipes
    and other files that are not published at all are GK972's.)

    ### Example
    ```text
    # file: handbook/extra.md
    # Extra

    <script>alert(document.cookie)</script>
    ```

    ### Fix
    Write the page in plain Markdown: link to the video or form instead of embedding it, and copy
    text into the page instead of including it.
    ```text
    # file: handbook/extra.md
    # Extra

    Plain Markdown only.
    ```
    """

    code = "GK971"
    name = "handbook-page-unsafe"
    severity = "error"
    needs = (Policy,)
    controls = ("SOC2:CC8.1", "NIST:CM-3")
    reads_files = ("handbook/",)

    def check(self, context: Context) -> Iterator[Finding]:
        if context.root is None:
            return
        if context.root.is_dir():
            yield from judge_pages(context.root)
        for document in context.governance.of_kind(Policy):
            yield from unsafe_body(document, policy_body(document, context.root))
