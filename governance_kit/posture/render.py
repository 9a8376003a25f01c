"""The posture report as Markdown (also the handbook page), standalone HTML, or JSON.

Every text from the policy files (names, titles, handles, justifications, finding lines) goes
through the output layer: redacted, then escaped as Markdown text or code spans, as HTML, or
placed in JSON.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import output as out
from ..markup.escape import cell, text
from ..markup.markdown import bullets, table
from .build import ControlRow, EvidenceRow, Posture

_PLAIN_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9:.()-]*$")
code = out.markdown_code


def code_cell(value: object) -> str:
    return out.markdown_code(value, cell=True)


def state_line(posture: Posture) -> str:
    """Where the state comes from (made by the toolkit: a commit id and date, a folder)."""
    if posture.as_of is not None:
        state = f"as of {posture.as_of.isoformat()}: {out.text(posture.source)}"
    else:
        state = out.text(posture.source)
    return f"State: {state}; checked as on {posture.today.isoformat()}."


def summary_line(posture: Posture) -> str:
    c = posture.counts
    return (
        f"Findings: {c['error']} errors, {c['warning']} warnings, {c['info']} info, "
        f"{c['waived']} waived."
    )


@dataclass(frozen=True)
class Cell:
    """One value of a table. Markdown shows it as code (`code`), as text the toolkit made
    (`made`: redacted, not escaped) or as escaped text; `note` follows it (a title)."""

    value: object
    code: bool = False
    made: bool = False
    note: object = None


@dataclass(frozen=True)
class Table:
    """A table of the report, the same in every format; `long` columns are shown in HTML only
    (Markdown lists them under the table)."""

    headers: list[str]
    rows: list[list[Cell]]
    long: frozenset[int] = frozenset()


def account_table(posture: Posture) -> Table:
    return Table(
        ["Account", "Platform", "Handle", "Status", "Owner", "Backup owner"],
        [
            [Cell(a.id, code=True), *map(Cell, (a.platform, a.handle, a.status, a.owner, a.backup))]
            for a in posture.accounts
        ],
    )


def waiver_table(posture: Posture) -> Table:
    headers = ["Waiver", "Rule", "Target", "Justification", "Approved by", "Approved on"]
    return Table(
        [*headers, "Expires", "State"],
        [
            [
                Cell(w.id, code=True),
                Cell(w.rule),
                Cell(out.text(w.target), code=True),
                Cell(w.justification),
                Cell(w.approved_by),
                Cell(w.approved_on.isoformat(), made=True),
                Cell(w.expires.isoformat(), made=True),
                Cell("in force" if w.in_force else "expired", made=True),
            ]
            for w in posture.waivers
        ],
        long=frozenset({3}),
    )


def review_table(posture: Posture) -> Table:
    return Table(
        ["Date", "Document", "Reviewer", "Recorded in"],
        [
            [
                Cell(r.reviewed.isoformat(), made=True),
                Cell(r.document, code=True, note=r.title),
                Cell(r.reviewer),
                Cell(r.source, made=True),
            ]
            for r in posture.reviews
        ],
    )


def markdown_table(shown: Table) -> list[str]:
    """The table, or one line saying there is nothing to show instead of an empty table."""
    if not shown.rows:
        return ["None.", ""]
    keep = [i for i in range(len(shown.headers)) if i not in shown.long]
    return table(
        [shown.headers[i] for i in keep],
        ([_markdown_cell(row[i]) for i in keep] for row in shown.rows),
    )


def _markdown_cell(value: Cell) -> str:
    if value.code:
        shown = code_cell(value.value)
    else:
        shown = out.text(value.value) if value.made else cell(value.value)
    return shown if value.note is None else f"{shown} {cell(value.note)}"


def html_table(shown: Table) -> list[str]:
    return html_rows(shown.headers, [[_plain(c) for c in row] for row in shown.rows])


def html_rows(headers: list[str], rows: list[list[object]]) -> list[str]:
    """An HTML table; every header and cell escaped here."""
    e = out.html
    lines = ["<table>", "<tr>" + "".join(f"<th>{e(h)}</th>" for h in headers) + "</tr>"]
    lines += ["<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in rows]
    return [*lines, "</table>"]


def _plain(value: Cell) -> object:
    return value.value if value.note is None else f"{value.value} ({value.note})"


def markdown(posture: Posture, *, level: int = 1) -> str:
    """The report in Markdown; `level` is the level of its title (2 inside another page)."""
    h = "#" * level
    title = "Governance posture"
    if posture.organisation:
        title += f": {text(posture.organisation)}"
    lines = [f"{h} {title}", "", state_line(posture), "", summary_line(posture), ""]
    lines += [f"{h}# Controls", ""]
    for row in posture.controls:
        lines += control_markdown(row, h + "##")
    lines += [f"{h}# Accounts and owners", ""]
    lines += markdown_table(account_table(posture))
    lines += [f"{h}# Waivers", ""]
    lines += markdown_table(waiver_table(posture))
    for w in posture.waivers:
        lines += [f"- {code(w.id)}: {text(w.justification)}"]
    lines += ["", f"{h}# Reviews from {posture.since.isoformat()} to {posture.today.isoformat()}"]
    lines += [""]
    lines += markdown_table(review_table(posture))
    return "\n".join(lines)


def control_markdown(row: ControlRow, h: str) -> list[str]:
    ident = row.id if _PLAIN_ID.match(row.id) else text(row.id)
    heading = f"{h} {ident}" + (f": {text(row.title)}" if row.title else "")
    lines = [heading, ""]
    if not row.rules:
        return [*lines, "No rule serves this control.", ""]
    lines += bullets(
        f"{code(r.code)} {r.name}: {out.counted(r.findings, 'finding')}"
        + (f" ({r.waived} waived)" if r.waived else "")
        for r in row.rules
    )
    if row.lines:
        lines += bullets(code(line.text()) for line in row.lines)
    if row.evidence:
        lines += ["Reconciled with:", "", *bullets(map(evidence_text, row.evidence))]
    return lines


def evidence_text(row: EvidenceRow, shown: Callable[[str], str] = code) -> str:
    """One export of a reconciliation: its name and digest `shown` (as Markdown code by
    default), the rest made here."""
    return (
        f"{shown(row.path)} ({out.text(row.kind)}), sha256 {shown(row.sha256)}, exported "
        f"{row.exported.isoformat()} ({row.age_days} days before the report, by its "
        f"{row.dated_by}): {out.counted(row.findings, 'finding')}"
    )


def as_json(posture: Posture) -> str:
    data: dict[str, Any] = {
        "report": "governance-posture",
        "organisation": posture.organisation,
        "as_of": posture.as_of.isoformat() if posture.as_of else None,
        "today": posture.today.isoformat(),
        "source": posture.source,
        "period": {"since": posture.since.isoformat(), "until": posture.today.isoformat()},
        "counts": posture.counts,
        "controls": [
            {
                "id": row.id,
                "title": row.title,
                "rules": [vars(rule) for rule in row.rules],
                "findings": [
                    {**vars(line), "waived_by": line.waiver, "text": line.text()}
                    for line in row.lines
                ],
                **({"evidence": [_evidence(e) for e in row.evidence]} if row.evidence else {}),
            }
            for row in posture.controls
        ],
        "accounts": [
            {
                "id": a.id,
                "platform": a.platform,
                "handle": a.handle,
                "status": a.status,
                "business_owner": a.owner,
                "backup_owner": a.backup,
            }
            for a in posture.accounts
        ],
        "waivers": [
            {**vars(w), "approved_on": w.approved_on.isoformat(), "expires": w.expires.isoformat()}
            for w in posture.waivers
        ],
        "reviews": [{**vars(r), "reviewed": r.reviewed.isoformat()} for r in posture.reviews],
    }
    for control in data["controls"]:
        for finding in control["findings"]:
            finding.pop("waiver")
    return out.json(data)


def _evidence(row: EvidenceRow) -> dict[str, Any]:
    return {**vars(row), "exported": row.exported.isoformat()}


def as_html(posture: Posture) -> str:
    e = out.html
    title = "Governance posture" + (f": {posture.organisation}" if posture.organisation else "")
    body = [f"<h1>{e(title)}</h1>", f"<p>{e(state_line(posture))}</p>"]
    body += [f"<p>{e(summary_line(posture))}</p>", "<h2>Controls</h2>"]
    for row in posture.controls:
        body.append(f"<h3>{e(row.id)}{': ' + e(row.title) if row.title else ''}</h3>")
        if not row.rules:
            body.append("<p>No rule serves this control.</p>")
            continue
        items = [
            f"{r.code} {r.name}: {out.counted(r.findings, 'finding')}"
            + (f" ({r.waived} waived)" if r.waived else "")
            for r in row.rules
        ]
        body += ["<ul>", *(f"<li>{e(i)}</li>" for i in items), "</ul>"]
        if row.lines:
            body += ["<ul>", *(f"<li><code>{e(x.text())}</code></li>" for x in row.lines), "</ul>"]
        if row.evidence:
            body += ["<p>Reconciled with:</p>", "<ul>"]
            body += [f"<li>{e(evidence_text(x, out.text))}</li>" for x in row.evidence]
            body.append("</ul>")
    body.append("<h2>Accounts and owners</h2>")
    body += html_table(account_table(posture))
    body.append("<h2>Waivers</h2>")
    body += html_table(waiver_table(posture))
    body.append(f"<h2>Reviews from {posture.since.isoformat()} to {posture.today.isoformat()}</h2>")
    body += html_table(review_table(posture))
    return html_page(title, body)


def html_page(title: str, body: list[str]) -> str:
    """A standalone HTML document: `title` (escaped here) and the lines of its body."""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>{out.html(title)}</title>",
            "<style>body{font-family:sans-serif;max-width:70em;margin:auto}"
            "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em}</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )


FORMATS: dict[str, Callable[[Posture], str]] = {
    "markdown": lambda posture: markdown(posture) + "\n",
    "html": as_html,
    "json": as_json,
}


def render(posture: Posture, fmt: str) -> str:
    return FORMATS[fmt](posture)
