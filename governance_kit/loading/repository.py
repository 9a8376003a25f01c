"""Loading a policy repository: find the files, read each one, validate, index and cross-check."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..findings import INVALID_DOCUMENT, INVALID_YAML, Finding
from ..model.compact import share_field_sets
from ..model.governance import Governance, Secret
from ..model.kinds import KINDS
from .documents import Document, load_document
from .parallel import as_file, map_files, parse, paused_gc, workers
from .references import check_references
from .secret_accounts import account_at, raw_account_ids
from .untrusted import OUTSIDE, judge, walk
from .yaml_source import UnreadableYaml, YamlFile, refused

SKIPPED_NAMES = {"mkdocs.yml", "mkdocs.yaml"}


@dataclass
class Repository:
    """What was loaded from a policy repository, and every problem found on the way."""

    root: Path
    documents: list[Document]
    findings: list[Finding] = field(default_factory=list)
    governance: Governance = field(init=False)
    secrets: list[tuple[Path, list[tuple[Secret, str | None]]]] = field(default_factory=list)
    """What looks like a credential in the files that are not valid documents, each with the
    id of the account whose entry it stands in (None: in no account's entry)."""
    invalid: dict[Path, str | None] = field(default_factory=dict)
    """Each file that is not a valid document, with the kind it was meant to be (None when
    that cannot be told). A file a validation finding names that is missing here is added,
    of an unknown kind."""

    def __post_init__(self) -> None:
        self.governance = Governance.build(list(self.documents))
        valid = {document.path for document in self.documents}
        for finding in self.findings:
            if finding.code in (INVALID_YAML, INVALID_DOCUMENT) and finding.path not in valid:
                self.invalid.setdefault(finding.path, None)

    @property
    def broken_kinds(self) -> frozenset[str]:
        """The kinds of which a document is invalid."""
        return frozenset(kind for kind in self.invalid.values() if kind is not None)

    @property
    def unknown(self) -> list[Path]:
        """The invalid files whose kind cannot be told."""
        return [path for path, kind in self.invalid.items() if kind is None]

    @property
    def valid(self) -> bool:
        return not self.findings


def policy_files(root: Path) -> tuple[list[Path], list[Finding]]:
    """The YAML files of a policy repository (pipes and broken links included, so that reading
    them reports them), and findings for links that leave it (to a file or a folder).

    Linked folders are never entered: one inside the repository is read where it really is."""
    if root.is_file():
        return [root], []
    files, findings = [], []
    base = root.resolve()
    for path in walk(root):
        policy = path.suffix in (".yaml", ".yml") and path.name not in SKIPPED_NAMES
        if not policy and not (path.is_symlink() and path.is_dir()):
            continue
        if judge(path, base) == OUTSIDE:
            findings.append(refused(path, OUTSIDE))
            continue
        if policy and not path.is_dir():
            files.append(path)
    return files, findings


def load_documents(
    paths: Iterable[Path], read: Callable[[Path], YamlFile]
) -> tuple[list[Document], list[Finding]]:
    """The valid documents among `paths`, each read by `read` (from the disk, from a Git
    commit, from an edit's new texts), and the findings of the others."""
    documents: list[Document] = []
    findings: list[Finding] = []
    for path in paths:
        try:
            loaded = load_document(read(path))
        except UnreadableYaml as error:
            findings.append(error.finding)
            continue
        if isinstance(loaded, Document):
            documents.append(loaded)
        else:
            findings.extend(loaded)
    return documents, findings


def load_repository(root: Path, step: Callable[[int, int], None] | None = None) -> Repository:
    """Read and validate every policy file under `root`; cross-check the valid ones.

    `step(done, total)`, if given, is told after each file (for a progress bar).
    """
    if not root.exists():
        raise FileNotFoundError(root)
    files, findings = policy_files(root)
    secrets: list[tuple[Path, list[tuple[Secret, str | None]]]] = []
    invalid: dict[Path, str | None] = {}
    with paused_gc():
        base = None if root.is_file() else root.resolve()
        documents = _read(files, findings, secrets, invalid, step, base)
        repository = Repository(root, documents, findings, secrets, invalid)
        repository.findings.extend(
            check_references(
                repository.governance,
                root,
                broken=repository.broken_kinds,
                partial=bool(repository.unknown) or root.is_file(),
            )
        )
    repository.findings.sort(key=Finding.sort_key)
    return repository


def _read(
    files: list[Path],
    findings: list[Finding],
    secrets: list[tuple[Path, list[tuple[Secret, str | None]]]],
    invalid: dict[Path, str | None],
    step: Callable[[int, int], None] | None,
    base: Path | None,
) -> list[Document]:
    """The valid documents of `files` (inside `base`); findings for the others are added to
    `findings`, what looks like a secret in them to `secrets`, and the kind each was meant to
    be to `invalid`."""
    documents: list[Document] = []
    parsed = map_files(functools.partial(parse, base=base), files, workers(files))
    for done, (path, (data, found, unreadable)) in enumerate(zip(files, parsed, strict=True), 1):
        if step is not None:
            step(done, len(files))
        if unreadable is not None:
            findings.append(unreadable)
            invalid[path] = data  # the kind its text names, if any (see `parse`)
            if found:
                secrets.append((path, [(secret, None) for secret in found]))
            continue
        loaded = load_document(as_file(path, data, found))
        if isinstance(loaded, Document):
            loaded.file.release()
            share_field_sets(loaded.model)
            documents.append(loaded)
        else:
            findings.extend(loaded)
            invalid[path] = meant_kind(data)
            if found:
                ids = raw_account_ids(data)
                secrets.append((path, [(s, account_at(ids, s.path)) for s in found]))
    return documents


def meant_kind(data: object) -> str | None:
    """The known kind a parsed file that is not a valid document names after `kind:`."""
    kind = data.get("kind") if isinstance(data, dict) else None
    return kind if isinstance(kind, str) and kind in KINDS else None
