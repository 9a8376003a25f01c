"""Escalation and crisis: escalation paths by tier, the RACI matrix, crisis protocols."""

from __future__ import annotations

from ...markup.escape import cell, link, text
from ...markup.markdown import bullets, numbered, table
from ...model.moderation import ModerationPolicy
from ..published import PublishedGovernance
from ..words import N_, _, date, duration, listing, platform

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


PLACEHOLDERS = ("{handle}", "{platform}", "{url}")


def body(context: PublishedGovernance) -> list[str]:
    spec = context.spec(ModerationPolicy)
    lines = [*_reach(context, spec), "## " + _("Escalation paths"), ""]
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
        "**" + _("Call, in this order:") + "**",
        "",
        *numbered(_person_route(context, person) for person in crisis.contacts),
        _numbers_kept(context.spec(ModerationPolicy)),
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
                    _statement(context, crisis, s.holding_statement),
                ]
                for s in crisis.severity_levels
            ],
        )
    return lines


def _contact(contact) -> list[str]:
    """The published ways to reach one work contact, in words."""
    if contact is None:
        return []
    ways = []
    if contact.phone:
        ways.append(_("phone {number}").format(number=text(contact.phone)))
    if contact.chat:
        ways.append(_("chat: {channel}").format(channel=text(contact.chat)))
    if contact.email:
        ways.append(link(contact.email, f"mailto:{contact.email}"))
    if ways and contact.hours:
        ways[-1] += " (" + text(contact.hours) + ")"
    return ways


def role_route(context: PublishedGovernance, ident: str) -> str:
    """How to reach whoever holds a role: the role's work contact, else its holders' work
    contacts, else their work e-mail addresses."""
    role = context.governance.roles.get(ident)
    ways = _contact(role.work_contact if role else None)
    holders = [p for p in context.governance.holders(ident) if p.status == "active"]
    if not ways:
        ways = [way for person in holders for way in _contact(person.work_contact)]
    if not ways:
        ways = [link(p.email, f"mailto:{p.email}") for p in holders]
    return "; ".join(ways) or _("nobody holds this role: ask the owner of this policy")


def _person_route(context: PublishedGovernance, ident: str) -> str:
    """'Ana Berg Haugen (Social media lead): phone ...' for a crisis contact."""
    person = context.governance.people.get(ident)
    if person is None:
        return context.person(ident)
    roles = [context.role(r) for r in person.roles]
    name = context.person(ident) + (f" ({listing(roles)})" if roles else "")
    ways = _contact(person.work_contact)
    ways += [way for r in person.roles for way in _contact(_role_contact(context, r))]
    ways += [link(person.email, f"mailto:{person.email}")]
    return f"{name}: " + "; ".join(dict.fromkeys(ways))


def _role_contact(context: PublishedGovernance, ident: str):
    role = context.governance.roles.get(ident)
    return role.work_contact if role else None


def _numbers_kept(spec) -> str:
    if spec.crisis_numbers:
        return _(
            "Personal phone numbers are never published in the handbook; those who may call "
            "them find them here: {where}"
        ).format(where=text(spec.crisis_numbers))
    return _(
        "Personal phone numbers are never published in the handbook; ask the owner of this "
        "policy where they are kept."
    )


def _roles_on_page(context: PublishedGovernance, spec) -> list[str]:
    """Every role the escalation paths, the RACI matrix and the crisis contacts name."""
    found = [
        role
        for path in spec.escalation
        for tier in path.tiers
        for role in (tier.role, tier.backup, tier.approver)
        if role
    ]
    for entry in spec.raci:
        found += [*entry.responsible, entry.accountable, *entry.consulted, *entry.informed]
    for crisis in spec.crisis:
        for ident in crisis.contacts:
            person = context.governance.people.get(ident)
            found += person.roles if person else []
    return list(dict.fromkeys(found))


def _reach(context: PublishedGovernance, spec) -> list[str]:
    """Who to contact: each role of this page, who holds it and how to reach them."""
    rows = [
        [
            context.role(ident),
            context.persons(
                p.id for p in context.governance.holders(ident) if p.status == "active"
            ),
            role_route(context, ident),
        ]
        for ident in _roles_on_page(context, spec)
    ]
    return [
        "## " + _("How to reach each role"),
        "",
        _numbers_kept(spec),
        "",
        *table([_("Role"), _("Who holds it"), _("How to reach them")], rows),
    ]


def _statement(context: PublishedGovernance, crisis, statement: str | None) -> str:
    """The holding statement; with placeholders, filled in for each of the crisis's accounts."""
    if not statement or not any(mark in statement for mark in PLACEHOLDERS):
        return cell(statement)
    accounts = [
        context.governance.accounts[a] for a in crisis.accounts if a in context.governance.accounts
    ]
    if not accounts:
        blank = statement
        for mark, words in zip(PLACEHOLDERS, _blanks(), strict=True):
            blank = blank.replace(mark, words)
        return cell(blank)
    filled = []
    for account in accounts:
        values = (account.handle, platform(account.platform), account.url)
        text_for = statement
        for mark, value in zip(PLACEHOLDERS, values, strict=True):
            text_for = text_for.replace(mark, value)
        filled.append(f"{cell(account.handle)}: {cell(text_for)}")
    return "<br>".join(filled)


def _blanks() -> tuple[str, str, str]:
    return (_("[the account's handle]"), _("[the platform]"), _("[the account's address]"))
