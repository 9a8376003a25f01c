"""What every page generator reads: the published part of the model, names of ids, today."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..loading.repository import Repository
from ..markup.escape import text
from ..model.envelope import Kind
from ..model.governance import Governance, SourceDocument, SpecT, WithSpec
from ..model.scope import Scope
from .words import _, listing


def published(document: SourceDocument) -> bool:
    """Documents classified confidential are never published."""
    return getattr(document.model.metadata, "classification", "internal") != "confidential"


@dataclass
class PublishedGovernance:
    """The published documents of a repository, indexed, with helpers that return Markdown."""

    governance: Governance
    today: dt.date

    @classmethod
    def of(cls, repository: Repository, today: dt.date) -> PublishedGovernance:
        documents = [d for d in repository.documents if published(d)]
        return cls(Governance.build(documents), today)

    def documents(self, kind: type[Kind]) -> list[SourceDocument]:
        return self.governance.of_kind(kind)

    def spec(self, kind: type[WithSpec[SpecT]]) -> SpecT | None:
        return self.governance.spec(kind)

    def person(self, ident: str | None) -> str:
        """A person's name (escaped); the id when the person is not published."""
        if ident is None:
            return "—"
        person = self.governance.people.get(ident)
        return text(person.name if person else ident)

    def persons(self, idents: Iterable[str]) -> str:
        return listing([self.person(ident) for ident in idents]) or "—"

    def role(self, ident: str | None) -> str:
        if ident is None:
            return "—"
        role = self.governance.roles.get(ident)
        return text(role.name if role else ident)

    def roles(self, idents: Iterable[str]) -> str:
        return listing([self.role(ident) for ident in idents]) or "—"

    def role_holders(self, ident: str | None) -> str:
        """'Social media lead (Ana Berg Haugen)': the role and who holds it today."""
        if ident is None:
            return "—"
        names = [text(p.name) for p in self.governance.holders(ident) if p.status == "active"]
        return self.role(ident) + (f" ({listing(names)})" if names else "")

    def channel(self, ident: str | None) -> str:
        if ident is None:
            return _("All channels")
        channel = self.governance.channels.get(ident)
        return text(channel.name if channel else ident)

    def channels(self, idents: Iterable[str]) -> str:
        return listing([self.channel(ident) for ident in idents]) or _("All channels")

    def organisation(self) -> Any | None:
        scope = self.spec(Scope)
        return scope.organisation if scope else None
