"""Every rule declares the document kinds it reads (`Rule.needs`): a partial check runs a rule
only when those kinds are valid, so an undeclared read would judge half a model.

Each rule runs over the every-rule fixture (where every rule fires) and the example (which has
every kind) through a Governance that
raises on any read of a kind the rule did not declare: an entity table (`people`,
`entities["crisis"]`, `located`, `locate`), a kind's documents (`of_kind`, `spec`). Settings
is always allowed (its defaults stand in for an invalid one); reading each policy document on
its own (`documents`, `policies`) needs no kind.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import pytest

from governance_kit.loading.repository import load_repository
from governance_kit.model import ENTITY_LISTS, POLICY_KINDS
from governance_kit.model.governance import Governance
from governance_kit.model.people import People
from governance_kit.rules import Context, Rule, all_rules
from tests.conftest import EXAMPLE, ROOT
from tests.rules.helpers import DAY

FIXTURE = ROOT / "tests" / "fixtures" / "every-rule"


class UndeclaredRead(AssertionError):
    """A rule read a kind it does not declare in `needs`."""


def _kinds_of(entity: Any) -> tuple[str, ...]:
    """The kinds an entity table or location key reads: a document id may be of any policy kind."""
    name = entity[0] if isinstance(entity, tuple) else entity
    if name == "document":
        return POLICY_KINDS
    return (ENTITY_LISTS[name][0],)


class Guarded(dict):
    """A table of the governance that tells `audit` which kinds each lookup reads."""

    audit: Audited

    def __getitem__(self, key: Any) -> Any:
        self.audit.read(*_kinds_of(key))
        return super().__getitem__(key)

    def get(self, key: Any, default: Any = None) -> Any:
        self.audit.read(*_kinds_of(key))
        return super().get(key, default)


class Audited(Governance):
    """A governance that raises on a read of a kind outside `allowed`, and records the reads."""

    allowed: frozenset[str] = frozenset()
    reads: set[str]

    def read(self, *kinds: str) -> None:
        for kind in kinds:
            if kind == "Settings" and kind not in self.allowed:
                continue  # thresholds every rule may read; a rule that judges Settings needs it
            self.reads.add(kind)
            if kind not in self.allowed:
                raise UndeclaredRead(f"reads {kind}, which it does not declare in `needs`")

    def of_kind(self, kind: type) -> list[Any]:
        self.read(kind.__name__)
        return super().of_kind(kind)


def audited(governance: Governance, rule: Rule) -> Audited:
    entities, locations = Guarded(governance.entities), Guarded(governance.locations)
    view = Audited(governance.documents, entities, locations, governance.duplicates)
    view.allowed, view.reads = frozenset(rule.needed()), set()
    entities.audit = locations.audit = view
    return view


def run_audited(rule: Rule, root: Path = FIXTURE) -> set[str]:
    """The kinds `rule` reads over the repository at `root`; UndeclaredRead if not declared."""
    governance = load_repository(root).governance
    view = audited(governance, rule)
    base = load_repository(EXAMPLE).governance
    context = Context(view, DAY, root=root, base=base, base_label="main")
    list(rule.check(context))
    return view.reads


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.code)
def test_every_rule_reads_only_the_kinds_it_needs(rule: Rule) -> None:
    for root in (FIXTURE, EXAMPLE):
        run_audited(rule, root)


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.code)
def test_every_rule_reads_every_kind_it_needs(rule: Rule) -> None:
    """No rule declares more than it reads, so that no rule is held back for nothing; the two
    that judge the set of policy documents (a removed one, CODEOWNERS) need every policy kind."""
    reads = run_audited(rule) | run_audited(rule, EXAMPLE)
    if rule.code in ("GK955", "GK960"):
        assert set(POLICY_KINDS) <= set(rule.needed())
        return
    assert reads == set(rule.needed())


class ReadsPeopleUndeclared(Rule):
    """A rule that reads the roster without declaring it (the audit must catch it)."""

    code = "GK999"
    name = "reads-people-undeclared"
    severity = "info"

    def check(self, context: Context) -> list:
        return list(context.governance.people)


class ReadsPeopleDeclared(ReadsPeopleUndeclared):
    """The same rule, declaring what it reads."""

    needs: ClassVar = (People,)


def test_the_audit_catches_an_undeclared_read() -> None:
    with pytest.raises(UndeclaredRead, match="reads People"):
        run_audited(ReadsPeopleUndeclared())
    assert run_audited(ReadsPeopleDeclared()) == {"People"}
