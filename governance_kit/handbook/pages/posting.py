"""Who may post and approvals: engagement, posting roles, content approval, new accounts."""

from __future__ import annotations

from ...markup.escape import cell, text
from ...markup.markdown import bullets, table
from ...model.approvals import ApprovalFlow
from ...model.people import People
from ..published import PublishedGovernance
from ..words import duration

RISK_ORDER = ("low", "medium", "high", "critical")


def body(context: PublishedGovernance) -> list[str]:
    return [
        *_engagement(context),
        *_posting_roles(context),
        *_content(context),
        *_new_accounts(context),
        *_policy_changes(context),
    ]


def _engagement(context: PublishedGovernance) -> list[str]:
    engagement = next(
        (d.model.spec.engagement for d in context.documents(People) if d.model.spec.engagement),
        None,
    )
    if engagement is None:
        return []
    lines = ["## Speaking for the company", ""]
    if engagement.who == "everyone":
        lines += ["Every employee may engage with the community on behalf of the company.", ""]
    else:
        lines += [
            "Only people in these roles may engage on behalf of the company: "
            f"{context.roles(engagement.roles)}. Everyone else: share, like and enjoy, but "
            "leave replies in the company's name to them.",
            "",
        ]
    if engagement.guidelines:
        lines += ["Keep in mind:", "", *bullets(text(g) for g in engagement.guidelines)]
    return lines


def _posting_roles(context: PublishedGovernance) -> list[str]:
    roles = [r for r in context.governance.roles.values() if r.may_post]
    if not roles:
        return []
    return [
        "## Roles that may publish",
        "",
        *table(
            ["Role", "What they do", "Who holds it"],
            [
                [
                    cell(r.name),
                    cell(r.description),
                    context.persons(p.id for p in context.governance.holders(r.id)),
                ]
                for r in roles
            ],
        ),
    ]


def _content(context: PublishedGovernance) -> list[str]:
    spec = context.spec(ApprovalFlow)
    if spec is None:
        return []
    levels = sorted(spec.content, key=lambda c: RISK_ORDER.index(c.risk))
    rows = [
        [
            cell(c.risk.capitalize()),
            cell(c.description),
            cell("; ".join(c.examples)),
            context.roles(c.approvers) if c.approvers else "No approval needed",
            str(c.min_approvals) if c.approvers else "—",
            cell(duration(c.turnaround) if c.turnaround else None),
        ]
        for c in levels
    ]
    return [
        "## Approval of content by risk",
        "",
        "Decide the risk level of your post first; then get the approvals it needs before "
        "publishing.",
        "",
        *table(
            ["Risk", "What falls here", "Examples", "Approved by", "Approvals", "Answer within"],
            rows,
        ),
    ]


def _new_accounts(context: PublishedGovernance) -> list[str]:
    spec = context.spec(ApprovalFlow)
    if spec is None:
        return []
    approval = spec.new_account
    lines = [
        "## Opening a new account",
        "",
        "Never open an official account on your own. A new account must be approved by: "
        f"{context.roles(approval.approvers)}.",
        "",
    ]
    if approval.requirements:
        lines += [
            "Your request must contain:",
            "",
            *bullets(text(r) for r in approval.requirements),
        ]
    return lines


def _policy_changes(context: PublishedGovernance) -> list[str]:
    spec = context.spec(ApprovalFlow)
    if spec is None or not spec.policy_changes:
        return []
    titles = {d.id: d.model.metadata.title for d in context.governance.policies}
    return [
        "## Who approves changes to the policies",
        "",
        *table(
            ["Policy", "Changes approved by"],
            [
                [cell(titles.get(p.document, p.document)), context.roles(p.approvers)]
                for p in spec.policy_changes
            ],
        ),
    ]
