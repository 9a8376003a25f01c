"""Every rule's documented example is executed: its failing YAML makes the rule fire, its fix
(where the docstring gives one), applied after it, makes it pass.

A rule's docstring has the sections "What it checks", "Why it matters", "Example" and "Fix"
(`### NAME` headings). Each ```yaml block of "Example" (or "Fix") is applied to a copy of the
example policies (policies/, clean but for one waived finding):

- a block with a `kind:` is a patch of that kind's document: mappings merge key by key,
  lists of entries with an `id` merge entry by entry (a new id is appended), `null` removes a
  key, and any other value replaces the one there;
- a block whose first line is `# file: NAME` is written as the file NAME in the policy folder
  (`# file: /NAME`: from the folder above it, the repository root), replacing what is there
  (```text blocks hold files other than YAML: CODEOWNERS, Markdown pages);
- a block whose only line is `# link: NAME -> TARGET` makes NAME a symbolic link to TARGET;
- a block whose first line is `# at the base` is a patch applied only to the state at the
  merge base, which the version rules (GK951-GK955) compare with (a second copy of policies/).

For a draft rule, the block whose first line is `---` is a draft post (front matter and
text), checked with `govkit post check` against the policies with the other blocks applied.

For a reconciliation rule, a ```text block whose first line is `# export: [NAME=]FILE` is an
export, given to `govkit reconcile --from`; the exports of the Fix, when it has any, replace
those of the Example.

The rule fires when its code is among the unwaived findings.
"""

from __future__ import annotations

import io
import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from governance_kit.checker import run_check, select_rules
from governance_kit.cli.main import cli
from governance_kit.loading.repository import load_repository
from governance_kit.ruledocs import SECTIONS, AnyRule, every_rule, example_blocks, sections
from tests.conftest import EXAMPLE, TODAY

DAY = date(2026, 11, 24)


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    return yaml


def merge(into: Any, patch: Any) -> Any:
    """`patch` merged into `into` (see the module docstring)."""
    if isinstance(into, dict) and isinstance(patch, dict):
        for key, value in patch.items():
            if value is None:
                into.pop(key, None)
            elif key in into:
                into[key] = merge(into[key], value)
            else:
                into[key] = value
        return into
    if isinstance(into, list) and isinstance(patch, list) and _by_id(into) and _by_id(patch):
        index = {entry["id"]: entry for entry in into}
        for entry in patch:
            if entry["id"] in index:
                merge(index[entry["id"]], entry)
            else:
                into.append(entry)
        return into
    return patch


def _by_id(entries: list[Any]) -> bool:
    return bool(entries) and all(isinstance(e, dict) and "id" in e for e in entries)


def document_of(folder: Path, kind: str) -> Path:
    for path in sorted(folder.glob("*.yaml")):
        if f"\nkind: {kind}\n" in path.read_text(encoding="utf-8"):
            return path
    raise AssertionError(f"no document of kind {kind} in {folder}")


def apply(block: str, folder: Path) -> None:
    first = block.splitlines()[0]
    if first.startswith("# link: "):
        name, target = first.removeprefix("# link: ").split(" -> ")
        (folder / name).symlink_to(target)
        return
    if first.startswith("# file: "):
        name = first.removeprefix("# file: ").strip()
        target = folder.parent / name[1:] if name.startswith("/") else folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(block.split("\n", 1)[1], encoding="utf-8")
        return
    yaml = _yaml()
    patch = yaml.load(block)
    path = document_of(folder, patch["kind"])
    data = yaml.load(path.read_text(encoding="utf-8"))
    merge(data, patch)
    out = io.StringIO()
    yaml.dump(data, out)
    path.write_text(out.getvalue(), encoding="utf-8")


def codes_after(rule: AnyRule, blocks: list[str], tmp_path: Path) -> set[str]:
    """The unwaived codes `govkit check` (or, for a draft, `govkit post check`) finds once
    `blocks` are applied to the example."""
    now = shutil.copytree(EXAMPLE, tmp_path / "now" / "policies")
    then = shutil.copytree(EXAMPLE, tmp_path / "base" / "policies")
    drafts = [block for block in blocks if block.startswith("---\n")]
    exports = [block for block in blocks if block.startswith(EXPORT)]
    for block in blocks:
        if block not in drafts and block not in exports:
            apply(block, then if block.startswith("# at the base") else now)
    if drafts:
        return draft_codes(drafts[-1], now, tmp_path / "draft.md")
    if exports:
        return reconcile_codes(exports, now, tmp_path / "exports")
    rules = select_rules() if rule.code in ("GK902", "GK004") else select_rules([rule.code])
    base = load_repository(then).governance
    result = run_check(load_repository(now), DAY, rules, base=base, base_label="main")
    return {finding.code for finding in result.active}


EXPORT = "# export: "


def reconcile_codes(blocks: list[str], policies: Path, folder: Path) -> set[str]:
    """The codes `govkit reconcile` finds with the exports `blocks` against `policies`."""
    folder.mkdir()
    command = ["reconcile", str(policies), "--format", "json", "--today", TODAY]
    for block in blocks:
        first, _, body = block.partition("\n")
        name, _, file = first.removeprefix(EXPORT).strip().rpartition("=")
        (folder / file).write_text(body, encoding="utf-8")
        command += ["--from", f"{name}={folder / file}" if name else str(folder / file)]
    result = CliRunner().invoke(cli, command, catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return {finding["code"] for finding in json.loads(result.stdout)["findings"]}


def draft_codes(draft: str, policies: Path, path: Path) -> set[str]:
    path.write_text(draft, encoding="utf-8")
    command = ["post", "check", str(path), str(policies), "--format", "json"]
    result = CliRunner().invoke(cli, [*command, "--today", TODAY], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return {finding["code"] for finding in json.loads(result.stdout)["findings"]}


@pytest.mark.parametrize("rule", every_rule(), ids=lambda rule: rule.code)
def test_the_example_fails_and_the_fix_passes(rule: AnyRule, tmp_path: Path) -> None:
    parts = sections(rule)
    assert list(parts) == list(SECTIONS), rule.code
    example = example_blocks(parts["Example"])
    assert example, f"{rule.code}: the Example section has no ```yaml block"
    assert rule.code in codes_after(rule, example, tmp_path / "example")
    fixed = example_blocks(parts["Fix"])
    if any(block.startswith(EXPORT) for block in fixed):  # the exports as they should be
        example = [block for block in example if not block.startswith(EXPORT)]
    if fixed:
        assert rule.code not in codes_after(rule, example + fixed, tmp_path / "fix")


def test_the_example_policies_are_clean() -> None:
    result = run_check(load_repository(EXAMPLE), DAY, select_rules())
    assert result.active == []


def test_a_patch_merges_by_key_and_by_id() -> None:
    into = {"a": 1, "b": {"c": 2}, "list": [{"id": "x", "v": 1}, {"id": "y", "v": 2}]}
    patch = {"a": None, "b": {"d": 3}, "list": [{"id": "y", "v": 5}, {"id": "z"}]}
    assert merge(into, patch) == {
        "b": {"c": 2, "d": 3},
        "list": [{"id": "x", "v": 1}, {"id": "y", "v": 5}, {"id": "z"}],
    }
