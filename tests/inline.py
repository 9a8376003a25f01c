"""Small inline policy documents for rule tests: a rule runs when the kinds it needs are there
(partial checking), so a test can write just those documents instead of copying the example.

    root = write_policies(tmp_path, {"accounts.yaml": ("AccountRegistry", SPEC)})
    findings = check_inline(root, "GK303")

A value is a whole file's text, or (kind, spec): the spec's YAML (what stands under `spec:`),
wrapped in the envelope of that kind. The required kinds left out are reported as missing
(GK003) and the rules that need them do not run (GK004); `check_inline` returns the findings
of the codes asked for (`only` to see others, e.g. GK003).
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path

from governance_kit.checker import run_check, select_rules
from governance_kit.findings import Finding
from governance_kit.loading.repository import load_repository
from governance_kit.model import RECORD_KINDS

DAY = date(2026, 11, 24)

POLICY_METADATA = """\
  title: {kind} of an inline test
  owner: alice
  version: 1.0.0
  effective_date: 2026-01-05
  review:
    interval: P1Y
    last_reviewed: 2026-10-01
  approved_by: alice
  approved_on: 2026-01-02
"""


def document(kind: str, spec: str, ident: str | None = None) -> str:
    """A whole document of `kind`: the envelope (a policy's metadata, reviewed and approved
    well before DAY) and `spec`, the YAML under `spec:` (dedented here)."""
    metadata = f"  title: {kind} of an inline test\n"
    if kind not in RECORD_KINDS:
        metadata = POLICY_METADATA.format(kind=kind)
    body = textwrap.indent(textwrap.dedent(spec).strip("\n"), "  ")
    return (
        f"apiVersion: governance-kit.dev/v1\nkind: {kind}\nmetadata:\n"
        f"  id: inline-{(ident or kind).lower()}\n{metadata}spec:\n{body}\n"
    )


def write_policies(root: Path, files: Mapping[str, str | tuple[str, str]]) -> Path:
    """A policy folder `root/policies` holding `files` (name -> text, or (kind, spec))."""
    folder = root / "policies"
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        text = document(*content) if isinstance(content, tuple) else textwrap.dedent(content)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def check_inline(
    root: Path, *codes: str, today: date = DAY, only: Iterable[str] | None = None
) -> list[Finding]:
    """The findings of the rules `codes` over the policies at `root`, in process, keeping
    those whose code is among `only` (by default, `codes`)."""
    result = run_check(load_repository(root), today, select_rules(codes))
    kept = set(codes if only is None else only)
    return [finding for finding in result.findings if finding.code in kept]


def account(ident: str, status: str = "active", **credentials: object) -> str:
    """One account entry of an inline registry, with these credentials."""
    lines = "".join(f"\n      {key}: {str(value).lower()}" for key, value in credentials.items())
    return (
        f"  - id: {ident}\n    platform: instagram\n    channel: main\n    handle: '@{ident}'\n"
        f"    url: https://example.org/{ident}\n    purpose: Brand.\n    status: {status}\n"
        f"    credentials:{lines}\n"
    )


def registry(tmp_path: Path, *accounts: str) -> Path:
    """A policy folder holding only an account registry of `accounts`."""
    spec = "accounts:\n" + "".join(accounts)
    return write_policies(tmp_path, {"accounts.yaml": ("AccountRegistry", spec)})
