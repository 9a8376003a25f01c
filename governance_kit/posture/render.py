"""The posture report as Markdown (also the handbook page), standalone HTML, or JSON.

Every text from the policy files (names, titles, handles, justifications, finding lines) goes
through the output layer: redacted, then escaped as Markdown text or code spans, as HTML, or
placed in JSON.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .. import output as out
from ..markup.escape import cell, text
from ..markup.markdown import bullets, table
from .build import ControlRow, Posture

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
    lines += table(
        ["Account", "Platform", "Handle", "Status", "Owner", "Backup owner"],
        (
            [
                code_cell(a.id),
                cell(a.platform),
                cell(a.handle),
                cell(a.status),
                cell(a.owner),
                cell(a.backup),
            ]
            for a in posture.accounts
        ),
    )
    lines += [f"{h}# Waivers", ""]
    lines += table(
        ["Waiver", "Rule", "Target", "Approved by", "Approved on", "Expires", "State"],
        (
            [
                code_cell(w.id),
                cell(w.rule),
                code_cell(w.target),
                cell(w.approved_by),
                w.approved_on.isoformat(),
                w.expires.isoformat(),
                "in force" if w.in_force else "expired",
            ]
            for w in posture.waivers
        ),
    )
    for w in posture.waivers:
        lines += [f"- {code(w.id)}: {text(w.justification)}"]
    lines += ["", f"{h}# Reviews from {posture.since.isoformat()} to {posture.today.isoformat()}"]
    lines += [""]
    lines += table(
        ["Date", "Document", "Reviewer", "Recorded in"],
        (
            [
                r.reviewed.isoformat(),
                f"{code_cell(r.document)} {cell(r.title)}",
                cell(r.reviewer),
                out.text(r.source),
            ]
            for r in posture.reviews
        ),
    )
    return "\n".join(lines)


def control_markdown(row: ControlRow, h: str) -> list[str]:
    ident = row.id if _PLAIN_ID.match(row.id) else text(row.id)
    heading = f"{h} {ident}" + (f": {text(row.title)}" if row.title else "")
    lines = [heading, ""]
    if not row.rules:
        return [*lines, "No rule serves this control.", ""]
    lines += bullets(
        f"{code(r.code)} {r.name}: {r.findings} finding{'s' if r.findings != 1 else ''}"
        + (f" ({r.waived} waived)" if r.waived else "")
        for r in row.rules
    )
    if row.lines:
        lines += bullets(code(line.text()) for line in row.lines)
    return lines


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


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    e = out.html
    lines = ["<table>", "<tr>" + "".join(f"<th>{e(h)}</th>" for h in headers) + "</tr>"]
    lines += ["<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in rows]
    return [*lines, "</table>"]


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
            f"{r.code} {r.name}: {r.findings} finding{'s' if r.findings != 1 else ''}"
            + (f" ({r.waived} waived)" if r.waived else "")
            for r in row.rules
        ]
        body += ["<ul>", *(f"<li>{e(i)}</li>" for i in items), "</ul>"]
        if row.lines:
            body += ["<ul>", *(f"<li><code>{e(x.text())}</code></li>" for x in row.lines), "</ul>"]
    body.append("<h2>Accounts and owners</h2>")
    body += _table(
        ["Account", "Platform", "Handle", "Status", "Owner", "Backup owner"],
        [[a.id, a.platform, a.handle, a.status, a.owner, a.backup] for a in posture.accounts],
    )
    body.append("<h2>Waivers</h2>")
    body += _table(
        [
            "Waiver",
            "Rule",
            "Target",
            "Justification",
            "Approved by",
            "Approved on",
            "Expires",
            "State",
        ],
        [
            [
                w.id,
                w.rule,
                w.target,
                w.justification,
                w.approved_by,
                w.approved_on.isoformat(),
                w.expires.isoformat(),
                "in force" if w.in_force else "expired",
            ]
            for w in posture.waivers
        ],
    )
    body.append(f"<h2>Reviews from {posture.since.isoformat()} to {posture.today.isoformat()}</h2>")
    body += _table(
        ["Date", "Document", "Reviewer", "Recorded in"],
        [
            [r.reviewed.isoformat(), f"{r.document} ({r.title})", r.reviewer, r.source]
            for r in posture.reviews
        ],
    )
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
