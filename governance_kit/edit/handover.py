"""Handing a leaver's accounts, access and rota shifts to a successor (`govkit handover`).

The successor is the one named, or else the first that the account's continuity plan's
successor rules yield (backup owner, a holder of a role, a named person) who is active. The
successor takes the leaver's place as owner, backup owner and recovery phone holder; an account
whose backup owner would be its business owner gets another backup owner (named, or by the plan's
rules). With a last day ahead, the leaver keeps their access until then (`until` on the entry,
enforced by GK314) and the successor gets theirs at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .. import output as out
from ..model.accounts import LEVEL_RANK, Access, Account
from ..model.continuity import ContinuityPlan, Handover, Plan
from ..model.governance import Governance
from ..model.moderation import ModerationPolicy
from ..model.people import Person
from .handover_duties import Duty, duties_of, duty_lines, hand_over
from .yaml_edit import Changeset, EditProblem, node_at, put_in_order

FLOW_ITEMS = 4


class NeedsBackup(EditProblem):
    """An account would have its business owner as backup owner, and no other is known."""

    def __init__(self, account: str, owner: str) -> None:
        super().__init__(
            f"account '{account}': the backup owner would be the business owner '{owner}'; "
            "name another backup owner with --backup"
        )
        self.account = account
        self.owner = owner


@dataclass
class AccountMove:
    """One account the leaver is part of, and who takes their place there."""

    account: Account
    plan: Plan
    successor: str
    roles: list[str]


@dataclass
class HandoverPlan:
    """Everything a handover changes."""

    person: str
    today: date
    moves: list[AccountMove]
    shifts: list[int]
    rota_successor: str | None
    entries: list[Handover] = field(default_factory=list)
    last_day: date | None = None
    backup: str | None = None
    warnings: list[str] = field(default_factory=list)
    duties: list[Duty] = field(default_factory=list)
    """Connections the leaver holds or sponsors and open milestones they own."""

    @property
    def keeps_access(self) -> bool:
        """The leaver works on after today: their access ends on their last day, not now."""
        return self.last_day is not None and self.last_day > self.today


def plan_handover(
    governance: Governance,
    person: str,
    successor: str | None,
    today: date,
    last_day: date | None = None,
    backup: str | None = None,
) -> HandoverPlan:
    """Who takes over what, and the Handover entries to record."""
    leaver = _person(governance, person, "leaving person")
    if leaver.status == "left":
        raise EditProblem(f"person '{person}' has already left")
    if successor is not None:
        _check_successor(governance, person, successor)
    if backup is not None:
        _check_successor(governance, person, backup, "backup owner")
    moves = [
        _move(governance, account, person, successor)
        for account in governance.accounts.values()
        if _roles_in(account, person)
    ]
    moderation = governance.spec(ModerationPolicy)
    shifts = [
        i for i, s in enumerate(moderation.rota.shifts if moderation else []) if s.person == person
    ]
    rota_successor = None
    if shifts:
        rota_successor = successor or _rota_successor(governance, person)
    plan = HandoverPlan(person, today, moves, shifts, rota_successor)
    heirs = {move.account.id: move.successor for move in moves}
    plan.duties = duties_of(governance, person, successor, heirs)
    plan.entries = _entries(governance, plan)
    plan.last_day = last_day or leaver.end_date
    plan.backup = backup
    return plan


def apply_handover(
    changeset: Changeset, governance: Governance, plan: HandoverPlan, last_day: date | None
) -> None:
    """Make the changes of `plan` in the files of `changeset`."""
    for move in plan.moves:
        location = governance.locate("account", move.account.id)
        node = node_at(changeset.file(location.document.path).data, location.path)
        _move_account(node, plan, move)
        _keep_a_backup(node, governance, plan, move)
        plan.warnings += _admin_warnings(node, plan)
    if plan.shifts:
        document = governance.of_kind(ModerationPolicy)[0]
        shifts = changeset.file(document.path).data["spec"]["rota"]["shifts"]
        for index in plan.shifts:
            shifts[index]["person"] = plan.rota_successor
    hand_over(changeset, governance, plan.duties)
    location = governance.locate("person", plan.person)
    _mark_leaving(
        node_at(changeset.file(location.document.path).data, location.path), plan, last_day
    )
    continuity = governance.of_kind(ContinuityPlan)
    if not continuity:
        raise EditProblem("no ContinuityPlan document to record the handover in")
    _record(changeset.file(continuity[0].path).data["spec"], plan.entries)


def checklist(governance: Governance, plan: HandoverPlan) -> str:
    """The handover checklist, per account, as plain text (every value through the output
    layer: redacted, control characters visible)."""
    p = out.terminal
    lines = []
    for entry in plan.entries:
        lines.append(
            f"Handover {p(entry.id)}: {p(plan.person)} to {p(entry.successor)}, "
            f"started {entry.started}, deadline {entry.deadline}"
        )
    for move in plan.moves:
        roles = ", ".join(p(role) for role in move.roles)
        lines += [
            "",
            f"{p(move.account.id)} ({roles}) -> {p(move.successor)}, plan {p(move.plan.id)}, "
            f"deadline {plan.today + timedelta(days=move.plan.deadline_days)}:",
        ]
        lines += [f"  [ ] {p(item.task)}" for item in move.plan.checklist]
    if plan.shifts:
        lines += [
            "",
            f"Rota: {out.counted(len(plan.shifts), 'shift')} moved to {p(plan.rota_successor)}.",
        ]
    lines += duty_lines(plan.person, plan.duties)
    owned = [p(d.id) for d in governance.policies if d.model.metadata.owner == plan.person]
    if owned:
        owners = ", ".join(owned)
        lines += ["", f"Still owned by {p(plan.person)}: {owners}; name new owners."]
    return "\n".join(lines) + "\n"


def handover_summary(plan: HandoverPlan) -> str:
    """The changelog line of the documents a handover changes."""
    successors = sorted({entry.successor for entry in plan.entries})
    ids = ", ".join(entry.id for entry in plan.entries)
    return f"Handover of {plan.person} to {', '.join(successors)} ({ids})."


def _person(governance: Governance, ident: str, what: str) -> Person:
    person = governance.people.get(ident)
    if person is None:
        raise EditProblem(f"unknown {what} '{ident}'")
    return person


def _check_successor(
    governance: Governance, leaver: str, successor: str, what: str = "successor"
) -> None:
    person = _person(governance, successor, what)
    if successor == leaver:
        raise EditProblem(f"the {what} must be someone other than the leaving person")
    if person.status != "active":
        raise EditProblem(f"{what} '{successor}' is not active (status {person.status})")


def _roles_in(account: Account, person: str) -> list[str]:
    roles = []
    if account.business_owner == person:
        roles.append("business owner")
    if account.backup_owner == person:
        roles.append("backup owner")
    roles += [f"{a.level} access" for a in account.access if a.person == person]
    if account.recovery is not None and account.recovery.holder == person:
        roles.append("recovery phone holder")
    return roles


def plan_for(governance: Governance, account: Account) -> Plan:
    """The continuity plan of an account: named, or the most specific that applies."""
    if account.continuity_plan:
        return governance.plans[account.continuity_plan]
    best: tuple[int, Plan] | None = None
    for plan in governance.plans.values():
        scope = plan.applies_to
        if account.id in scope.accounts:
            score = 3
        elif account.platform in scope.platforms:
            score = 2
        elif not scope.accounts and not scope.platforms:
            score = 1
        else:
            continue
        if best is None or score > best[0]:
            best = (score, plan)
    if best is None:
        raise EditProblem(f"no continuity plan applies to account '{account.id}'")
    return best[1]


def _move(
    governance: Governance, account: Account, person: str, successor: str | None
) -> AccountMove:
    plan = plan_for(governance, account)
    if successor is None:
        owner = account.business_owner
        if owner and owner != person:
            successor = _by_rules(governance, plan, account, {person, owner})
        successor = successor or _by_rules(governance, plan, account, {person})
    if successor is None:
        raise EditProblem(
            f"no active successor for account '{account.id}' under plan '{plan.id}'; "
            "name one with --to"
        )
    return AccountMove(account, plan, successor, _roles_in(account, person))


def _by_rules(
    governance: Governance, plan: Plan, account: Account | None, excluded: set[str]
) -> str | None:
    for rule in plan.successor_rules:
        if rule.successor == "backup-owner":
            candidates = [account.backup_owner] if account and account.backup_owner else []
        elif rule.successor == "role" and rule.role:
            candidates = [p.id for p in governance.holders(rule.role)]
        else:
            candidates = [rule.person] if rule.person else []
        for candidate in candidates:
            person = governance.people.get(candidate)
            if candidate not in excluded and person is not None and person.status == "active":
                return candidate
    return None


def _rota_successor(governance: Governance, person: str) -> str:
    plans = sorted(
        governance.plans.values(),
        key=lambda p: bool(p.applies_to.accounts or p.applies_to.platforms),
    )
    for plan in plans:
        found = _by_rules(governance, plan, None, {person})
        if found:
            return found
    raise EditProblem(f"no active successor for the rota shifts of '{person}'; name one with --to")


def _entries(governance: Governance, plan: HandoverPlan) -> list[Handover]:
    successors: dict[str, list[AccountMove]] = {}
    for move in plan.moves:
        successors.setdefault(move.successor, []).append(move)
    if plan.rota_successor and plan.rota_successor not in successors:
        successors[plan.rota_successor] = []
    days = min((p.deadline_days for p in governance.plans.values()), default=14)
    entries = []
    for successor, moves in successors.items():
        ident = f"handover-{plan.person}-{plan.today.isoformat()}"
        if len(successors) > 1:
            ident += f"-to-{successor}"
        if ident in governance.handovers:
            raise EditProblem(f"handover '{ident}' is already recorded")
        deadline = min((m.plan.deadline_days for m in moves), default=days)
        entries.append(
            Handover(
                id=ident,
                person=plan.person,
                successor=successor,
                accounts=[m.account.id for m in moves],
                started=plan.today,
                deadline=plan.today + timedelta(days=deadline),
                status="in-progress",
            )
        )
    return entries


def _move_account(node: Any, plan: HandoverPlan, move: AccountMove) -> None:
    leaver, successor = plan.person, move.successor
    for key in ("business_owner", "backup_owner"):
        if node.get(key) == leaver:
            node[key] = successor
    recovery = node.get("recovery")
    if recovery is not None and recovery.get("holder") == leaver:
        recovery["holder"] = successor
    access = node.get("access") or []
    mine = [entry for entry in access if entry["person"] == leaver]
    theirs = [entry for entry in access if entry["person"] == successor]
    for entry in mine:
        if theirs:
            kept = theirs[0]
            if LEVEL_RANK[entry["level"]] > LEVEL_RANK[kept["level"]]:
                kept["level"] = entry["level"]
        elif plan.keeps_access:
            theirs = [_grant(access, entry, successor, plan.today)]
        else:
            entry["person"] = successor
            if "granted" in entry:
                entry["granted"] = plan.today
            theirs = [entry]
            continue
        if plan.keeps_access:
            put_in_order(entry, "until", plan.last_day, list(Access.model_fields))
        else:
            access.remove(entry)


def _grant(access: Any, entry: Any, person: str, today: date) -> Any:
    """A new access entry for `person` at the level of `entry`, placed after it."""
    granted = CommentedMap(person=person, level=entry["level"], granted=today)
    if entry.fa.flow_style():
        granted.fa.set_flow_style()
    access.insert(access.index(entry) + 1, granted)
    return granted


def _keep_a_backup(
    node: Any, governance: Governance, plan: HandoverPlan, move: AccountMove
) -> None:
    """An account whose backup owner would be its business owner gets another backup owner:
    the one named with --backup, else the first the plan's successor rules yield, else another
    admin of the account who is active."""
    owner = node.get("business_owner")
    if owner is None or node.get("backup_owner") != owner:
        return
    excluded = {plan.person, owner}
    backup = plan.backup or _by_rules(governance, move.plan, None, excluded)
    backup = backup or next(iter(_active_admins(node, governance, excluded)), None)
    if backup is None or backup == owner:
        raise NeedsBackup(move.account.id, owner)
    node["backup_owner"] = backup


def _active_admins(node: Any, governance: Governance, excluded: set[str]) -> list[str]:
    """The admins of an account (a YAML node) who are active, in the order listed."""
    found = []
    for entry in node.get("access") or []:
        person = governance.people.get(entry["person"])
        active = person is not None and person.status == "active"
        if entry["level"] == "admin" and active and entry["person"] not in {*excluded, *found}:
            found.append(entry["person"])
    return found


def _admin_warnings(node: Any, plan: HandoverPlan) -> list[str]:
    """A warning when the account is left with one admin, or none, besides the leaver."""
    if node.get("status") == "archived":
        return []
    admins = sorted(
        {e["person"] for e in node.get("access") or [] if e["level"] == "admin"} - {plan.person}
    )
    if len(admins) > 1:
        return []
    left = f"a single admin, '{admins[0]}'," if admins else "no admin"
    return [f"account '{node['id']}' will have {left} once '{plan.person}' has gone"]


def _mark_leaving(node: Any, plan: HandoverPlan, last_day: date | None) -> None:
    order = list(Person.model_fields)
    if node.get("status", "active") == "active":
        put_in_order(node, "status", "leaving", order)
    if last_day is not None or not node.get("end_date"):
        deadline = max((e.deadline for e in plan.entries), default=plan.today)
        put_in_order(node, "end_date", last_day or deadline, order)


def _record(spec: Any, entries: list[Handover]) -> None:
    if "handovers" not in spec or spec["handovers"] is None:
        put_in_order(spec, "handovers", CommentedSeq(), ["plans", "handovers"])
    for entry in entries:
        item = CommentedMap()
        for key, value in entry.model_dump(exclude_none=True).items():
            if key == "accounts":
                value = CommentedSeq(value)
                if len(value) <= FLOW_ITEMS:
                    value.fa.set_flow_style()
            item[key] = value
        spec["handovers"].append(item)
