"""GK802 document-without-approver."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.approvals import ApprovalFlow
from ..model.governance import Location
from .base import Context, Rule


class DocumentWithoutApprover(Rule):
    """A policy document has no entry in the approval flow's policy_changes.

    ### What it checks
    Every policy document needs an entry in the approval flow's `policy_changes` naming the roles
    that approve changes to it.

    ### Why it matters
    Without one, a change is merged by whoever reviews the pull request, and the policy means
    whatever its last editor wanted.

    ### Example
    ```yaml
    kind: ApprovalFlow
    spec:
      policy_changes:
        - document: nordlys-scope
          approvers: [social-media-lead]
        - document: nordlys-people
          approvers: [social-media-lead, legal-compliance]
        - document: nordlys-accounts
          approvers: [social-media-lead, legal-compliance]
        - document: nordlys-continuity
          approvers: [social-media-lead, legal-compliance]
        - document: nordlys-brand
          approvers: [social-media-lead, designer]
        - document: nordlys-approvals
          approvers: [legal-compliance, social-media-lead]
        - document: nordlys-moderation
          approvers: [social-media-lead, community-manager, legal-compliance]
        - document: nordlys-training
          approvers: [social-media-lead, legal-compliance]
    ```

    ### Fix
    Add an entry with `document: <the document's metadata.id>` and its `approvers` to
    `policy_changes` in the ApprovalFlow, and list the approvers in CODEOWNERS.
    ```yaml
    kind: ApprovalFlow
    spec:
      policy_changes:
        - document: nordlys-scope
          approvers: [social-media-lead]
        - document: nordlys-people
          approvers: [social-media-lead, legal-compliance]
        - document: nordlys-accounts
          approvers: [social-media-lead, legal-compliance]
        - document: nordlys-continuity
          approvers: [social-media-lead, legal-compliance]
        - document: nordlys-brand
          approvers: [social-media-lead, designer]
        - document: nordlys-approvals
          approvers: [legal-compliance, social-media-lead]
        - document: nordlys-moderation
          approvers: [social-media-lead, community-manager, legal-compliance]
        - document: nordlys-training
          approvers: [social-media-lead, legal-compliance]
        - document: nordlys-objectives
          approvers: [social-media-lead, analyst]
        - document: nordlys-connections
          approvers: [social-media-lead, legal-compliance]
        - document: nordlys-advocacy
          approvers: [social-media-lead, legal-compliance]
        - document: nordlys-social-media-policy
          approvers: [social-media-lead, legal-compliance]
        - document: nordlys-private-accounts
          approvers: [legal-compliance, social-media-lead]
        - document: nordlys-rollout-60-days
          approvers: [social-media-lead]
    ```
    """

    code = "GK802"
    name = "document-without-approver"
    severity = "error"
    needs = (ApprovalFlow,)
    controls = ("SOC2:CC5.3", "ISO27001:A.5.1", "SOC2:CC8.1")

    def check(self, context: Context) -> Iterator[Finding]:
        governance = context.governance
        spec = governance.spec(ApprovalFlow)
        approved = {change.document for change in spec.policy_changes} if spec else set()
        for document in governance.policies:
            meta = document.model.metadata
            if meta.status == "retired" or meta.id in approved:
                continue
            yield self.finding(
                Location(document, ("metadata", "id")),
                f"policy document '{meta.id}' has no approvers for changes",
                target=meta.id,
                hint="add it to 'policy_changes' in the ApprovalFlow with its approver roles",
            )
