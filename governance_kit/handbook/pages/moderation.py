"""Community rules and moderation: the rules, what is removed, the on-call rota, SLAs."""

from __future__ import annotations

from ...markup.escape import cell, text
from ...markup.markdown import bullets, table
from ...model.moderation import ModerationPolicy
from ..published import PublishedGovernance
from ..words import DASH, WEEKDAY_NAMES, days, duration, platform
from .rota import week_grid


def body(context: PublishedGovernance) -> list[str]:
    spec = context.spec(ModerationPolicy)
    rules = spec.community_rules
    lines = [
        "## Community rules",
        "",
        "What we expect from everyone in our communities:",
        "",
        *bullets(text(r) for r in rules.expected),
    ]
    if rules.removed:
        lines += ["## What moderators remove", ""]
        lines += table(
            ["Content", "What the moderator does"],
            [[cell(r.what), cell(r.action)] for r in rules.removed],
        )
    lines += _rota(context, spec.rota)
    lines += _slas(context, spec.slas)
    return lines


def _rota(context: PublishedGovernance, rota) -> list[str]:
    grid = week_grid(rota.shifts)
    rows = [
        [f"{start}{DASH}{end}", *(_names(context, cells[day]) for day in WEEKDAY_NAMES)]
        for (start, end), cells in grid.items()
    ]
    return [
        "## On-call rota",
        "",
        f"All times are in the {text(rota.timezone)} time zone. A dash means nobody is on call.",
        "",
        *table(["Time", *(name[:3] for name in WEEKDAY_NAMES.values())], rows),
    ]


def _names(context: PublishedGovernance, entries: list[tuple[str, list[str]]]) -> str:
    if not entries:
        return "—"
    parts = []
    for person, channels in entries:
        name = context.person(person)
        parts.append(f"{name} ({_platforms(context, channels)} only)" if channels else name)
    return "<br>".join(parts)


def _platforms(context: PublishedGovernance, channels: list[str]) -> str:
    known = context.governance.channels
    labels = [platform(known[c].platform) if c in known else c for c in channels]
    return ", ".join(text(label) for label in dict.fromkeys(labels))


def _slas(context: PublishedGovernance, slas) -> list[str]:
    if not slas:
        return []
    rows = []
    for sla in slas:
        hours = (
            "Around the clock"
            if sla.hours == "always"
            else f"{days(sla.hours.days)} {sla.hours.start}{DASH}{sla.hours.end}"
        )
        rows.append(
            [
                context.channel(sla.channel),
                duration(sla.first_response),
                hours,
                f"{sla.target_share:.0%}",
            ]
        )
    return [
        "## How fast we answer",
        "",
        *table(["Channel", "First reply within", "When", "Share answered in time"], rows),
    ]
