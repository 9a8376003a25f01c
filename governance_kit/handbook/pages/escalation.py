"""Escalation and crisis: escalation paths by tier, the RACI matrix, crisis protocols."""

from __future__ import annotations

from ...markup.escape import cell, text
from ...markup.markdown import bullets, numbered, table
from ...model.moderation import ModerationPolicy
from ..published import PublishedGovernance
from ..words import duration

KINDS = {
    "reputation": "Reputation",
    "account-takeover": "Account takeover",
    "data-leak": "Data leak",
    "safety": "Safety",
    "other": "Other",
}


def body(context: PublishedGovernance) -> list[str]:
    spec = context.spec(ModerationPolicy)
    lines = ["## Escalation paths", ""]
    for path in spec.escalation:
        lines += _path(context, path)
    if spec.raci:
        lines += ["## Who does what (RACI)", ""]
        lines += [
            "**R**esponsible does the work, **A**ccountable answers for it, **C**onsulted is "
            "asked before, **I**nformed is told after.",
            "",
        ]
        lines += table(
            ["Activity", "Responsible", "Accountable", "Consulted", "Informed"],
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
        lines += ["## Crisis protocols", ""]
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
        f"### {text(path.name)}",
        "",
        f"**When:** {text(path.trigger)}",
        "",
        f"**Channels:** {context.channels(path.channels)}",
        "",
        *table(
            ["Tier", "Handled by", "Backup", "Escalate within", "Signs off", "Hands over to"], rows
        ),
    ]


def _crisis(context: PublishedGovernance, crisis) -> list[str]:
    lines = [
        f"### {text(crisis.name)}",
        "",
        f"**Kind:** {KINDS[crisis.kind]}",
        "",
        "**Signs that this is happening:**",
        "",
        *bullets(text(t) for t in crisis.triggers),
        "**What to do, in order:**",
        "",
        *numbered(text(s) for s in crisis.steps),
        f"**Call:** {context.persons(crisis.contacts)}. Phone numbers are not published in "
        "the handbook.",
        "",
    ]
    if crisis.contacts_verified:
        lines += [f"Contacts last verified on {crisis.contacts_verified.isoformat()}.", ""]
    if crisis.severity_levels:
        lines += table(
            ["Severity", "What makes it this severe", "Holding statement"],
            [
                [cell(s.level.capitalize()), cell(s.description), cell(s.holding_statement)]
                for s in crisis.severity_levels
            ],
        )
    return lines
