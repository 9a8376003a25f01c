"""The home page: what the governance model is, who to ask, and links to everything."""

from __future__ import annotations

from ...markup.escape import link, text
from ...markup.markdown import admonition, bullets, table
from ..published import PublishedGovernance


def _leads(context: PublishedGovernance) -> str:
    leads = [
        p
        for role in context.governance.roles.values()
        if "lead" in role.id
        for p in context.governance.holders(role.id)
        if p.status == "active"
    ]
    return ", ".join(dict.fromkeys(text(p.name) for p in leads))


def body(
    context: PublishedGovernance,
    pages: list[tuple[str, str]],
    extra: list[tuple[str, str]],
    policies: list[list[str]],
) -> list[str]:
    organisation = context.organisation()
    name = text(organisation.name) if organisation else "our company"
    lines = [f"# Social media at {name}", ""]
    if organisation and organisation.description:
        lines += [text(organisation.description), ""]
    lines += [
        "This handbook explains how we use social media: which channels we run and why, how we "
        "sound, who may post and who approves what, how we moderate our communities, what to "
        "do in a crisis, which training you need, and what happens to accounts when people "
        "join, change role or leave.",
        "",
        "It is generated from our governance model: a set of policy files that the owners of "
        "each policy keep up to date and review on a fixed schedule. Every page shows which "
        "version of which policy it comes from, who owns it and when it is next reviewed.",
        "",
    ]
    ask = []
    if organisation:
        ask.append("Write to " + link(organisation.contact, f"mailto:{organisation.contact}") + ".")
    leads = _leads(context)
    if leads:
        ask.append(f"Social media lead: {leads}.")
    if ask:
        lines += admonition("question", "Who to ask", [" ".join(ask)])
    lines += ["## In this handbook", ""]
    lines += bullets(f"[{text(title)}]({filename})" for title, filename in [*pages, *extra])
    if policies:
        lines += ["## Policies at a glance", ""]
        lines += table(["Policy", "Version", "Owner", "Next review"], policies)
    if organisation and organisation.website:
        lines += [f"Our website: {link(organisation.website, organisation.website)}", ""]
    return lines
