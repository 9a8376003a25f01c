"""Version discipline: the governance at the merge base of a Git ref, for the version rules.

The rules themselves (GK951-GK955) are ordinary rules in `rules/`; they compare
`Context.base`, which `govkit check --base REF` fills in from here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..checker import place, run_rules
from ..findings import Finding
from ..git.refs import merge_base, open_repo, snapshot_at
from ..loading.repository import load_repository
from ..model.governance import Governance
from ..rules import Context, all_rules


def base_governance(policy_path: Path, base_ref: str) -> Governance:
    """The policy documents at the merge base of `base_ref` and HEAD (GitProblem if none)."""
    return base_state(policy_path, base_ref)[0]


def base_state(policy_path: Path, base_ref: str) -> tuple[Governance, dict[Path, str]]:
    """The policy documents at the merge base of `base_ref` and HEAD, and the Markdown files
    of the policy folder there (policy texts), by path (GitProblem if there is no base)."""
    repo = open_repo(policy_path)
    snapshot = snapshot_at(policy_path, merge_base(repo, base_ref), base_ref)
    return snapshot.governance, snapshot.texts


def version_findings(policy_path: Path, base_ref: str, today: date | None = None) -> list[Finding]:
    """Findings GK951-GK955 for the working tree against the merge base of `base_ref` and HEAD,
    whether or not either state is valid (no waivers applied)."""
    rules = tuple(rule for rule in all_rules() if rule.needs_base)
    base, texts = base_state(policy_path, base_ref)
    now = load_repository(policy_path).governance
    context = Context(
        now,
        today or date.today(),
        root=policy_path,
        base=base,
        base_label=base_ref,
        base_files=texts,
    )
    return sorted(place(run_rules(rules, context)), key=Finding.sort_key)
