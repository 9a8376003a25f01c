"""What a draft rule is: a stable code, a name, a severity, an explanation, and a check."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ...findings import Finding, Severity
from ...model.accounts import Account
from ...model.brand import BrandGuide, BrandSpec
from ...model.people import Person
from ...rules.base import BaseContext, BaseRule
from ..draft import Draft
from ..effective import Effective
from ..text import links


@dataclass(frozen=True)
class DraftContext(BaseContext):
    """What a draft rule sees: the draft, its account and author, and the rules that apply."""

    draft: Draft
    account: Account
    author: Person | None
    sponsored: bool
    rules: Effective
    where_account: tuple[int, int] | None = None
    where_author: tuple[int, int] | None = None

    @property
    def brand(self) -> BrandSpec | None:
        return self.governance.spec(BrandGuide)

    def links(self) -> list[tuple[str, tuple[int, int]]]:
        """Every link: those in the front matter, then those in the post, with positions."""
        draft = self.draft
        found = [
            (url, draft.meta_position(("links", index)) or (1, 1))
            for index, url in enumerate(draft.meta.links)
        ]
        found += [(span.value, draft.body_position(span.start)) for span in links(draft.body)]
        return found


class DraftRule(BaseRule):
    """Base of every draft rule; a rule module defines one subclass, its docstring explains it."""

    context_type = DraftContext
    command = "govkit post check"

    def check(self, context: DraftContext) -> Iterable[Finding]:  # type: ignore[override]
        return ()

    def finding(
        self,
        context: DraftContext,
        where: tuple[int, int],
        message: str,
        *,
        hint: str | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        line, column = where
        return Finding(
            context.draft.path,
            line,
            column,
            message,
            code=self.code,
            severity=severity or self.severity,
            hint=hint,
            target=context.account.id,
        )
