"""GK801 approver-role-unheld."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.approvals import ApprovalFlow
from ..model.governance import Location, Path_, SourceDocument
from ..model.people import People
from ._people import is_present
from .base import Context, Rule


class ApproverRoleUnheld(Rule):
    """A role named in the approval flow is held by no active person.

    ### What it checks
    A role that approves new accounts, content of a risk level or changes to a policy document
    in the approval flow is held by no active person.

    ### Why it matters
    The approval flow names roles that approve new accounts, content of a risk level, or changes
    to a policy document. If no active person holds such a role, every request that needs it
    either waits forever or is approved by whoever is at hand, which is no approval.

    ### Example
    ```yaml
    kind: People
    spec:
      people:
        - id: ivar
          roles: []
    ```

    ### Fix
    Give the role to someone on the roster (`roles` of a person), or name another role in the
    approval flow.
    ```yaml
    kind: People
    spec:
      people:
        - id: ivar
          roles: [analyst]
    ```
    """

    code = "GK801"
    name = "approver-role-unheld"
    severity = "error"
    needs = (ApprovalFlow, People)
    controls = ("SOC2:CC5.3", "ISO27001:A.5.2", "ISO27001:A.5.3")

    def check(self, context: Context) -> Iterator[Finding]:
        governance = context.governance
        for document in governance.of_kind(ApprovalFlow):
            seen: set[str] = set()
            for path, role, what in _approver_roles(document):
                if role in seen:
                    continue
                seen.add(role)
                if any(
                    role in person.roles and is_present(person, context.today)
                    for person in governance.people.values()
                ):
                    continue
                yield self.finding(
                    Location(document, path),
                    f"role '{role}' approves {what}, but no active person holds it",
                    target=role,
                    hint="give the role to someone on the roster, or name another role",
                )


def _approver_roles(document: SourceDocument) -> Iterator[tuple[Path_, str, str]]:
    spec = document.model.spec
    for index, role in enumerate(spec.new_account.approvers):
        yield ("spec", "new_account", "approvers", index), role, "new accounts"
    for number, level in enumerate(spec.content):
        for index, role in enumerate(level.approvers):
            path = ("spec", "content", number, "approvers", index)
            yield path, role, f"{level.risk}-risk content"
    for number, change in enumerate(spec.policy_changes):
        for index, role in enumerate(change.approvers):
            path = ("spec", "policy_changes", number, "approvers", index)
            yield path, role, f"changes to '{change.document}'"
