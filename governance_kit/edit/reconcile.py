"""`govkit reconcile --apply`: the obvious fixes of a reconciliation written into the policy
files (a stale access entry removed, a person disabled in the identity provider marked as
left), through the same validated, atomic, comment-preserving changeset as `review`, with each
changed document's patch version bumped."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..model.governance import Governance
from ..model.people import Person
from ..reconcile.rules.base import Fix, label
from .yaml_edit import Changeset, node_at, put_in_order


def apply_fixes(changeset: Changeset, governance: Governance, fixes: list[Fix]) -> list[str]:
    """Make `fixes` in the files of `changeset`; one line a fix saying what changed."""
    done: list[str] = []
    changed: set[Any] = set()
    for fix in fixes:
        entity, ident = ("account", fix.account) if fix.account else ("person", fix.person)
        location = governance.locate(entity, ident or "")
        data = changeset.file(location.document.path).data
        node = node_at(data, location.path)
        if fix.action == "remove-access":
            done.append(_remove_access(node, fix))
        else:
            done.append(_mark_left(node, fix))
        changed.add(id(data))
    for edited in changeset.files.values():
        if id(edited.data) in changed:
            _bump_patch(edited.data)
    return done


def _remove_access(node: Any, fix: Fix) -> str:
    access = node.get("access") or []
    for entry in [entry for entry in access if entry["person"] == fix.person]:
        access.remove(entry)
    return (
        f"removed {fix.person} from the access list of {fix.account} ({fix.code}, "
        f"{fix.export.path.name})"
    )


def _mark_left(node: Any, fix: Fix) -> str:
    day: date = fix.export.evidence.exported
    order = list(Person.model_fields)
    put_in_order(node, "status", "left", order)
    end = node.get("end_date")
    if end is None or end > day:
        put_in_order(node, "end_date", day, order)
        _note(node, "end_date", f"disabled in {label(fix.export)} per {fix.export.path.name}")
    return f"marked {fix.person} as left on {node['end_date']} ({fix.code}, {fix.export.path.name})"


def _note(node: Any, key: str, text: str) -> None:
    """An end-of-line comment on `key`; the comment lines that followed the key before it (the
    next entry's, which ruamel.yaml keeps on the last key of a mapping) stay after it."""
    keys = list(node)
    before = keys[keys.index(key) - 1] if keys.index(key) > 0 else None
    following = None
    if key == keys[-1] and before in node.ca.items and node.ca.items[before][2] is not None:
        following = node.ca.items.pop(before)[2]
    node.yaml_add_eol_comment(text, key)
    if following is not None:
        token = node.ca.items[key][2]
        token.value = token.value.rstrip("\n") + following.value


def _bump_patch(data: Any) -> None:
    """1.4.2 -> 1.4.3: the content changed, so the version does (GK951)."""
    metadata = data.get("metadata") if hasattr(data, "get") else None
    version = metadata.get("version") if metadata is not None else None
    if isinstance(version, str) and version.count(".") == 2:
        major, minor, patch = version.split(".")
        metadata["version"] = f"{major}.{minor}.{int(patch) + 1}"
