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
from ..model.governance import Governance, Location
from ..model.settings import CheckSettings

MAX_READ = 16 * 1024 * 1024
"""The most of a repository file (other than policy files) a rule reads."""


@dataclass(frozen=True)
class Context:
    """What a rule sees: the whole model, the date to judge by, and the thresholds."""

    governance: Governance
    today: date
    files: Mapping[Path, str | None] = field(default_factory=dict)
    """Repository files (other than policy files) as they stood in the state being judged,
    when that is not the working tree (`govkit report --as-of`): text, or None if absent."""
    root: Path | None = None
    """The policy folder PATH, for rules that read files beside the policies (mkdocs.yml)."""

    @property
    def settings(self) -> CheckSettings:
        return self.governance.settings

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


class Rule:
    """Base of every rule. A rule module defines one subclass; its docstring is the explanation.

    The docstring's first paragraph says what the rule finds and why it matters; the rest says
    how to fix it. `govkit rules CODE` and the rule pages in docs/ are made from it.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    summary: ClassVar[str]
    controls: ClassVar[tuple[str, ...]] = ()
    validation: ClassVar[bool] = False
    external: ClassVar[bool] = False
    """True for rules whose findings come from outside `check()` (the Git workflow)."""

    def check(self, context: Context) -> Iterable[Finding]:
        """Every finding of this rule; validation rules find theirs while loading."""
        return ()

    @classmethod
    def explanation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

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
