"""Who may post and approvals: engagement, posting roles, content approval, new accounts."""

from __future__ import annotations

from ...markup.escape import cell, text
from ...markup.markdown import bullets, table
from ...model.approvals import ApprovalFlow
from ...model.people import People
from ..published import PublishedGovernance
from ..words import N_, _, duration

RISK_ORDER = ("low", "medium", "high", "critical")
RISK = {"low": N_("Low"), "medium": N_("Medium"), "high": N_("High"), "critical": N_("Critical")}


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
    lines = ["## " + _("Speaking for the company"), ""]
    if engagement.who == "everyone":
        lines += [_("Every employee may engage with the community on behalf of the company."), ""]
    else:
        lines += [
            _(
                "Only people in these roles may engage on behalf of the company: {roles}. "
                "Everyone else: share, like and enjoy, but leave replies in the company's name "
                "to them."
            ).format(roles=context.roles(engagement.roles)),
            "",
        ]
    if engagement.guidelines:
        lines += [_("Keep in mind:"), "", *bullets(text(g) for g in engagement.guidelines)]
    return lines


def _posting_roles(context: PublishedGovernance) -> list[str]:
    roles = [r for r in context.governance.roles.values() if r.may_post]
    if not roles:
        return []
    return [
        "## " + _("Roles that may publish"),
        "",
        *table(
            [_("Role"), _("What they do"), _("Who holds it")],
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
            _(RISK[c.risk]),
            cell(c.description),
            cell("; ".join(c.examples)),
            context.roles(c.approvers) if c.approvers else _("No approval needed"),
            str(c.min_approvals) if c.approvers else "—",
            cell(duration(c.turnaround) if c.turnaround else None),
        ]
        for c in levels
    ]
    return [
        "## " + _("Approval of content by risk"),
        "",
        _(
            "Decide the risk level of your post first; then get the approvals it needs before "
            "publishing."
        ),
        "",
        *table(
            [
                _("Risk"),
                _("What falls here"),
                _("Examples"),
                _("Approved by"),
                _("Approvals"),
                _("Answer within"),
            ],
            rows,
        ),
    ]


def _new_accounts(context: PublishedGovernance) -> list[str]:
    spec = context.spec(ApprovalFlow)
    if spec is None:
        return []
    approval = spec.new_account
    lines = [
        "## " + _("Opening a new account"),
        "",
        _(
            "Never open an official account on your own. A new account must be approved by: "
            "{roles}."
        ).format(roles=context.roles(approval.approvers)),
        "",
    ]
    if approval.requirements:
        lines += [
            _("Your request must contain:"),
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
        "## " + _("Who approves changes to the policies"),
        "",
        *table(
            [_("Policy"), _("Changes approved by")],
            [
                [cell(titles.get(p.document, p.document)), context.roles(p.approvers)]
                for p in spec.policy_changes
            ],
        ),
    ]
