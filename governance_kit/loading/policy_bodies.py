"""The text of Policy documents: `body` in the file, or `body_file`, a Markdown file of the
policy folder read as untrusted.

A pull request can point `body_file` at a link out of the repository, a pipe, a device, a file
that is not UTF-8 or not Markdown: each is refused with one finding (GK106) at the
`body_file` line, opening nothing that `untrusted.judge` refuses. The text is then judged
with the handbook pages' markup judge (`site_pages.unsafe_markup`, GK971): a policy with a
`<script>` is refused exactly like a handbook page, by `govkit check` and `govkit docs build`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..findings import Finding
from ..model.governance import Location, SourceDocument
from .secrets import a_kind, secret_spans
from .site_pages import HINT, MARKDOWN, PAGES_CODE, position, unsafe_markup
from .untrusted import BROKEN_LINK, FOLDER_LINK, NOT_REGULAR, OUTSIDE, Refused, judge, read_regular
from .yaml_source import UnreadableYaml, decode

BODY_CODE = "GK106"
MAX_BYTES = 4 * 1024 * 1024
HINTS = {
    OUTSIDE: "copy the text into the policy folder instead of linking to it",
    FOLDER_LINK: "give a Markdown file, not a folder",
    NOT_REGULAR: "the text is a plain Markdown file, not a pipe, socket or device",
    BROKEN_LINK: "remove the link or restore what it points to",
}


@dataclass(frozen=True)
class Body:
    """A Policy's text (None when it cannot be read) and the problems found reading it."""

    text: str | None
    path: Path | None = None
    """The body file read, or None for an inline body."""
    problems: tuple[Finding, ...] = ()
    """Why the text cannot be read: the handbook is not built."""
    secrets: tuple[Finding, ...] = ()
    """What in a body file looks like a credential: reported, and redacted where published
    (like a secret in any other text)."""


def policy_body(document: SourceDocument, root: Path) -> Body:
    """The text of a Policy document of the policy folder `root`."""
    spec = document.model.spec
    if spec.body is not None and spec.body_file is not None:
        return _refused(
            document,
            "gives both `body` and `body_file`",
            "keep one: the text in the file or in `body`",
        )
    if spec.body is not None:
        return Body(spec.body)
    if spec.body_file is None:
        return _refused(
            document,
            "has no text",
            "write it in `body` or give the Markdown file in `body_file`",
            Location(document, ("spec",)),
        )
    return _read_file(document, root, spec.body_file)


def _read_file(document: SourceDocument, root: Path, name: str) -> Body:
    folder = root if root.is_dir() else root.parent
    path = folder / name
    quoted = f"has a body file '{name}' that"
    refusal = _where_refused(folder, path) or _refused_read(path, folder.resolve())
    if isinstance(refusal, tuple):
        return _refused(document, f"{quoted} {refusal[0]}", refusal[1])
    return Body(refusal, path, secrets=_secrets(document, path, name, refusal))


Refusal = tuple[str, str | None]
"""Why a body file is not read, and the hint."""


def _where_refused(folder: Path, path: Path) -> Refusal | None:
    """Why the path as written is refused (outside, not Markdown, absent); nothing opened."""
    if not _lexically_inside(folder, path):
        return "lies outside the policy folder", (
            "keep the text in a file of the policy folder, by its path from there"
        )
    if path.suffix.lower() not in MARKDOWN:
        return "is not a Markdown file", "give a .md file, or write the text in `body`"
    if not os.path.lexists(path):
        return "does not exist", "add the file, or correct the path (from the policy folder)"
    return None


def _refused_read(path: Path, base: Path) -> Refusal | str:
    """The text of the file, or why it is not read: judged first, then read as a regular file
    inside `base` only, at most MAX_BYTES, UTF-8."""
    problem = judge(path, base) or ("a folder" if path.is_dir() else None)
    if problem is not None:
        return f"is refused: {problem}", HINTS.get(problem)
    try:
        raw = read_regular(path, MAX_BYTES, base)
    except Refused as refused:
        return f"is refused: {refused}", HINTS.get(str(refused))
    except OSError as error:
        return f"cannot be read: {error.strerror}", None
    if len(raw) > MAX_BYTES:
        return f"is larger than {MAX_BYTES >> 20} MiB", None
    try:
        return decode(raw, path)
    except UnreadableYaml as error:
        return f"is refused: {error.finding.message}", error.finding.hint


def _secrets(document: SourceDocument, path: Path, name: str, text: str) -> tuple[Finding, ...]:
    """What in a body file looks like a credential, where it stands. (A secret in `body` is in
    the policy file, where GK305 finds it.)"""
    return tuple(
        Finding(
            path,
            *position(text, start),
            f"policy '{document.id}' has a body file '{name}' that holds what looks like "
            f"{a_kind(kind)}",
            code=BODY_CODE,
            hint="remove it from the text, rotate it, and keep it in the secret manager",
            target=document.id,
        )
        for start, _, kind in secret_spans(text)
    )


def _lexically_inside(folder: Path, path: Path) -> bool:
    """Whether `path` stays in `folder` as written (no `..` leading out)."""
    return os.path.abspath(path).startswith(os.path.join(os.path.abspath(folder), ""))


def _refused(
    document: SourceDocument, message: str, hint: str | None, where: Location | None = None
) -> Body:
    return Body(None, problems=(_problem(document, message, hint, where),))


def _problem(
    document: SourceDocument, message: str, hint: str | None, where: Location | None = None
) -> Finding:
    where = where or Location(document, ("spec", "body_file"))
    path, line, column = where.position()
    return Finding(
        path,
        line,
        column,
        f"policy '{document.id}' {message}",
        code=BODY_CODE,
        hint=hint,
        target=document.id,
    )


def unsafe_body(document: SourceDocument, body: Body) -> list[Finding]:
    """GK971 findings for what the policy text holds that a handbook page may not."""
    if body.text is None:
        return []
    if body.path is not None:
        return [
            Finding(
                body.path,
                *position(body.text, offset),
                f"{what} is not allowed in a handbook page",
                code=PAGES_CODE,
                hint=HINT,
                target=document.id,
            )
            for offset, what in unsafe_markup(body.text)
        ]
    path, line, column = Location(document, ("spec", "body")).position()
    return [
        Finding(
            path,
            line,
            column,
            f"{what} is not allowed in a handbook page (line {position(body.text, offset)[0]}"
            " of the policy's body)",
            code=PAGES_CODE,
            hint=HINT,
            target=document.id,
        )
        for offset, what in unsafe_markup(body.text)
    ]


def judge_bodies(documents: list[SourceDocument], root: Path) -> list[Finding]:
    """Every problem of the Policy texts of `documents`: unreadable (GK106), unsafe (GK971)."""
    findings: list[Finding] = []
    for document in documents:
        if document.kind != "Policy":
            continue
        body = policy_body(document, root)
        findings += [*body.problems, *unsafe_body(document, body)]
    return findings
