"""Version discipline: compare every policy document with the merge base of a Git ref.

What counts as a change: the spec and the metadata a reader relies on (title, description,
owner, status, classification). Release bookkeeping is left out — the version itself, the
change summary, the changelog, the approval, the effective date and the review record — so
recording a review (`govkit review`) needs no new version, while any change of content does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..checker import CheckResult, apply_waivers, place
from ..findings import Finding
from ..git.refs import Snapshot, merge_base, open_repo, snapshot_at, snapshot_of_tree
from ..loading.documents import Document
from ..loading.repository import Repository
from ..model.governance import Location
from ..rules.base import Context
from ..rules.gk951_version_not_bumped import VersionNotBumped
from ..rules.gk952_major_bump_without_summary import MajorBumpWithoutSummary
from ..rules.gk953_version_decreased import VersionDecreased
from ..rules.gk954_document_added import DocumentAdded
from ..rules.gk955_document_removed import DocumentRemoved

BOOKKEEPING = {
    "version",
    "change_summary",
    "changelog",
    "approved_by",
    "approved_on",
    "effective_date",
    "review",
}
"""Metadata fields that may change without a new version."""

VERSION = ("metadata", "version")


def version_findings(policy_path: Path, base_ref: str) -> list[Finding]:
    """Findings GK951-GK955 for the working tree against the merge base of `base_ref` and HEAD."""
    repo = open_repo(policy_path)
    base = merge_base(repo, base_ref)
    old = snapshot_at(policy_path, base, base_ref)
    new = snapshot_of_tree(policy_path)
    return compare_versions(old, new, base_ref)


def compare_versions(old: Snapshot, new: Snapshot, base_label: str) -> list[Finding]:
    before = _policies(old)
    after = _policies(new)
    findings: list[Finding] = []
    for ident, document in after.items():
        if ident in before:
            findings.extend(_compare(before[ident], document, base_label))
        else:
            findings.append(_added(document, base_label))
    findings.extend(
        _removed(document, base_label) for i, document in before.items() if i not in after
    )
    return sorted(place(findings), key=Finding.sort_key)


def content(document: Document) -> dict[str, Any]:
    """The part of a document whose change needs a new version."""
    data = document.model.model_dump(mode="json", by_alias=True)
    metadata = {k: v for k, v in data["metadata"].items() if k not in BOOKKEEPING}
    return {"metadata": metadata, "spec": data["spec"]}


def semver(text: str) -> tuple[int, int, int]:
    major, minor, patch = (int(part) for part in text.split("."))
    return major, minor, patch


def _policies(snapshot: Snapshot) -> dict[str, Document]:
    return {d.id: d for d in snapshot.documents if hasattr(d.model.metadata, "version")}


def _compare(old: Document, new: Document, base_label: str) -> list[Finding]:
    ident = new.id
    was, now = old.model.metadata.version, new.model.metadata.version
    where = Location(new, VERSION)
    if semver(now) < semver(was):
        return [
            VersionDecreased().finding(
                where,
                f"version of '{ident}' went backwards: {was} at {base_label}, {now} now",
                target=ident,
                hint=f"set a version above {was}",
            )
        ]
    if now == was:
        if content(old) != content(new):
            return [
                VersionNotBumped().finding(
                    where,
                    f"'{ident}' changed since {base_label} but its version is still {now}",
                    target=ident,
                    hint="bump metadata.version and say what changed in metadata.change_summary",
                )
            ]
        return []
    summary = new.model.metadata.change_summary
    if semver(now)[0] > semver(was)[0] and (
        not summary or summary == old.model.metadata.change_summary
    ):
        return [
            MajorBumpWithoutSummary().finding(
                where,
                f"'{ident}' goes from {was} to {now}, a major version, "
                "without a new change_summary",
                target=ident,
                hint="say what changed in metadata.change_summary",
            )
        ]
    return []


def _added(document: Document, base_label: str) -> Finding:
    version = document.model.metadata.version
    return DocumentAdded().finding(
        Location(document, VERSION),
        f"new document '{document.id}' (version {version}), not at {base_label}",
        target=document.id,
    )


def _removed(document: Document, base_label: str) -> Finding:
    version = document.model.metadata.version
    return DocumentRemoved().finding(
        Location(document, VERSION),
        f"document '{document.id}' (version {version} at {base_label}) was removed",
        target=document.id,
        hint="to keep its history visible, set metadata.status: retired instead",
    )


def add_version_findings(result: CheckResult, repository: Repository, base_ref: str) -> None:
    """Add GK951-GK955 to a check result: only rules that ran, waivers applied."""
    if result.invalid:
        return
    context = Context(repository.governance, result.today)
    ignored = {code.upper() for code in context.settings.ignore}
    running = {rule.code for rule in result.rules} - ignored
    found = [f for f in version_findings(repository.root, base_ref) if f.code in running]
    merged = result.findings + apply_waivers(found, context)
    result.findings = sorted(merged, key=Finding.sort_key)
