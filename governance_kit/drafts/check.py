"""Checking a draft: find its account and author, work out the rules, and run the draft rules
through the one engine (`checker.run_all`) over a `DraftContext`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..checker import run_all
from ..findings import Finding, Outcome
from ..loading.suggest import did_you_mean
from ..model.accounts import Account
from ..model.brand import BrandGuide
from ..model.governance import Governance
from ..model.people import Person
from .draft import Draft
from .effective import Effective, for_account
from .rules import DraftContext, DraftRule, all_draft_rules


class UnknownId(Exception):
    """An account or author the policies do not know; carries the message and a hint."""

    def __init__(self, message: str, hint: str | None) -> None:
        super().__init__(message)
        self.hint = hint


@dataclass
class DraftResult(Outcome):
    """Every finding of the draft rules, and what they judged."""

    draft: Draft
    account: Account
    author: Person | None
    sponsored: bool
    rules: Effective
    today: date
    ran: tuple[DraftRule, ...]
    findings: list[Finding] = field(default_factory=list)


def find_account(governance: Governance, ident: str) -> Account:
    if ident not in governance.accounts:
        raise _unknown("account", ident, list(governance.accounts), "AccountRegistry")
    return governance.accounts[ident]


def find_person(governance: Governance, ident: str) -> Person:
    if ident not in governance.people:
        raise _unknown("person", ident, list(governance.people), "People document")
    return governance.people[ident]


def _unknown(noun: str, ident: str, known: list[str], where: str) -> UnknownId:
    hint = did_you_mean(ident, known) or f"the ids are in the {where}"
    return UnknownId(f"unknown {noun} '{ident}'", hint)


def check_draft(
    governance: Governance,
    draft: Draft,
    *,
    account_id: str,
    author_id: str | None,
    sponsored: bool,
    today: date,
    rules: tuple[DraftRule, ...] | None = None,
) -> DraftResult:
    """Run `rules` (every draft rule by default); UnknownId when the account or author is not
    in the policies."""
    account = find_account(governance, account_id)
    author = find_person(governance, author_id) if author_id else None
    effective = for_account(governance.spec(BrandGuide), account)
    context = DraftContext(
        governance,
        today,
        draft,
        account,
        author,
        sponsored,
        effective,
        where_account=draft.meta_position(("account",))
        if draft.meta.account == account_id
        else None,
        where_author=draft.meta_position(("author",)) if draft.meta.author == author_id else None,
    )
    ran = all_draft_rules() if rules is None else rules
    found = run_all(ran, context)
    return DraftResult(draft, account, author, sponsored, effective, today, ran, found)
