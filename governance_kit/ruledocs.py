"""Rule documentation made from the rule definitions: docs/rules/index.md and one page a rule.

The pages are generated, never written by hand: `govkit rules --export-docs docs/rules` writes
them, and a test fails when the committed pages drift from the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from .controls import controls_of, with_titles
from .drafts.rules import DraftRule, all_draft_rules
from .loading.suggest import closest
from .model.settings import ControlSettings
from .reconcile.rules import ReconcileRule, all_reconcile_rules
from .rules import Rule, all_rules
from .rules import rule_by_code as find_rule

AnyRule = Rule | DraftRule | ReconcileRule

DEFAULT_REPOSITORY = "https://github.com/governance-kit/governance-kit"
DOCS_FOLDER = "docs/rules"
INDEX = "index.md"
GENERATED_NOTE = (
    "<!-- Generated from the rule definitions by `govkit rules --export-docs docs/rules`; "
    "do not edit. -->"
)


def repository_url() -> str:
    """The project's repository: the package's Repository URL, or the default."""
    try:
        urls = metadata.metadata("governance-kit").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        urls = []
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() in {"repository", "source"} and url.strip():
            return url.strip().rstrip("/")
    return DEFAULT_REPOSITORY


def every_rule() -> tuple[AnyRule, ...]:
    """The rules of `govkit check`, then those of `govkit post check` and `govkit reconcile`."""
    return (*all_rules(), *all_draft_rules(), *all_reconcile_rules())


def rule_by_code(code: str) -> AnyRule | None:
    """A rule of either command by code (GK101, GKP01) or by name."""
    return find_rule(code, every_rule())


def suggestion(code: str, rules: Iterable[AnyRule] | None = None) -> str:
    """The closest code or name among `rules` (every rule by default), the earlier rule winning
    a tie (GK1O1: GK101, not GKP11)."""
    chosen = every_rule() if rules is None else rules
    names = [known for rule in chosen for known in (rule.code, rule.name)]
    best = closest(code.strip(), names, ignore_case=True)
    return f"did you mean {best}?" if best else "run 'govkit rules' to list them"


def page_name(rule: AnyRule) -> str:
    return f"{rule.code}.md"


def help_uri(rule: AnyRule) -> str:
    """Where the rule's page is read online."""
    return f"{repository_url()}/blob/main/{DOCS_FOLDER}/{page_name(rule)}"


def controls_text(rule: AnyRule) -> str:
    return ", ".join(rule.controls) if rule.controls else "none"


def control_lines(rule: AnyRule, company: ControlSettings | None = None) -> list[str]:
    """One Markdown bullet per control the rule supports (with those a company maps to it in
    its Settings), with its title."""
    idents = controls_of(rule.code, rule.controls, company)
    extra = company.extra if company is not None else None
    return [f"- {_cell(entry)}" for entry in with_titles(idents, extra)]


def help_markdown(rule: AnyRule, company: ControlSettings | None = None) -> str:
    """The explanation with the rule's severity and controls: SARIF help and the page body."""
    controls = "\n".join(f"  {line}" for line in control_lines(rule, company))
    return f"{rule.explanation()}\n\n- Default severity: {rule.severity}\n- Controls:\n{controls}\n"


SECTIONS = ("What it checks", "Why it matters", "Example", "Fix")
"""The sections of a rule's docstring after its summary line, as `### NAME` headings."""

_EXAMPLE_BLOCK = re.compile(r"^```(?:yaml|text|markdown)\n(.*?)^```$", re.DOTALL | re.MULTILINE)


def sections(rule: AnyRule) -> dict[str, str]:
    """The docstring's `### NAME` sections by name (text without the heading)."""
    found: dict[str, str] = {}
    name = ""
    for line in rule.explanation().splitlines()[1:]:
        if line.startswith("### "):
            name = line[4:].strip()
            found[name] = ""
        elif name:
            found[name] += line + "\n"
    return {key: text.strip() for key, text in found.items()}


def example_blocks(text: str) -> list[str]:
    """The ```yaml fenced blocks of a section, with ```text (files other than YAML) and
    ```markdown (a draft post, for draft rules)."""
    return _EXAMPLE_BLOCK.findall(text)


def reads_text(rule: AnyRule) -> str:
    """What the rule reads besides the policy documents: Settings thresholds and files."""
    parts = [f"`spec.check.{name}` in Settings" for name in rule.reads_settings]
    parts += [f"`{name}`" for name in rule.reads_files]
    return ", ".join(parts)


def needs_text(rule: AnyRule) -> str:
    """The document kinds the rule needs valid to run (`Rule.needs`), comma-separated."""
    return ", ".join(getattr(rule, "needed", tuple)())


def example_line(rule: AnyRule) -> str:
    """What a finding of the rule looks like in `govkit check` text output."""
    return f"<file>:<line>:<column>: {rule.severity}: <message> [{rule.code}] (hint: <hint>)"


