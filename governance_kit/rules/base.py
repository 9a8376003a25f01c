"""What a rule is: a stable code, a name, a default severity, an explanation, and a check."""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from ..findings import Finding, Severity
from ..model.governance import Governance, Location
from ..model.settings import CheckSettings


@dataclass(frozen=True)
class Context:
    """What a rule sees: the whole model, the date to judge by, and the thresholds."""

    governance: Governance
    today: date

    @property
    def settings(self) -> CheckSettings:
        return self.governance.settings


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
