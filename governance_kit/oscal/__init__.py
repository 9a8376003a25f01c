"""OSCAL 1.2 exports (JSON): what every document shares.

Deterministic UUIDs (version 5, from a fixed namespace and stable names), moments derived from
the dates given on the command line, control ids as OSCAL tokens, and properties in our own
namespace. Texts from the policy files are written as escaped Markdown (OSCAL markup), and the
whole document leaves through the output layer, which redacts every text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from typing import Any

import regex

from .. import output as out

OSCAL_VERSION = "1.2.1"
NAMESPACE = uuid.UUID("6f1c3c55-2b1e-4a57-9a55-5c1d0e3b7a10")
"""Fixed: every UUID of every export is derived from it, so that exports are reproducible."""
NS = "https://github.com/governance-kit/governance-kit/ns/oscal"
"""The namespace of our own property names."""

_TOKEN = regex.compile(r"^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$")
_NOT_TOKEN = regex.compile(r"[^\p{L}\p{N}._-]+")
_FIRST_YEAR, _LAST_YEAR = 1900, 2999
"""The years OSCAL's date-time pattern accepts."""


def uid(*names: object) -> str:
    """The UUID of a thing named by `names` (document, kind, id, date, commit)."""
    return str(uuid.uuid5(NAMESPACE, "/".join(str(name) for name in names)))


def in_range(day: dt.date) -> bool:
    return _FIRST_YEAR <= day.year <= _LAST_YEAR


def date_problem(day: dt.date) -> str | None:
    """Why OSCAL cannot write `day` (its date-times run from 1900 to 2999), or None."""
    if in_range(day):
        return None
    return f"OSCAL writes dates from {_FIRST_YEAR} to {_LAST_YEAR}, not {day.isoformat()}"


def moment(day: dt.date, end: bool = False) -> str:
    """The start (or last second) of a day, in UTC, as OSCAL writes a date-time."""
    return f"{day.isoformat()}T{'23:59:59' if end else '00:00:00'}Z"


def is_token(value: str) -> bool:
    return bool(_TOKEN.match(value))


def control_token(ident: str, own: bool = False) -> str:
    """A control id as an OSCAL token, relative to its catalogue.

    `NIST:AC-2(10)` -> `ac-2.10` (as in NIST's OSCAL catalogue), `SOC2:CC6.2` -> `cc6.2`,
    `CIS:3` -> `cis-3`. A company's own id that is a token already stays as written; another is
    made one, with a short hash of the id so that two ids never meet.
    """
    if own:
        if is_token(ident):
            return ident
        cleaned = _NOT_TOKEN.sub("-", ident).strip("-") or "control"
        digest = hashlib.sha256(ident.encode("utf-8")).hexdigest()[:8]
        return f"{'' if is_token(cleaned[:1]) else 'control-'}{cleaned}-{digest}"
    framework, _, rest = ident.partition(":")
    body = regex.sub(r"\((\w+)\)", r".\1", rest).lower()
    return body if is_token(body) else f"{framework.lower()}-{body}"


def framework_of(ident: str, own: bool = False) -> str:
    return "own" if own else ident.partition(":")[0]


def line(value: object) -> str:
    """A markup-line: redacted, escaped Markdown on one line (never empty)."""
    return out.markdown(value) or "—"


def string(value: object) -> str | None:
    """A plain OSCAL string: redacted, on one line, no surrounding space; None when empty."""
    shown = " ".join(out.visible(out.text(value)).split())
    return shown or None


def prop(name: str, value: object) -> dict[str, str] | None:
    text = string(value)
    return {"name": name, "ns": NS, "value": text} if text is not None else None


def props(*items: dict[str, str] | None) -> dict[str, list[dict[str, str]]]:
    """{"props": [...]} of the properties given, or {} when there is none."""
    kept = [item for item in items if item is not None]
    return {"props": kept} if kept else {}


def party(organisation: str) -> list[dict[str, Any]]:
    """The organisation as the one party of a document (none without a name)."""
    name = string(organisation)
    if name is None:
        return []
    return [{"uuid": uid("party", name), "type": "organization", "name": name}]


def document(root: str, body: dict[str, Any]) -> str:
    """The JSON text of an OSCAL document, every text redacted by the output layer."""
    return out.json({root: body})
