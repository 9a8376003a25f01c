"""Rule documentation made from the rule definitions: docs/rules/index.md and one page a rule.

The pages are generated, never written by hand: `govkit rules --export-docs docs/rules` writes
them, and a test fails when the committed pages drift from the rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from .controls import with_titles
from .rules import Rule, all_rules

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


def page_name(rule: Rule) -> str:
    return f"{rule.code}.md"


def help_uri(rule: Rule) -> str:
    """Where the rule's page is read online."""
    return f"{repository_url()}/blob/main/{DOCS_FOLDER}/{page_name(rule)}"


def controls_text(rule: Rule) -> str:
    return ", ".join(rule.controls) if rule.controls else "none"


def control_lines(rule: Rule) -> list[str]:
    """One Markdown bullet per control the rule supports, with its title."""
    return [f"- {_cell(entry)}" for entry in with_titles(rule.controls)]


def help_markdown(rule: Rule) -> str:
    """The explanation with the rule's severity and controls: SARIF help and the page body."""
    controls = "\n".join(f"  {line}" for line in control_lines(rule))
    return f"{rule.explanation()}\n\n- Default severity: {rule.severity}\n- Controls:\n{controls}\n"


def example_line(rule: Rule) -> str:
    """What a finding of the rule looks like in `govkit check` text output."""
    return f"<file>:<line>:<column>: {rule.severity}: <message> [{rule.code}] (hint: <hint>)"


def render_page(rule: Rule) -> str:
    kind = "validation (reported by `govkit validate` and `govkit check`)"
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
        f"| Kind | {kind if rule.validation else 'rule (reported by `govkit check`)'} |",
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
    if not rule.validation:
        lines += [
            f"Run only this rule with `govkit check --select {rule.code}`, skip it with "
            f"`--ignore {rule.code}`, or accept one finding for a while with a Waiver whose "
            f"`rule` is `{rule.code}` and whose `target` is the id the finding names.",
            "",
        ]
    return "\n".join(lines)


def render_index(rules: Iterable[Rule]) -> str:
    lines = [
        GENERATED_NOTE,
        "",
        "# Rules",
        "",
        "Every check `govkit` runs, by code. `govkit rules CODE` prints the same explanation.",
        "",
        "| Code | Name | Default severity | Summary |",
        "| --- | --- | --- | --- |",
    ]
    lines += [
        f"| [{r.code}]({page_name(r)}) | {r.name} | {r.severity} | {_cell(r.summary)} |"
        for r in rules
    ]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def pages(rules: Iterable[Rule] | None = None) -> dict[str, str]:
    """Every generated file, by name: the index and one page per rule."""
    chosen = tuple(all_rules() if rules is None else rules)
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
