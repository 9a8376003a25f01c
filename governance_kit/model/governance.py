"""The whole governance model of a repository: every document, with its entities indexed by id."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal, NamedTuple, Protocol, TypeVar

from .accounts import Account
from .continuity import Handover, Plan
from .kinds import ENTITY_LISTS, RECORD_KINDS
from .moderation import EscalationPath
from .people import Person, Role
from .scope import Channel
from .settings import CheckSettings, ControlSettings, Settings
from .training import Course
from .waivers import Waiver

Path_ = tuple[str | int, ...]


class Secret(NamedTuple):
    """Something in a policy file that looks like a credential, and exactly where it stands.

    `path` and `key` name the value it is in (or the key it is); a secret in a comment or in
    a file that cannot be parsed has the path () and the key None. The secret itself is
    never kept.
    """

    line: int
    column: int
    kind: str
    path: Path_ = ()
    key: str | int | None = None
    part: Literal["value", "key", "comment", "line"] = "comment"
    """Where it is: in the value at `path`, the key at `path` itself, a comment, or a line
    of a file that is not readable YAML."""


SpecT = TypeVar("SpecT", covariant=True)


class WithSpec(Protocol[SpecT]):
    """A document kind class: its `spec` field's type is what `Governance.spec` returns."""

    @property
    def spec(self) -> SpecT: ...


class SourceDocument(Protocol):
    """A validated document and where its values stand in its file."""

    model: Any

    @property
    def kind(self) -> str: ...

    @property
    def id(self) -> str: ...

    @property
    def path(self) -> Path: ...

    @property
    def secrets(self) -> list[Secret]:
        """What in the file looks like a credential, in values and comments."""
        ...

    def locate(self, path: Path_, *, key: bool = False) -> tuple[int, int]: ...


@dataclass
class Location:
    """Where something stands: a document and a path inside it."""

    document: SourceDocument
    path: Path_

    def child(self, *steps: str | int) -> Location:
        return Location(self.document, self.path + steps)

    def position(self, *, key: bool = False) -> tuple[Path, int, int]:
        line, column = self.document.locate(self.path, key=key)
        return self.document.path, line, column


@dataclass
class Governance:
    """Every document of a policy repository, with entities indexed by kind and id."""

    documents: list[SourceDocument]
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    locations: dict[tuple[str, str], Location] = field(default_factory=dict)
    duplicates: list[tuple[str, str, Location]] = field(default_factory=list)
    _located: dict[str, list[tuple[Any, Location]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _by_kind: dict[str, list[SourceDocument]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @classmethod
    def build(cls, documents: list[SourceDocument]) -> Governance:
        governance = cls(documents, {name: {} for name in ENTITY_LISTS})
        for document in documents:
            governance._index(document)
        return governance

    def _index(self, document: SourceDocument) -> None:
        self._add("document", document.id, document.model, Location(document, ("metadata", "id")))
        for entity, (kind, list_name) in ENTITY_LISTS.items():
            if document.kind != kind:
                continue
            for index, item in enumerate(getattr(document.model.spec, list_name)):
                self._add(entity, item.id, item, Location(document, ("spec", list_name, index)))

    def _add(self, entity: str, ident: str, item: Any, location: Location) -> None:
        table = self.entities.setdefault(entity, {})
        if ident in table:
            self.duplicates.append((entity, ident, location))
            return
        table[ident] = item
        self.locations[(entity, ident)] = location

    def of_kind(self, kind: type) -> list[SourceDocument]:
        """The documents of a kind (`governance.of_kind(ApprovalFlow)`), in file order (sorted
        by kind once, then looked up: rules ask per account)."""
        if self._by_kind is None:
            self._by_kind = {}
            for document in self.documents:
                self._by_kind.setdefault(document.kind, []).append(document)
        return list(self._by_kind.get(kind.__name__, ()))

    def spec(self, kind: type[WithSpec[SpecT]]) -> SpecT | None:
        """The spec of the one document of a kind (`governance.spec(BrandGuide)`), or None."""
        found = self.of_kind(kind)
        return found[0].model.spec if found else None

    def locate(self, entity: str, ident: str) -> Location:
        return self.locations[(entity, ident)]

    def located(self, entity: str) -> list[tuple[Any, Location]]:
        """Every entity of a kind with its location, in file order (listed once, then reused)."""
        pairs = self._located.get(entity)
        if pairs is None:
            locations = self.locations
            pairs = self._located[entity] = [
                (item, locations[(entity, ident)]) for ident, item in self.entities[entity].items()
            ]
        return pairs

    @property
    def people(self) -> dict[str, Person]:
        return self.entities["person"]

    @property
    def roles(self) -> dict[str, Role]:
        return self.entities["role"]

    @property
    def channels(self) -> dict[str, Channel]:
        return self.entities["channel"]

    @property
    def accounts(self) -> dict[str, Account]:
        return self.entities["account"]

    @property
    def plans(self) -> dict[str, Plan]:
        return self.entities["plan"]

    @property
    def handovers(self) -> dict[str, Handover]:
        return self.entities["handover"]

    @property
    def courses(self) -> dict[str, Course]:
        return self.entities["course"]

    @property
    def escalations(self) -> dict[str, EscalationPath]:
        return self.entities["escalation"]

    @property
    def waivers(self) -> dict[str, Waiver]:
        return self.entities["waiver"]

    @property
    def policies(self) -> list[SourceDocument]:
        """Documents that carry policy metadata (owner, version, review cadence)."""
        return [d for d in self.documents if d.kind not in RECORD_KINDS]

    @property
    def settings(self) -> CheckSettings:
        spec = self.spec(Settings)
        return spec.check if spec is not None else CheckSettings()

    @property
    def control_settings(self) -> ControlSettings:
        spec = self.spec(Settings)
        return spec.controls if spec is not None else ControlSettings()

    def holders(self, role: str, today: date | None = None) -> list[Person]:
        """People holding a role who have not left (`Person.gone(today)`).

        Without a date, the roster's status alone decides: for outputs that must not change
        with the day they are made, such as CODEOWNERS.
        """
        return [
            p
            for p in self.people.values()
            if role in p.roles and not (p.gone(today) if today else p.status == "left")
        ]
