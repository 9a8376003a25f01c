"""Loading a policy repository: find the files, read each one, validate, index and cross-check."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..findings import INVALID_YAML, Finding
from ..model.compact import share_field_sets
from ..model.governance import Governance, Secret
from .documents import Document, load_document
from .parallel import as_file, map_files, parse, paused_gc, workers
from .references import check_references

SKIPPED_NAMES = {"mkdocs.yml", "mkdocs.yaml"}


@dataclass
class Repository:
    """What was loaded from a policy repository, and every problem found on the way."""

    root: Path
    documents: list[Document]
    findings: list[Finding] = field(default_factory=list)
    governance: Governance = field(init=False)
    secrets: list[tuple[Path, list[Secret]]] = field(default_factory=list)
    """What looks like a credential in the files that are not valid documents."""

    def __post_init__(self) -> None:
        self.governance = Governance.build(list(self.documents))

    @property
    def valid(self) -> bool:
        return not self.findings


def policy_files(root: Path) -> tuple[list[Path], list[Finding]]:
    """The YAML files of a policy repository (pipes and broken links included, so that reading
    them reports them), and findings for links that leave it."""
    if root.is_file():
        return [root], []
    files, findings = [], []
    base = root.resolve()
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.suffix not in (".yaml", ".yml") or path.name in SKIPPED_NAMES:
            continue
        if path.is_symlink() and not _inside(path, base):
            findings.append(
                Finding(
                    path,
                    1,
                    1,
                    "symbolic link points outside the policy repository; not read",
                    code=INVALID_YAML,
                    hint="copy the file into the repository instead",
                )
            )
            continue
        if not path.is_dir():
            files.append(path)
    return files, findings


def _inside(path: Path, base: Path) -> bool:
    try:
        path.resolve().relative_to(base)
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def load_repository(root: Path, step: Callable[[int, int], None] | None = None) -> Repository:
    """Read and validate every policy file under `root`; cross-check the valid ones.

    `step(done, total)`, if given, is told after each file (for a progress bar).
    """
    if not root.exists():
        raise FileNotFoundError(root)
    files, findings = policy_files(root)
    secrets: list[tuple[Path, list[Secret]]] = []
    with paused_gc():
        repository = Repository(root, _read(files, findings, secrets, step), findings, secrets)
        partial = bool(findings) or root.is_file()
        repository.findings.extend(check_references(repository.governance, root, partial=partial))
    repository.findings.sort(key=Finding.sort_key)
    return repository


def _read(
    files: list[Path],
    findings: list[Finding],
    secrets: list[tuple[Path, list[Secret]]],
    step: Callable[[int, int], None] | None,
) -> list[Document]:
    """The valid documents of `files`; findings for the others are added to `findings`, and
    what looks like a secret in them to `secrets`."""
    documents: list[Document] = []
    parsed = map_files(parse, files, workers(files))
    for done, (path, (data, found, unreadable)) in enumerate(zip(files, parsed, strict=True), 1):
        if step is not None:
            step(done, len(files))
        if unreadable is not None:
            findings.append(unreadable)
            if found:
                secrets.append((path, found))
            continue
        loaded = load_document(as_file(path, data, found))
        if isinstance(loaded, Document):
            loaded.file.release()
            share_field_sets(loaded.model)
            documents.append(loaded)
        else:
            findings.extend(loaded)
            if found:
                secrets.append((path, found))
    return documents
