"""Scope and channels: where the company is present, for whom, and what is out of scope."""

from __future__ import annotations

from ...markup.escape import cell
from ...markup.markdown import table
from ...model.scope import OutOfScope, Scope
from ..published import PublishedGovernance
from ..words import platform

VISIBILITY = {
    "external": "External channels (the public and customers)",
    "internal": "Internal channels (employees only)",
}


def out_of_scope_item(item: OutOfScope) -> str:
    """What is out of scope, with the platforms it names: 'Snapchat (platform: Snapchat)'."""
    if not item.platforms:
        return cell(item.item)
    names = ", ".join(platform(p) for p in item.platforms)
    noun = "platforms" if len(item.platforms) > 1 else "platform"
    return cell(f"{item.item} ({noun}: {names})")


def body(context: PublishedGovernance) -> list[str]:
    spec = context.spec(Scope)
    lines: list[str] = []
    for visibility, heading in VISIBILITY.items():
        channels = [c for c in spec.channels if c.visibility == visibility]
        if not channels:
            continue
        lines += [f"## {heading}", ""]
        lines += table(
            ["Channel", "Platform", "Purpose", "Audience", "Languages"],
            [
                [
                    cell(c.name),
                    cell(platform(c.platform)),
                    cell(c.purpose),
                    cell(", ".join(c.audience)),
                    cell(", ".join(c.languages)),
                ]
                for c in channels
            ],
        )
    lines += ["## Out of scope", ""]
    if spec.out_of_scope:
        lines += ["This governance model does not cover:", ""]
        lines += table(
            ["What", "Why, and where it is governed"],
            [[out_of_scope_item(o), cell(o.reason)] for o in spec.out_of_scope],
        )
    else:
        lines += ["Nothing is explicitly out of scope.", ""]
    return lines
