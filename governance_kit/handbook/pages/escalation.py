"""Escalation and crisis: escalation paths by tier, the RACI matrix, crisis protocols."""

from __future__ import annotations

from ...markup.escape import cell, text
from ...markup.markdown import bullets, numbered, table
from ...model.moderation import ModerationPolicy
from ..published import PublishedGovernance
from ..words import N_, _, date, duration

KINDS = {
    "reputation": N_("Reputation"),
    "account-takeover": N_("Account takeover"),
    "data-leak": N_("Data leak"),
    "safety": N_("Safety"),
    "other": N_("Other"),
}
SEVERITY = {
    "low": N_("Low"),
    "medium": N_("Medium"),
    "high": N_("High"),
    "critical": N_("Critical"),
}


def body(context: PublishedGovernance) -> list[str]:
    spec = context.spec(ModerationPolicy)
    lines = ["## " + _("Escalation paths"), ""]
    for path in spec.escalation:
        lines += _path(context, path)
    if spec.raci:
        lines += ["## " + _("Who does what (RACI)"), ""]
        lines += [
            _(
                "{r} does the work, {a} answers for it, {c} is asked before, {i} is told after."
            ).format(
                r="**" + _("Responsible") + "**",
                a="**" + _("Accountable") + "**",
                c="**" + _("Consulted") + "**",
                i="**" + _("Informed") + "**",
            ),
            "",
        ]
        lines += table(
            [_("Activity"), _("Responsible"), _("Accountable"), _("Consulted"), _("Informed")],
            [
                [
                    cell(r.activity),
                    context.roles(r.responsible),
                    context.role(r.accountable),
                    context.roles(r.consulted),
                    context.roles(r.informed),
                ]
                for r in spec.raci
            ],
        )
    if spec.crisis:
        lines += ["## " + _("Crisis protocols"), ""]
        for crisis in spec.crisis:
            lines += _crisis(context, crisis)
    return lines


def _path(context: PublishedGovernance, path) -> list[str]:
    names = {p.id: p.name for p in context.spec(ModerationPolicy).escalation}
    rows = [
        [
            str(tier.level),
            context.role_holders(tier.role),
            context.role(tier.backup) if tier.backup else "—",
            duration(tier.within) if tier.within else "—",
            context.role(tier.approver) if tier.approver else "—",
            cell(names.get(tier.escalates_to, tier.escalates_to)) if tier.escalates_to else "—",
        ]
        for tier in sorted(path.tiers, key=lambda t: t.level)
    ]
    return [
        "### " + text(path.name),
        "",
        "**" + _("When:") + "** " + text(path.trigger),
        "",
        "**" + _("Channels:") + "** " + context.channels(path.channels),
        "",
        *table(
            [
                _("Tier"),
                _("Handled by"),
                _("Backup"),
                _("Escalate within"),
                _("Signs off"),
                _("Hands over to"),
            ],
            rows,
        ),
    ]


def _crisis(context: PublishedGovernance, crisis) -> list[str]:
    lines = [
        "### " + text(crisis.name),
        "",
        "**" + _("Kind:") + "** " + _(KINDS[crisis.kind]),
        "",
        "**" + _("Signs that this is happening:") + "**",
        "",
        *bullets(text(t) for t in crisis.triggers),
        "**" + _("What to do, in order:") + "**",
        "",
        *numbered(text(s) for s in crisis.steps),
        "**"
        + _("Call:")
        + "** "
        + context.persons(crisis.contacts)
        + ". "
        + _("Phone numbers are not published in the handbook."),
        "",
    ]
    if crisis.contacts_verified:
        verified = _("Contacts last verified on {date}.")
        lines += [verified.format(date=date(crisis.contacts_verified)), ""]
    if crisis.severity_levels:
        lines += table(
            [_("Severity"), _("What makes it this severe"), _("Holding statement")],
            [
                [
                    _(SEVERITY[s.level]),
                    cell(s.description),
                    cell(s.holding_statement),
                ]
                for s in crisis.severity_levels
            ],
        )
    return lines
