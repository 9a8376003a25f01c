"""A new version of a policy document (`govkit bump`, and `review` and `handover` by default).

The version goes up (semantic versioning), `effective_date` becomes the day of the bump and
`change_summary` says what changed; the changelog gains a line. The document's own changelog
convention is kept (GK105 accepts both):

- when `change_summary` describes the current version and the changelog lists earlier ones,
  the previous version's summary moves into the changelog, with its version and effective date;
- when the newest changelog entry is the current version (or nothing describes it yet), the
  new version gets its own changelog entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..model.envelope import ChangeLogEntry, PolicyMetadata
from ..model.governance import Governance, SourceDocument
from .lookup import policy_document
from .yaml_edit import Changeset, EditProblem, put_in_order

Part = Literal["major", "minor", "patch"]
PARTS: tuple[Part, ...] = ("major", "minor", "patch")


@dataclass(frozen=True)
class Bumped:
    """A document whose version went up."""

    document: str
    before: str
    after: str


@dataclass(frozen=True)
class NewVersion:
    """How a command that changes documents raises their version: the part, the changelog line
    (None: the command's own words) and the day."""

    part: Part
    summary: str | None
    today: date


def next_version(version: str, part: Part) -> str:
    """The version after `version` when `part` goes up; the parts after it start again at 0."""
    try:
        major, minor, patch = (int(number) for number in version.split("."))
    except ValueError:
        raise EditProblem(f"version '{version}' is not MAJOR.MINOR.PATCH") from None
    if part == "major":
        return f"{major + 1}.0.0"
    if part == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def bump_metadata(metadata: Any, part: Part, summary: str, today: date) -> Bumped:
    """Raise the version in a document's `metadata` (a ruamel mapping) and record why."""
    summary = " ".join(summary.split())
    if not summary:
        raise EditProblem("the summary of the new version is empty")
    before = str(metadata["version"])
    after = next_version(before, part)
    changelog = metadata.get("changelog") or CommentedSeq()
    previous = metadata.get("change_summary")
    newest_is_current = bool(changelog) and str(changelog[0]["version"]) == before
    if previous and not newest_is_current:
        entry = _entry(before, metadata["effective_date"], previous)
    else:
        entry = _entry(after, today, summary)
    changelog.insert(0, entry)
    order = list(PolicyMetadata.model_fields)
    put_in_order(metadata, "version", after, order)
    put_in_order(metadata, "effective_date", today, order)
    put_in_order(metadata, "change_summary", summary, order)
    put_in_order(metadata, "changelog", changelog, order)
    return Bumped(str(metadata["id"]), before, after)


def _entry(version: str, when: date, summary: Any) -> CommentedMap:
    entry = CommentedMap()
    for key, value in zip(ChangeLogEntry.model_fields, (version, when, summary), strict=True):
        entry[key] = value
    return entry


def bump_document(
    changeset: Changeset, document: SourceDocument, part: Part, summary: str, today: date
) -> Bumped:
    """Bump one policy document in the files of `changeset`."""
    return bump_metadata(changeset.file(document.path).data["metadata"], part, summary, today)


def bump_policy(
    root: Path, governance: Governance, ident: str, part: Part, summary: str, today: date
) -> tuple[Bumped, list[Path]]:
    """Bump the policy document `ident` and write it; the files written."""
    changeset = Changeset(root)
    bumped = bump_document(changeset, policy_document(governance, ident), part, summary, today)
    return bumped, changeset.write()


def bump_changed(
    changeset: Changeset, governance: Governance, bump: NewVersion, summary: str
) -> list[Bumped]:
    """Bump every policy document whose file `changeset` changes, so that the change passes
    the version rule of pull requests (GK951); the changelog line is `bump.summary` or else
    `summary`."""
    changed = changeset.changed()
    return [
        bump_document(changeset, document, bump.part, bump.summary or summary, bump.today)
        for document in governance.policies
        if document.path.resolve() in changed
    ]
