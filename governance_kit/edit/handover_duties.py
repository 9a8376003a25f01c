"""What a leaver holds besides accounts and shifts, handed over with them (`govkit handover`):
the tools and agencies they connected or sponsor (a token in their name stops working, or
keeps working, the day they leave) and the open roadmap milestones they own.

Each duty goes to the successor named with `--to`, or else to the successor of an account the
connection reaches, or else to the one person who takes over all the leaver's accounts; a duty
nobody can take is left as it is and named in the checklist.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import output as out
from ..model.governance import Governance
from .yaml_edit import Changeset, node_at

OPEN = ("planned", "in_progress")
"""Milestone statuses that still need an owner."""


@dataclass(frozen=True)
class Duty:
    """One thing the leaver holds: an entity, the field naming them, and who takes it over
    (None: nobody could be chosen)."""

    entity: str
    ident: str
    field: str
    successor: str | None


def duties_of(
    governance: Governance, person: str, successor: str | None, by_account: dict[str, str]
) -> list[Duty]:
    """The connections `person` holds or sponsors and the open milestones they own, each with
    its successor: `successor`, or the successor of an account the connection reaches
    (`by_account`: account id -> successor), or the one successor of all the accounts."""
    heirs = set(by_account.values())
    successor = successor or (heirs.pop() if len(heirs) == 1 else None)
    found = []
    for connection in governance.entities.get("connection", {}).values():
        heir = successor or next(
            (by_account[a] for a in connection.accounts if a in by_account), None
        )
        for name in ("holder", "sponsor"):
            if getattr(connection, name) == person:
                found.append(Duty("connection", connection.id, name, heir))
    for milestone in governance.entities.get("milestone", {}).values():
        if milestone.owner == person and milestone.status in OPEN:
            found.append(Duty("milestone", milestone.id, "owner", successor))
    return found


def hand_over(changeset: Changeset, governance: Governance, duties: list[Duty]) -> None:
    """Name each duty's successor in the files of `changeset`."""
    for duty in duties:
        if duty.successor is None:
            continue
        location = governance.locate(duty.entity, duty.ident)
        node_at(changeset.file(location.document.path).data, location.path)[duty.field] = (
            duty.successor
        )


def duty_lines(person: str, duties: list[Duty]) -> list[str]:
    """The checklist of the duties (every value through the output layer)."""
    p = out.terminal
    lines = []
    for duty in duties:
        what = f"{duty.entity} {p(duty.ident)} ({duty.field})"
        if duty.successor is None:
            lines.append(f"  [ ] {what}: name a new {duty.field}; nobody was chosen")
        elif duty.entity == "connection" and duty.field == "holder":
            lines.append(
                f"  [ ] {what} -> {p(duty.successor)}: connect it again as {p(duty.successor)} "
                f"and revoke the token of {p(person)}"
            )
        else:
            lines.append(f"  [ ] {what} -> {p(duty.successor)}")
    return ["", "Tools, agencies and milestones:", *lines] if lines else []
