"""GK960 codeowners-out-of-sync."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..git.codeowners import GITHUB, find_root, github_codeowners, may_hold_codeowners
from ..model.approvals import ApprovalFlow
from ..model.kinds import POLICY_KIND_CLASSES
from .base import Context, Rule


class CodeownersOutOfSync(Rule):
    """The committed .github/CODEOWNERS differs from what the approval flow gives.

    ### What it checks
    The committed `.github/CODEOWNERS` differs from the file `govkit codeowners` writes from
    `ApprovalFlow.policy_changes`, which makes GitHub ask the right approvers to review a change
    to each policy file.

    ### Why it matters
    When approvers, role holders or their user names change, or a policy file moves, the committed
    file goes stale and pull requests reach the wrong reviewers — or none. A repository without a
    `.github/CODEOWNERS` is not checked.

    ### Example
    ```text
    # file: /.github/CODEOWNERS
    * @nordlys/social-media
    ```

    ### Fix
    Run `govkit codeowners` and commit the result.
    """

    code = "GK960"
    name = "codeowners-out-of-sync"
    severity = "warning"
    needs = POLICY_KIND_CLASSES
    controls = ("SOC2:CC8.1",)
    reads_files = ("/.github/CODEOWNERS",)

    def check(self, context: Context) -> Iterator[Finding]:
        governance = context.governance
        documents = governance.of_kind(ApprovalFlow)
        if not documents or not may_hold_codeowners(documents[0].path):
            return
        root = find_root(documents[0].path)
        committed = root / GITHUB
        actual = context.read(committed, root)
        if actual is None:
            return
        policies = context.root or documents[0].path.parent
        expected = github_codeowners(governance, root, policies)
        if actual == expected:
            return
        yield Finding(
            committed,
            _first_difference(actual, expected),
            1,
            f"{GITHUB.as_posix()} differs from the approvers in the approval flow",
            code=self.code,
            severity=self.severity,
            hint="run 'govkit codeowners' and commit the result",
            target=documents[0].id,
        )


def _first_difference(actual: str, expected: str) -> int:
    have, want = actual.splitlines(), expected.splitlines()
    for number, (a, b) in enumerate(zip(have, want, strict=False), start=1):
        if a != b:
            return number
    return min(len(have), len(want)) + 1
