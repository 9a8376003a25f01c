"""The home page: what the governance model is, who to ask, and links to everything."""

from __future__ import annotations

from ...markup.escape import link, text
from ...markup.markdown import admonition, bullets, table
from ..published import PublishedGovernance
from ..words import _, listing


def _leads(context: PublishedGovernance) -> str:
    leads = [
        p
        for role in context.governance.roles.values()
        if "lead" in role.id
        for p in context.governance.holders(role.id)
        if p.status == "active"
    ]
    return listing(list(dict.fromkeys(text(p.name) for p in leads)))


def body(
    context: PublishedGovernance,
    pages: list[tuple[str, str]],
    extra: list[tuple[str, str]],
    policies: list[list[str]],
) -> list[str]:
    organisation = context.organisation()
    name = text(organisation.name) if organisation else _("our company")
    lines = ["# " + _("Social media at {name}").format(name=name), ""]
    if organisation and organisation.description:
        lines += [text(organisation.description), ""]
    lines += [
        _(
            "This handbook explains how we use social media: which channels we run and why, how "
            "we sound, who may post and who approves what, how we moderate our communities, what "
            "to do in a crisis, which training you need, and what happens to accounts when people "
            "join, change role or leave."
        ),
        "",
        _(
            "It is generated from our governance model: a set of policy files that the owners of "
            "each policy keep up to date and review on a fixed schedule. Every page shows which "
            "version of which policy it comes from, who owns it and when it is next reviewed."
        ),
        "",
    ]
    ask = []
    if organisation:
        mail = link(organisation.contact, f"mailto:{organisation.contact}")
        ask.append(_("Write to {address}.").format(address=mail))
    leads = _leads(context)
    if leads:
        ask.append(_("Social media lead: {names}.").format(names=leads))
    if ask:
        lines += admonition("question", _("Who to ask"), [" ".join(ask)])
    lines += ["## " + _("In this handbook"), ""]
    lines += bullets(f"[{text(title)}]({filename})" for title, filename in [*pages, *extra])
    if policies:
        lines += ["## " + _("Policies at a glance"), ""]
        lines += table([_("Policy"), _("Version"), _("Owner"), _("Next review")], policies)
    if organisation and organisation.website:
        site = link(organisation.website, organisation.website)
        lines += [_("Our website: {link}").format(link=site), ""]
    return lines
