"""Joining, changing role, leaving: the procedures and the handover checklists."""

from __future__ import annotations

from ...markup.escape import text
from ...markup.markdown import numbered, tasks
from ...model.continuity import ContinuityPlan
from ..published import PublishedGovernance
from ..words import N_, _, listing, ngettext, platform

PROCEDURES = (
    ("joining", N_("When you join")),
    ("changing_role", N_("When you change role")),
    ("leaving", N_("When you leave")),
)


def body(context: PublishedGovernance) -> list[str]:
    spec = context.spec(ContinuityPlan)
    lines: list[str] = []
    for field, heading in PROCEDURES:
        steps = getattr(spec.procedures, field)
        if steps:
            lines += ["## " + _(heading), "", *numbered(text(s) for s in steps)]
    lines += [
        "## " + _("Handing over accounts"),
        "",
        _(
            "When an account owner leaves or changes role, the account is handed over with the "
            "checklist of the plan that covers it."
        ),
        "",
    ]
    for plan in spec.plans:
        lines += _plan(context, plan)
    return lines


def _covers(context: PublishedGovernance, plan) -> str:
    parts = [text(platform(p)) for p in plan.applies_to.platforms]
    accounts = context.governance.accounts
    parts += [
        text(accounts[a].handle) if a in accounts else text(a) for a in plan.applies_to.accounts
    ]
    return listing(parts) or _("Every account not covered by another plan")


def _successor(context: PublishedGovernance, rule) -> str:
    if rule.successor == "backup-owner":
        return _("The account's backup owner")
    if rule.successor == "role":
        return _("The {role}").format(role=context.role_holders(rule.role))
    return context.person(rule.person)


def _plan(context: PublishedGovernance, plan) -> list[str]:
    deadline = ngettext(
        "{n} day of the start of the handover.",
        "{n} days of the start of the handover.",
        plan.deadline_days,
    ).format(n=plan.deadline_days)
    return [
        "### " + text(plan.name),
        "",
        "**" + _("Covers:") + "** " + _covers(context, plan),
        "",
        "**" + _("Must be complete within:") + "** " + deadline,
        "",
        "**" + _("Who takes over, in this order:") + "**",
        "",
        *numbered(_successor(context, r) for r in plan.successor_rules),
        "**" + _("Handover checklist:") + "**",
        "",
        *tasks(text(item.task) for item in plan.checklist),
    ]
