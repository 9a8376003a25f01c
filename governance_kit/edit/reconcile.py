"""`govkit reconcile --apply`: the obvious fixes of a reconciliation written into the policy
files (a stale access entry removed, a person disabled in the identity provider marked as
left), through the same validated, atomic, comment-preserving changeset as `review`, with each
changed document's patch version bumped and a changelog line, as `review` and `handover` do."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from ..model.governance import Governance, SourceDocument
from ..model.people import Person
from ..reconcile.rules.base import Fix, label
from .bump import bump_document
from .yaml_edit import Changeset, node_at, put_in_order


def apply_fixes(
    changeset: Changeset, governance: Governance, fixes: list[Fix], today: date
) -> list[str]:
    """Make `fixes` in the files of `changeset` and raise the patch version of each document
    changed; one line a fix saying what changed."""
    done: list[str] = []
    documents: dict[Path, SourceDocument] = {}
    by_document: dict[Path, list[str]] = {}
    for fix in fixes:
        entity, ident = ("account", fix.account) if fix.account else ("person", fix.person)
        location = governance.locate(entity, ident or "")
        node = node_at(changeset.file(location.document.path).data, location.path)
        line = _remove_access(node, fix) if fix.action == "remove-access" else _mark_left(node, fix)
        done.append(line)
        documents[location.document.path] = location.document
        by_document.setdefault(location.document.path, []).append(line)
    for path, lines in by_document.items():
        summary = f"Reconciled with exports: {'; '.join(lines)}."
        bump_document(changeset, documents[path], "patch", summary, today)
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
