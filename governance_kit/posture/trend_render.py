"""The posture over time as Markdown (also a section of the handbook's posture page), a
standalone HTML page with its charts inline, or JSON.

Every text from the policy files (control ids and titles) goes through the output layer; the
charts' labels too (see `chart`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import output as out
from ..markup.escape import cell
from ..markup.markdown import table
from .chart import line_chart
from .render import code_cell, html_page, html_rows
from .trend import AREAS, OVERDUE, OWNER_STATUSES, Point, Trend

TITLE = "Governance posture over time"

OWNERS_NOTE = (
    "Accounts in use (active or dormant) by where their business owner stands on the date, the "
    "first that applies: no owner; owner not on roster (no person of the roster); owner leaving "
    "(has left, or leaves within the leaving horizon of the settings); else owned."
)
CONTROLS_NOTE = (
    "yes: no rule serving the control found anything that is not waived; no: one did; "
    "—: no rule serves the control, or the policy files did not validate at that commit."
)


@dataclass(frozen=True)
class Table:
    """One table of the trend: rows of plain text, escaped by each writer; `chart` names the
    chart drawn from its date rows (None for the controls)."""

    heading: str
    note: str
    headers: list[str]
    rows: list[list[str]]
    chart: str | None = None
    controls: list[tuple[str, str]] | None = None
    """For the controls table: (id, title) of each row, shown before its cells."""


def intro(trend: Trend) -> list[str]:
    """What the points are, in plain sentences (dates and words of ours only)."""
    every = "month" if trend.every == "month" else "week"
    lines = [
        f"From {trend.since.isoformat()} to {trend.until.isoformat()}, every {every}: the "
        "policy files as last committed on or before each date, checked as on that date. "
        "Counts are of findings that are not waived."
    ]
    first = trend.first_commit
    if first is not None and first > trend.since:
        lines.append(
            f"The history of the current branch starts on {first.isoformat()}: earlier "
            "dates have no point."
        )
    if not trend.points:
        lines.append("No commit of the policy files falls within the period.")
    return lines


def _state(point: Point) -> str:
    state = f"commit {point.commit} of {point.committed.isoformat()}"
    return state if point.valid else f"{state} (invalid files)"


def _number(value: int | None) -> str:
    return "—" if value is None else str(value)


def tables(trend: Trend) -> list[Table]:
    points = trend.points
    areas = ", ".join(f"{name} {first} to {last}" for first, last, name in AREAS)
    return [
        Table(
            "Findings per area",
            f"Areas by rule code: {areas}.",
            ["Date", "State", *(name for _, _, name in AREAS)],
            [
                [p.day.isoformat(), _state(p), *(str(p.areas[n]) for _, _, n in AREAS)]
                for p in points
            ],
            chart="Findings per area over time",
        ),
        Table(
            "Overdue reviews",
            "Policy documents past their review date (GK101); access lists past their "
            "review interval (GK302).",
            ["Date", *(name.capitalize() for name, _ in OVERDUE)],
            [
                [p.day.isoformat(), *(_number(_get(p.overdue, n)) for n, _ in OVERDUE)]
                for p in points
            ],
            chart="Overdue reviews over time",
        ),
        Table(
            "Accounts per owner status",
            OWNERS_NOTE,
            ["Date", *(status.capitalize() for status in OWNER_STATUSES)],
            [
                [p.day.isoformat(), *(_number(_get(p.owners, s)) for s in OWNER_STATUSES)]
                for p in points
            ],
            chart="Accounts per owner status",
        ),
        Table(
            "Controls satisfied",
            CONTROLS_NOTE,
            ["Control", *(p.day.isoformat() for p in points)],
            [[_satisfied(p.controls.get(ident)) for p in points] for ident in trend.titles],
            controls=list(trend.titles.items()),
        ),
    ]


def _get(counts: dict[str, int] | None, key: str) -> int | None:
    return None if counts is None else counts[key]


def _satisfied(value: bool | None) -> str:
    return "—" if value is None else "yes" if value else "no"


def series(trend: Trend, chart: str) -> dict[str, list[int | None]]:
    """The lines of a chart: one value per point (None: not counted at that point)."""
    points = trend.points
    if chart == "Findings per area over time":
        found = {
            name: [p.areas[name] for p in points] for _, _, name in AREAS
        }  # areas without findings in the period are left out, unless all are
        return {name: v for name, v in found.items() if any(v)} or found
    if chart == "Overdue reviews over time":
        return {name.capitalize(): [_get(p.overdue, name) for p in points] for name, _ in OVERDUE}
    return {s.capitalize(): [_get(p.owners, s) for p in points] for s in OWNER_STATUSES}


def charts(trend: Trend) -> dict[str, str]:
    """Chart title -> inline SVG, for the tables that have a chart."""
    days = [p.day for p in trend.points]
    found = {}
    for number, item in enumerate(t for t in tables(trend) if t.chart):
        assert item.chart is not None
        found[item.chart] = line_chart(
            f"trend-{number + 1}", item.chart, days, series(trend, item.chart)
        )
    return found


def markdown(trend: Trend, *, level: int = 1, inline_charts: bool = False) -> str:
    """The trend in Markdown; `level` is its title's; `inline_charts` puts each SVG chart
    after its table, as raw HTML (the handbook)."""
    h = "#" * level
    lines = [f"{h} {TITLE}", "", *(f"{line}\n" for line in intro(trend))]
    if not trend.points:
        return "\n".join(lines)
    drawn = charts(trend) if inline_charts else {}
    for item in tables(trend):
        lines += [f"{h}# {item.heading}", "", item.note, ""]
        rows = item.rows
        if item.controls is not None:
            rows = [
                [f"{code_cell(ident)} {cell(title) if title else ''}".rstrip(), *row]
                for (ident, title), row in zip(item.controls, item.rows, strict=True)
            ]
            lines += table([cell(name) for name in item.headers], rows)
        else:
            lines += table(item.headers, rows)  # dates, numbers and words of ours
        if item.chart in drawn:
            lines += [f'<div class="govkit-chart">{drawn[item.chart]}</div>', ""]
    return "\n".join(lines)


def as_html(trend: Trend) -> str:
    e = out.html
    body = [f"<h1>{e(TITLE)}</h1>", *(f"<p>{e(line)}</p>" for line in intro(trend))]
    drawn = charts(trend) if trend.points else {}
    for item in tables(trend) if trend.points else []:
        body += [f"<h2>{e(item.heading)}</h2>", f"<p>{e(item.note)}</p>"]
        rows = item.rows
        if item.controls is not None:
            rows = [
                [f"{ident} {title}".rstrip(), *row]
                for (ident, title), row in zip(item.controls, item.rows, strict=True)
            ]
        body += html_rows(item.headers, rows)
        if item.chart in drawn:
            body.append(f"<figure>{drawn[item.chart]}</figure>")
    return html_page(TITLE, body)


def as_json(trend: Trend) -> str:
    data: dict[str, Any] = {
        "report": "governance-trend",
        "since": trend.since.isoformat(),
        "until": trend.until.isoformat(),
        "every": trend.every,
        "first_commit": _iso(trend.first_commit),
        "areas": [{"name": name, "first": a, "last": b} for a, b, name in AREAS],
        "controls": [{"id": ident, "title": title} for ident, title in trend.titles.items()],
        "points": [
            {
                "date": p.day.isoformat(),
                "commit": p.commit,
                "committed": p.committed.isoformat(),
                "valid": p.valid,
                "findings_per_area": p.areas,
                "overdue_reviews": p.overdue,
                "accounts_per_owner_status": p.owners,
                "controls_satisfied": p.controls,
            }
            for p in trend.points
        ],
    }
    return out.json(data)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


TREND_FORMATS: dict[str, Callable[[Trend], str]] = {
    "markdown": lambda trend: markdown(trend) + "\n",
    "html": as_html,
    "json": as_json,
}
