"""The semantic diff: what changed in the governance model between two states, in words.

Used for pull-request comments (`govkit diff`) and for `govkit handover --dry-run`. Items of
a list are named by their id, or by the fields that tell them apart (an SLA by its channel and
hours, a completion by person and course), and their changed fields are told in words. Values of
confidential fields are never shown: the diff says that they changed, not what they are. Every
value from the policies goes through the output layer as Markdown text (`t`) or a code span
(`c`): redacted, and unable to hide later changes (`<!--`) or add links, HTML or headings.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .. import output as out
from ..git.refs import Snapshot, open_repo, resolve, snapshot_at, snapshot_of_tree
from ..model.governance import Governance
from ..model.kinds import KINDS
from ..model.moderation import ModerationPolicy
from .watched import FileChanges, render

LABELS = {
    "business_owner": "business owner",
    "backup_owner": "backup owner",
    "secret_ref": "credential reference",
    "login_email": "login e-mail",
    "mfa_method": "MFA method",
    "last_rotated": "password last rotated",
    "last_access_review": "last access review",
    "last_activity": "last activity",
    "last_verified": "last verified",
    "continuity_plan": "continuity plan",
    "end_date": "end date",
    "start_date": "start date",
    "github": "GitHub user",
    "deadline_days": "deadline (days)",
    "email": "e-mail",
    "last_reviewed": "last reviewed",
    "review_interval": "review interval",
}

ENTITY_NOUNS = {
    "account": "account",
    "person": "person",
    "role": "role",
    "channel": "channel",
    "plan": "continuity plan",
    "course": "course",
    "escalation": "escalation path",
    "crisis": "crisis protocol",
    "objective": "objective",
    "connection": "connection",
    "milestone": "milestone",
}
"""Entities compared field by field; waivers and handovers have wording of their own."""

SHORT = 60

t = out.markdown
c = out.markdown_code


@dataclass(frozen=True)
class Change:
    """One change in words, and the document it belongs to."""

    document: str
    text: str


def diff_refs(policy_path: Path, base: str, head: str | None = None) -> tuple[Snapshot, Snapshot]:
    """The two states to compare: BASE and HEAD commits, or BASE and the working tree."""
    repo = open_repo(policy_path)
    old = snapshot_at(policy_path, resolve(repo, base), c(base))
    if head is None:
        return old, snapshot_of_tree(policy_path)
    return old, snapshot_at(policy_path, resolve(repo, head), c(head))


def diff_governance(old: Governance, new: Governance) -> list[Change]:
    """Every change from `old` to `new`, in document order."""
    changes = list(_documents(old, new))
    for entity, noun in ENTITY_NOUNS.items():
        changes.extend(_entities(old, new, entity, noun))
    changes.extend(_waivers(old, new))
    changes.extend(_handovers(old, new))
    changes.extend(_rota(old, new))
    changes.extend(_other_spec(old, new))
    order = {d.id: i for i, d in enumerate([*new.documents, *old.documents])}
    return sorted(changes, key=lambda change: order.get(change.document, len(order)))


def render_markdown(
    changes: list[Change],
    old: Governance,
    new: Governance,
    base: str,
    head: str,
    files: list[FileChanges] | None = None,
) -> str:
    """Markdown for a pull-request comment: a summary line, the changes per document, then
    the changed files beside the policies (`watched`) that reviewers should look at."""
    text = _governance_markdown(changes, old, new, base, head)
    beside = render(files or [])
    return f"{text}\n{beside}" if beside else text


def _governance_markdown(
    changes: list[Change], old: Governance, new: Governance, base: str, head: str
) -> str:
    lines = ["## Governance changes", ""]
    if not changes:
        return "\n".join([*lines, f"No governance changes between {base} and {head}.", ""])
    documents = list(dict.fromkeys(change.document for change in changes))
    count = out.counted(len(changes), "change")
    where = out.counted(len(documents), "document")
    lines += [f"{count} in {where} between {base} and {head}.", ""]
    for ident in documents:
        lines += [f"### {t(_title(ident, old, new))} ({c(ident)})", ""]
        lines += [f"- {change.text}" for change in changes if change.document == ident]
        lines.append("")
    return "\n".join(lines)


def semantic_diff(old: Snapshot, new: Snapshot, files: list[FileChanges] | None = None) -> str:
    before, after = old.governance, new.governance
    changes = diff_governance(before, after)
    return render_markdown(changes, before, after, old.label, new.label, files)


def _title(ident: str, old: Governance, new: Governance) -> str:
    for governance in (new, old):
        document = governance.entities["document"].get(ident)
        if document is not None:
            return str(document.metadata.title)
    return ident


def _home(governance: Governance, entity: str, ident: str) -> str:
    return governance.locate(entity, ident).document.id


def _documents(old: Governance, new: Governance) -> Iterator[Change]:
    before, after = old.entities["document"], new.entities["document"]
    for ident, model in after.items():
        if ident not in before:
            version = getattr(model.metadata, "version", None)
            suffix = f", version {t(version)}" if version else ""
            yield Change(ident, f"new document {c(ident)} ({t(model.kind)}{suffix})")
            continue
        yield from (Change(ident, t) for t in _metadata(before[ident].metadata, model.metadata))
    for ident, model in before.items():
        if ident not in after:
            yield Change(ident, f"document {c(ident)} removed ({t(model.kind)})")


def _metadata(old: Any, new: Any) -> Iterator[str]:
    ident = new.id
    if getattr(old, "version", None) != getattr(new, "version", None):
        text = f"version {t(old.version)} -> {t(new.version)}"
        if new.change_summary and new.change_summary != old.change_summary:
            text += f": {t(new.change_summary)}"
        yield text
    if hasattr(new, "review"):
        if old.review.interval != new.review.interval:
            was, now = t(old.review.interval), t(new.review.interval)
            yield f"review interval of {c(ident)}: {was} -> {now}"
        if old.review.last_reviewed != new.review.last_reviewed and new.review.last_reviewed:
            by = f" by {t(new.review.reviewed_by)}" if new.review.reviewed_by else ""
            yield f"review of {c(ident)} recorded on {t(new.review.last_reviewed)}{by}"
    skip = {"version", "change_summary", "changelog", "review", "id"}
    yield from _fields(old, new, skip)


def _entities(old: Governance, new: Governance, entity: str, noun: str) -> Iterator[Change]:
    before, after = old.entities.get(entity, {}), new.entities.get(entity, {})
    for ident, item in after.items():
        home = _home(new, entity, ident)
        if ident not in before:
            yield Change(home, f"{noun} {c(ident)} added{_describe(item)}")
            continue
        texts = list(_entity_fields(before[ident], item))
        yield from (Change(home, f"{noun} {c(ident)}: {text}") for text in texts)
    for ident in before:
        if ident not in after:
            yield Change(_home(old, entity, ident), f"{noun} {c(ident)} removed")


def _describe(item: Any) -> str:
    name = getattr(item, "name", None)
    return f" ({t(name)})" if isinstance(name, str) and len(name) <= SHORT else ""


def _entity_fields(old: Any, new: Any) -> Iterator[str]:
    skip = {"id"}
    if hasattr(new, "access"):
        skip.add("access")
        yield from _access(old.access, new.access)
    if hasattr(new, "status") and hasattr(new, "end_date") and old.status != new.status:
        skip |= {"status", "end_date"}
        end = f" ({t(new.end_date)})" if new.end_date else ""
        yield f"status {t(old.status)} -> {t(new.status)}{end}"
    yield from _fields(old, new, skip)


def _access(old: list[Any], new: list[Any]) -> Iterator[str]:
    before = {a.person: a for a in old}
    after = {a.person: a for a in new}
    for person, entry in after.items():
        was = before.get(person)
        if was is None:
            until = f" until {t(entry.until)}" if entry.until else ""
            yield f"access granted to {t(person)} ({t(entry.level)}){until}"
            continue
        if was.level != entry.level:
            yield f"access of {t(person)}: {t(was.level)} -> {t(entry.level)}"
        if was.until != entry.until:
            yield (
                f"access of {t(person)} ends on {t(entry.until)}"
                if entry.until
                else f"access of {t(person)} no longer ends on {t(was.until)}"
            )
    for person, entry in before.items():
        if person not in after:
            yield f"access revoked from {t(person)} ({t(entry.level)})"


def _fields(old: BaseModel, new: BaseModel, skip: set[str], prefix: str = "") -> Iterator[str]:
    for name, field in type(new).model_fields.items():
        if name in skip:
            continue
        was, now = getattr(old, name), getattr(new, name)
        if was == now:
            continue
        label = prefix + _label(name)
        if _confidential(field.json_schema_extra):
            yield f"{label} changed"
        elif isinstance(was, BaseModel) and isinstance(now, BaseModel):
            yield from _fields(was, now, set(), f"{label}: ")
        elif _models(was) and _models(now):
            yield from _items(name, prefix, was, now)
        else:
            yield _value_change(label, was, now, field.json_schema_extra)


def _label(name: str) -> str:
    return LABELS.get(name, name.replace("_", " "))


def _models(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, BaseModel) for item in value)


def _items(name: str, prefix: str, was: list[Any], now: list[Any]) -> Iterator[str]:
    """The items of a list that were added, removed or changed, each named by its key (its
    `id`, or the fields that tell the items apart) and its changed fields told in words."""
    noun = prefix + ITEM_NOUNS.get(name, _label(name))
    keys = _key_fields([*was, *now], was, now)
    if keys is None:
        if len(was) != len(now):
            yield f"{noun}: {len(was)} -> {len(now)} items"
            return
        pairs = [(f"{index + 1}", a, b) for index, (a, b) in enumerate(zip(was, now, strict=True))]
        for where, a, b in pairs:
            if a != b:
                yield from (f"{noun} {where}: {text}" for text in _fields(a, b, set()))
        return
    before = {_key(item, keys): item for item in was}
    after = {_key(item, keys): item for item in now}
    for key, item in after.items():
        named = f"{noun} {_name(item, keys)}"
        if key not in before:
            yield f"{named} added"
        elif before[key] != item:
            yield from (f"{named}: {text}" for text in _fields(before[key], item, set(keys)))
    for key, item in before.items():
        if key not in after:
            yield f"{noun} {_name(item, keys)} removed"


ITEM_NOUNS = {
    "slas": "SLA",
    "raci": "RACI entry",
    "completions": "completion",
    "requirements": "training requirement",
    "acknowledgements": "acknowledgement",
    "kpis": "KPI",
    "tiers": "tier",
    "severity_levels": "severity level",
    "removed": "removal rule",
    "checklist": "checklist item",
    "successor_rules": "successor rule",
    "shifts": "shift",
    "changelog": "changelog entry",
}
"""What one item of a list is called in the diff (otherwise the list's name)."""

KEY_FIELDS = (
    "id", "person", "channel", "role", "course", "document", "activity", "level", "name",
    "platform", "successor", "hours", "days", "start", "version", "completed", "date",
)  # fmt: skip
"""Fields that may tell the items of a list apart, in the order they are tried."""

MAX_KEY = 3


def _key_fields(items: list[Any], was: list[Any], now: list[Any]) -> tuple[str, ...] | None:
    """The fewest fields (tried in KEY_FIELDS order) whose values tell apart the items of
    each list; None when no such fields exist. A confidential field never names an item."""
    if not items:
        return None
    model = type(items[0])
    if any(type(item) is not model for item in items):
        return None
    fields = [
        f
        for f in KEY_FIELDS
        if f in model.model_fields and not _confidential(model.model_fields[f].json_schema_extra)
    ]
    for size in range(1, MAX_KEY + 1):
        for keys in combinations(fields, size):
            if all(len({_key(i, keys) for i in side}) == len(side) for side in (was, now)):
                return keys
    return None


def _key(item: Any, keys: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(repr(_plain(getattr(item, key))) for key in keys)


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    return value.isoformat() if isinstance(value, date) else value


def _name(item: Any, keys: tuple[str, ...]) -> str:
    """An item by its key: `id`, or e.g. `instagram-brand` (mon, tue 08:00-20:00)."""
    first, *rest = (_brief(getattr(item, key)) for key in keys)
    return c(first) + (f" ({'; '.join(t(part) for part in rest)})" if rest else "")


def _brief(value: Any) -> str:
    if isinstance(value, BaseModel):
        data = value.model_dump(mode="json")
        if {"start", "end"} <= set(data):
            days = ", ".join(str(day) for day in data.get("days") or [])
            return f"{days} {data['start']}-{data['end']}".strip()
        return " ".join(_brief(v) for v in data.values() if v is not None)
    if isinstance(value, list):
        return ", ".join(_brief(v) for v in value)
    return str(_plain(value))


def _confidential(extra: Any) -> bool:
    return isinstance(extra, dict) and extra.get("x-classification") == "confidential"


def _value_change(label: str, was: Any, now: Any, extra: Any) -> str:
    if isinstance(was, list) and isinstance(now, list) and _scalars(was + now):
        added = [_show(v) for v in now if v not in was]
        removed = [_show(v) for v in was if v not in now]
        parts = []
        if added:
            parts.append("added " + ", ".join(added))
        if removed:
            parts.append("removed " + ", ".join(removed))
        return f"{label}: " + ("; ".join(parts) or "reordered")
    if not (_short(was) and _short(now)):
        return f"{label} changed"
    if was is None:
        return f"{label} set to {_show(now)}"
    if now is None:
        return f"{label} removed (was {_show(was)})"
    if _names_person(label, extra):
        return f"{label} changed from {_show(was)} to {_show(now)}"
    if isinstance(was, bool) and isinstance(now, bool):
        return f"{label} turned {'on' if now else 'off'}"
    return f"{label}: {_show(was)} -> {_show(now)}"


def _names_person(label: str, extra: Any) -> bool:
    if isinstance(extra, dict) and extra.get("x-references") == "person":
        return True
    return label.endswith(("owner", "holder", "sponsor", "approved by", "reviewed by"))


def _scalars(values: list[Any]) -> bool:
    return all(isinstance(v, str | int | float | date) for v in values)


def _short(value: Any) -> bool:
    if value is None or isinstance(value, bool | int | float | date):
        return True
    return isinstance(value, str) and len(value) <= SHORT and "\n" not in value


def _show(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a target of 90, not 90.0
    return t(value.isoformat() if isinstance(value, date) else value)


def _waivers(old: Governance, new: Governance) -> Iterator[Change]:
    before, after = old.waivers, new.waivers
    for ident, waiver in after.items():
        home = _home(new, "waiver", ident)
        if ident not in before:
            yield Change(
                home,
                f"new waiver {c(ident)} for {t(waiver.rule)} on {c(waiver.target)} "
                f"(expires {t(waiver.expires)})",
            )
            continue
        for text in _fields(before[ident], waiver, {"id"}):
            yield Change(home, f"waiver {c(ident)}: {text}")
    for ident, waiver in before.items():
        if ident not in after:
            yield Change(
                _home(old, "waiver", ident),
                f"waiver {c(ident)} for {t(waiver.rule)} on {c(waiver.target)} removed",
            )


def _handovers(old: Governance, new: Governance) -> Iterator[Change]:
    before, after = old.handovers, new.handovers
    for ident, handover in after.items():
        home = _home(new, "handover", ident)
        if ident not in before:
            accounts = ", ".join(c(a) for a in handover.accounts) or "no accounts"
            yield Change(
                home,
                f"new handover {c(ident)} from {t(handover.person)} to {t(handover.successor)} "
                f"({accounts}; started {t(handover.started)}, deadline {t(handover.deadline)})",
            )
            continue
        for text in _fields(before[ident], handover, {"id"}):
            yield Change(home, f"handover {c(ident)}: {text}")
    for ident in before:
        if ident not in after:
            yield Change(_home(old, "handover", ident), f"handover {c(ident)} removed")


def _rota(old: Governance, new: Governance) -> Iterator[Change]:
    documents = new.of_kind(ModerationPolicy) or old.of_kind(ModerationPolicy)
    before, after = old.spec(ModerationPolicy), new.spec(ModerationPolicy)
    if before is None or after is None or before.rota == after.rota:
        return
    home = documents[0].id
    if before.rota.timezone != after.rota.timezone:
        was_zone, now_zone = t(before.rota.timezone), t(after.rota.timezone)
        yield Change(home, f"rota time zone: {was_zone} -> {now_zone}")
    was, now = before.rota.shifts, after.rota.shifts
    if len(was) == len(now):
        for a, b in zip(was, now, strict=True):
            if a != b and a.model_copy(update={"person": b.person}) == b:
                yield Change(home, f"rota shift {_shift(b)}: {t(a.person)} -> {t(b.person)}")
                was, now = [s for s in was if s is not a], [s for s in now if s is not b]
    for shift in now:
        if shift not in was:
            yield Change(home, f"rota shift added: {t(shift.person)} {_shift(shift)}")
    for shift in was:
        if shift not in now:
            yield Change(home, f"rota shift removed: {t(shift.person)} {_shift(shift)}")


def _shift(shift: Any) -> str:
    return f"{', '.join(t(day) for day in shift.days)} {t(shift.start)}-{t(shift.end)}"


ENTITY_KEYS = {
    name: set(cls.entity_lists.values()) | ({"rota"} if name == "ModerationPolicy" else set())
    for name, cls in KINDS.items()
    if cls.entity_lists
}
"""Spec keys whose changes are told entity by entity; the rest is told by path."""


def _other_spec(old: Governance, new: Governance) -> Iterator[Change]:
    """Changes of the spec outside the entity lists: lists of items by their key, fields in
    words (a confidential field only as changed)."""
    before = {d.id: d for d in old.documents}
    for document in new.documents:
        previous = before.get(document.id)
        if previous is None or previous.kind != document.kind:
            continue
        skip = ENTITY_KEYS.get(document.kind, set())
        for text in _fields(previous.model.spec, document.model.spec, skip):
            yield Change(document.id, text)
