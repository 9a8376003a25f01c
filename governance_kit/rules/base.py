"""What a rule is: a stable code, a name, a default severity, an explanation, and a check."""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import ClassVar

from ..findings import Finding, Severity
from ..loading.untrusted import Refused, read_regular
from ..model.envelope import Kind
from ..model.governance import Governance, Location
from ..model.settings import CheckSettings

MAX_READ = 16 * 1024 * 1024
"""The most of a repository file (other than policy files) a rule reads."""


@dataclass(frozen=True)
class BaseContext:
    """What every family of rules sees: the governance (its waivers and Settings) and the date.

    Each family declares its own subclass (`BaseRule.context_type`); the engine
    (`checker.run_rules`) runs any family over a context of the type its rules declare.
    """

    governance: Governance
    today: date
    findings: tuple[Finding, ...] = field(default=(), kw_only=True)
    """For rules that run after all others (`after_others`): what the others found, waived."""
    ran: frozenset[str] = field(default=frozenset(), kw_only=True)
    """For rules that run after all others: the codes of the rules that ran."""

    @property
    def settings(self) -> CheckSettings:
        return self.governance.settings

    def documents(self) -> list:
        """The policy documents findings may point at with an anchor (see `Rule.finding`);
        a family whose findings carry their line and column has none, and runs in process."""
        return []


@dataclass(frozen=True)
class Context(BaseContext):
    """What a rule of `govkit check` sees: the whole model, the date, and the thresholds."""

    files: Mapping[Path, str | None] = field(default_factory=dict)
    """Repository files (other than policy files) as they stood in the state being judged,
    when that is not the working tree (`govkit report --as-of`): text, or None if absent."""
    root: Path | None = None
    """The policy folder PATH, for rules that read files beside the policies (mkdocs.yml)."""
    base: Governance | None = None
    """The governance at the merge base of `--base REF` and HEAD, for the version rules."""
    base_label: str = ""
    """How messages name the base: the REF given to `--base`."""
    base_files: Mapping[Path, str] | None = None
    """The Markdown files of the policy folder at the base (policy texts), by path; None when
    they were not read (GK951 then compares the documents only)."""

    def documents(self) -> list:
        """The documents findings may point at: those judged, then those at the base."""
        base = self.base.documents if self.base is not None else []
        return [*self.governance.documents, *base]

    def read(self, path: Path, base: Path | None = None) -> str | None:
        """A repository file in the state being judged; None when it does not exist, or is not
        a regular file (inside the folder `base`, resolved, when given): a pipe, a device, a
        link out."""
        if path in self.files:
            return self.files[path]
        try:
            raw = read_regular(path, MAX_READ, base)
        except (OSError, Refused):
            return None
        return raw.decode("utf-8", errors="replace")


class BaseRule:
    """What every rule of every command has: policy rules (`Rule`) and draft rules alike.

    The docstring is the rule's one source of documentation: its first line is the summary,
    then the sections `### What it checks`, `### Why it matters`, `### Example` (failing YAML,
    or a failing draft for draft rules) and `### Fix`. `govkit rules CODE` and the rule pages
    in docs/rules are made from it, and the tests run its example (tests/test_rule_examples.py).
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    summary: ClassVar[str] = ""
    """The docstring's first line, set when the class is defined; never written by hand."""
    controls: ClassVar[tuple[str, ...]] = ()
    validation: ClassVar[bool] = False
    reads_files: ClassVar[tuple[str, ...]] = ()
    """Files the rule reads besides the policy documents: relative to the policy folder
    (`mkdocs.yml`), or to the Git repository's root when they start with `/`
    (`/.github/CODEOWNERS`); a folder ends with `/`. `govkit rules CODE` shows them, and
    `govkit report --as-of` takes the files (not folders) from the commit it reports."""
    reads_settings: ClassVar[tuple[str, ...]] = ()
    """Thresholds the rule reads from Settings, fields of `spec.check` (`due_soon_days`)."""
    context_type: ClassVar[type[BaseContext]] = BaseContext
    """The context the rule's family judges; `checker.run_rules` refuses any other."""
    command: ClassVar[str] = ""
    """The command that reports the family's findings (`govkit check`)."""
    after_others: ClassVar[bool] = False
    """True for a rule that judges the other rules' findings (GK902): it runs last, and its
    context carries the others' findings (`BaseContext.findings`, waivers applied)."""

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if "summary" in vars(cls):
            raise TypeError(f"{cls.__name__}: the summary is the docstring's first line")
        cls.summary = first_line(cls.__doc__)

    @classmethod
    def explanation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    def applies(self, context: BaseContext) -> bool:
        """Whether the rule can judge this context; one that cannot has not run."""
        return True

    def check(self, context: BaseContext) -> Iterable[Finding]:
        """Every finding of this rule over the context of its family."""
        return ()


def first_line(doc: str | None) -> str:
    """The first line of a docstring, stripped (as `inspect.cleandoc` would give it, without
    cleaning the whole docstring of every rule at start-up)."""
    return (doc or "").expandtabs().strip().partition("\n")[0].strip()


class Rule(BaseRule):
    """Base of every rule of `govkit check`. A rule module defines one subclass."""

    context_type = Context
    command = "govkit check"

    needs: ClassVar[tuple[type[Kind], ...]] = ()
    """The document kinds whose facts the rule reads across documents (`AccountRegistry`,
    `People`): it runs only when every document of these kinds is valid and each required one
    is there (`checker.run_check`). A rule that judges each policy document on its own
    (GK101) needs none; Settings is never needed (its defaults stand in for an invalid one).
    `govkit rules CODE` shows them, and tests/test_rule_needs.py fails on an undeclared read."""

    needs_base: ClassVar[bool] = False
    """True for a rule that judges a change (GK951-GK955): it runs only when the context has
    the governance at the base (`Context.base`, from `govkit check --base REF`)."""

    @classmethod
    def needed(cls) -> tuple[str, ...]:
        """The names of the kinds the rule needs (`needs`), as written after `kind:`."""
        return tuple(dict.fromkeys(kind.__name__ for kind in cls.needs))

    def applies(self, context: Context) -> bool:  # type: ignore[override]
        """Whether the rule can judge this context; one that cannot has not run."""
        return context.base is not None or not self.needs_base

    def check(self, context: Context) -> Iterable[Finding]:  # type: ignore[override]
        """Every finding of this rule; validation rules find theirs while loading."""
        return ()

    def finding(
        self,
        where: Location,
        message: str,
        *,
        target: str | None = None,
        hint: str | None = None,
        severity: Severity | None = None,
        key: bool = False,
    ) -> Finding:
        """A finding at `where`; its line and column are looked up once all rules have run."""
        return Finding(
            where.document.path,
            0,
            0,
            message,
            code=self.code,
            severity=severity or self.severity,
            hint=hint,
            target=target,
            anchor=(where, key),
        )