def kind_text(rule: AnyRule) -> str:
    if isinstance(rule, DraftRule):
        return "draft rule (reported by `govkit post check`)"
    if isinstance(rule, ReconcileRule):
        return "reconciliation rule (reported by `govkit reconcile`)"
    if rule.validation:
        return "validation (reported by `govkit validate` and `govkit check`)"
    return "rule (reported by `govkit check`)"


def render_page(rule: AnyRule) -> str:
    lines = [
        GENERATED_NOTE,
        "",
        f"# {rule.code} {rule.name}",
        "",
        "| | |",
        "| --- | --- |",
        f"| Code | `{rule.code}` |",
        f"| Name | `{rule.name}` |",
        f"| Summary | {_cell(rule.summary)} |",
        f"| Default severity | {rule.severity} |",
        f"| Controls | {controls_text(rule)} |",
        f"| Kind | {kind_text(rule)} |",
        *([f"| Reads | {_cell(reads_text(rule))} |"] if reads_text(rule) else []),
        *([f"| Needs valid | {needs_text(rule)} |"] if needs_text(rule) else []),
        "",
        "## Explanation",
        "",
        rule.explanation(),
        "",
        "## Controls",
        "",
        "The rule supports these controls (a company can map it to its own in Settings, "
        "`spec.controls`):",
        "",
        *control_lines(rule),
        "",
        "## Example",
        "",
        "```text",
        example_line(rule),
        "```",
        "",
    ]
    if isinstance(rule, DraftRule):
        lines += [
            "A draft rule judges a post before it is published: `govkit post check DRAFT` "
            "reports it, with the brand guide's settings for the account's channel.",
            "",
        ]
    elif isinstance(rule, ReconcileRule):
        lines += [
            "A reconciliation rule compares the registry with exports of the systems of record: "
            f"`govkit reconcile --from FILE` reports it (`--select {rule.code}` runs only this "
            "rule), at the export's row or the policy entry, citing the export's SHA-256 and date.",
            "",
        ]
    elif not rule.validation:
        lines += [
            f"Run only this rule with `govkit check --select {rule.code}`, skip it with "
            f"`--ignore {rule.code}`, or accept one finding for a while with a Waiver whose "
            f"`rule` is `{rule.code}` and whose `target` is the id the finding names.",
            "",
        ]
    return "\n".join(lines)


FAMILIES: tuple[tuple[type, str, str], ...] = (
    (DraftRule, "Draft rules", "What `govkit post check` finds in a post before it is published."),
    (
        ReconcileRule,
        "Reconciliation rules",
        "What `govkit reconcile` finds when the registry is compared with exports of the "
        "identity provider, the password manager and the platforms.",
    ),
)
"""The families of rules after those of `govkit check`, each a section of the index."""


def render_index(rules: Iterable[AnyRule]) -> str:
    chosen = list(rules)
    lines = [
        GENERATED_NOTE,
        "",
        "# Rules",
        "",
        "Every check `govkit` runs, by code. `govkit rules CODE` prints the same explanation.",
        "",
        *_table([r for r in chosen if not isinstance(r, DraftRule | ReconcileRule)]),
    ]
    for family, title, intro in FAMILIES:
        members = [r for r in chosen if isinstance(r, family)]
        if members:
            lines += ["", f"## {title}", "", intro, "", *_table(members)]
    return "\n".join(lines) + "\n"


def _table(rules: list[AnyRule]) -> list[str]:
    return [
        "| Code | Name | Default severity | Summary |",
        "| --- | --- | --- | --- |",
        *(
            f"| [{r.code}]({page_name(r)}) | {r.name} | {r.severity} | {_cell(r.summary)} |"
            for r in rules
        ),
    ]


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def pages(rules: Iterable[AnyRule] | None = None) -> dict[str, str]:
    """Every generated file, by name: the index and one page per rule."""
    chosen = tuple(every_rule() if rules is None else rules)
    files = {INDEX: render_index(chosen)}
    files.update({page_name(rule): render_page(rule) for rule in chosen})
    return files


def export(directory: Path) -> list[Path]:
    """Write every page into `directory`, removing pages of rules that no longer exist."""
    directory.mkdir(parents=True, exist_ok=True)
    wanted = pages()
    for stale in _stale(directory, wanted):
        (directory / stale).unlink()
    written = []
    for name, content in wanted.items():
        target = directory / name
        target.write_text(content, encoding="utf-8")
        written.append(target)
    return written


def drift(directory: Path) -> list[str]:
    """Files in `directory` that differ from the rules: changed, missing or left over."""
    wanted = pages()
    changed = [
        name
        for name, content in wanted.items()
        if not (directory / name).is_file()
        or (directory / name).read_text(encoding="utf-8") != content
    ]
    return sorted(changed + _stale(directory, wanted))


def _stale(directory: Path, wanted: dict[str, str]) -> list[str]:
    if not directory.is_dir():
        return []
    return [p.name for p in sorted(directory.glob("GK*.md")) if p.name not in wanted]
