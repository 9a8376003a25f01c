"""Community rules and moderation: the rules, what is removed, the on-call rota, SLAs.

The rota is one card per weekday (side by side on a wide screen, one below the other on a
phone), and "on call now" is worked out in the reader's browser from the same rota, embedded as
JSON (`assets/handbook.js`); without scripts the cards are all there is.
"""

from __future__ import annotations

from ... import output as out
from ...markup.escape import cell, text
from ...markup.markdown import bullets, table
from ...model.moderation import ModerationPolicy
from ..published import PublishedGovernance
from ..words import DASH, WEEKDAYS, _, days, duration, listing, percent, platform, time, weekday
from .rota import day_stretches


def body(context: PublishedGovernance) -> list[str]:
    spec = context.spec(ModerationPolicy)
    rules = spec.community_rules
    lines = [
        "## " + _("Community rules"),
        "",
        _("What we expect from everyone in our communities:"),
        "",
        *bullets(text(r) for r in rules.expected),
    ]
    if rules.removed:
        lines += ["## " + _("What moderators remove"), ""]
        lines += table(
            [_("Content"), _("What the moderator does")],
            [[cell(r.what), cell(r.action)] for r in rules.removed],
        )
    lines += _rota(context, spec.rota)
    lines += _slas(context, spec.slas)
    return lines


def _rota(context: PublishedGovernance, rota) -> list[str]:
    stretches = day_stretches(rota.shifts)
    lines = [
        "## " + _("On-call rota"),
        "",
        _("All times are in the {timezone} time zone.").format(timezone=text(rota.timezone)),
        "",
        '<p class="govkit-oncall" id="govkit-oncall" markdown>',
        _("Who is on call right now: find today and the time in the rota below."),
        "</p>",
        "",
        _oncall_data(context, rota.timezone, stretches),
        "",
        '<div class="govkit-rota" markdown>',
        "",
    ]
    for day in WEEKDAYS:
        card = f'<div class="govkit-rota-day" data-day="{day}" markdown>'
        lines += [card, "", "**" + weekday(day) + "**", ""]
        lines += bullets(
            f"{time(start)}{DASH}{time(end)}: {_names(context, entries)}"
            for start, end, entries in stretches[day]
        )
        lines += ["</div>", ""]
    return [*lines, "</div>", ""]


def _oncall_data(context: PublishedGovernance, timezone: str, stretches) -> str:
    """The rota as JSON for the browser: times, who, and the sentences in the page's language."""
    data = {
        "timezone": timezone,
        "days": {
            day: [[start, end, _plain_names(context, entries)] for start, end, entries in pieces]
            for day, pieces in stretches.items()
        },
        "weekdays": {day: weekday(day) for day in WEEKDAYS},
        "now": _("On call now ({day} {time}, {timezone}): {names}"),
        "nobody": _("Nobody is on call right now ({day} {time}, {timezone})."),
    }
    return (
        '<script type="application/json" id="govkit-rota-data">'
        + out.json(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        + "</script>"
    )


def _names(context: PublishedGovernance, entries: list[tuple[str, list[str]]]) -> str:
    if not entries:
        return _("nobody")
    parts = []
    for person, channels in entries:
        name = context.person(person)
        only = _("{name} ({platforms} only)")
        parts.append(
            only.format(name=name, platforms=_platforms(context, channels)) if channels else name
        )
    return listing(parts)


def _plain_names(context: PublishedGovernance, entries: list[tuple[str, list[str]]]) -> str:
    """Who is on call as plain text (the script puts it into the page as text)."""
    if not entries:
        return ""
    people = context.governance.people
    parts = []
    for person, channels in entries:
        name = people[person].name if person in people else person
        labels = _platform_labels(context, channels)
        only = _("{name} ({platforms} only)")
        parts.append(only.format(name=name, platforms=", ".join(labels)) if channels else name)
    return listing(parts)


def _platform_labels(context: PublishedGovernance, channels: list[str]) -> list[str]:
    known = context.governance.channels
    labels = [platform(known[c].platform) if c in known else c for c in channels]
    return list(dict.fromkeys(labels))


def _platforms(context: PublishedGovernance, channels: list[str]) -> str:
    return ", ".join(text(label) for label in _platform_labels(context, channels))


def _slas(context: PublishedGovernance, slas) -> list[str]:
    if not slas:
        return []
    rows = []
    for sla in slas:
        hours = (
            _("Around the clock")
            if sla.hours == "always"
            else f"{days(sla.hours.days)} {time(sla.hours.start)}{DASH}{time(sla.hours.end)}"
        )
        rows.append(
            [
                context.channel(sla.channel),
                duration(sla.first_response),
                hours,
                percent(sla.target_share),
            ]
        )
    return [
        "## " + _("How fast we answer"),
        "",
        *table(
            [_("Channel"), _("First reply within"), _("When"), _("Share answered in time")], rows
        ),
    ]
