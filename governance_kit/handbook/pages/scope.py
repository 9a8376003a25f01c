"""Scope and channels: where the company is present, for whom, and what is out of scope."""

from __future__ import annotations

from ...markup.escape import cell
from ...markup.markdown import table
from ...model.scope import OutOfScope, Scope
from ..published import PublishedGovernance
from ..words import N_, _, language_name, listing, ngettext, platform

VISIBILITY = {
    "external": N_("External channels (the public and customers)"),
    "internal": N_("Internal channels (employees only)"),
}


def out_of_scope_item(item: OutOfScope) -> str:
    """What is out of scope, with the platforms it names: 'Snapchat (platform: Snapchat)'."""
    if not item.platforms:
        return cell(item.item)
    named = ngettext(
        "{item} (platform: {names})", "{item} (platforms: {names})", len(item.platforms)
    )
    return cell(named.format(item=item.item, names=listing([platform(p) for p in item.platforms])))


def body(context: PublishedGovernance) -> list[str]:
    spec = context.spec(Scope)
    lines: list[str] = []
    for visibility, heading in VISIBILITY.items():
        channels = [c for c in spec.channels if c.visibility == visibility]
        if not channels:
            continue
        lines += [f"## {_(heading)}", ""]
        lines += table(
            [_("Channel"), _("Platform"), _("Purpose"), _("Audience"), _("Languages")],
            [
                [
                    cell(c.name),
                    cell(platform(c.platform)),
                    cell(c.purpose),
                    cell(listing(c.audience)),
                    cell(listing([language_name(code) for code in c.languages])),
                ]
                for c in channels
            ],
        )
    lines += ["## " + _("Out of scope"), ""]
    if spec.out_of_scope:
        lines += [_("This governance model does not cover:"), ""]
        lines += table(
            [_("What"), _("Why, and where it is governed")],
            [[out_of_scope_item(o), cell(o.reason)] for o in spec.out_of_scope],
        )
    else:
        lines += [_("Nothing is explicitly out of scope."), ""]
    return lines
