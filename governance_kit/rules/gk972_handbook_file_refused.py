"""GK972 handbook-file-refused."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..loading.own_pages import CODE, own_pages
from .base import Context, Rule


class HandbookFileRefused(Rule):
    """A file in handbook/ is a link out of the repository, a pipe, a device or not UTF-8.

    ### What it checks
    A file in `handbook/` is a symbolic link out of the repository, a pipe, a device, or not
    UTF-8.

    ### Why it matters
    The company's own pages in `handbook/` are copied into the employee handbook. A symbolic
    link there that leaves the policy repository would publish whatever it points to — a secret
    file of the CI machine, `/etc/passwd`, a file of another project — and a named pipe or a
    device (`/dev/zero`) would stop or flood the build. `govkit docs build` therefore publishes
    regular files and folders inside the repository only, and refuses to build when `handbook/`
    holds a link out of the repository, a linked folder, a broken link, a pipe, a socket or a
    device, or a Markdown page that is not UTF-8. This rule says so on the pull request that
    adds one, before the handbook is built. In `govkit report --as-of` the handbook is not
    judged (the past is read from Git, where nothing is followed).

    ### Example
    ```text
    # link: handbook/passwords.md -> /etc/passwd
    ```

    ### Fix
    Copy the page into `handbook/` instead of linking to it, move linked folders' pages into
    `handbook/`, remove pipes, sockets and devices, and save pages as UTF-8.
    """

    code = CODE
    name = "handbook-file-refused"
    severity = "error"
    controls = ("SOC2:CC8.1", "CIS:3")
    reads_files = ("handbook/",)

    def check(self, context: Context) -> Iterator[Finding]:
        if context.root is None or context.files:
            return
        yield from own_pages(context.root).refused
