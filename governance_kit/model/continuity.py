"""Continuity and handover: what happens to accounts when someone leaves."""

from typing import Literal

from pydantic import Field

from .common import Date, Id, Strict, ref
from .envelope import Kind, PolicyMetadata
from .scope import Platform


class AppliesTo(Strict):
    """Which accounts a plan covers; an empty selection covers every account."""

    platforms: list[Platform] = Field(default_factory=list, description="Platforms covered.")
    accounts: list[Id] = Field(
        default_factory=list, description="Account ids covered.", json_schema_extra=ref("account")
    )


class SuccessorRule(Strict):
    """Who takes over, tried in order: the backup owner, a role, or a named person."""

    successor: Literal["backup-owner", "role", "person"] = Field(
        description="backup-owner, the holder of a role, or a named person."
    )
    role: Id | None = Field(
        default=None, description="Role id, when successor is role.", json_schema_extra=ref("role")
    )
    person: Id | None = Field(
        default=None,
        description="Person id, when successor is person.",
        json_schema_extra=ref("person"),
    )


class ChecklistItem(Strict):
    """One step of a handover."""

    id: Id = Field(description="Step id.")
    task: str = Field(description="What to do, in the imperative.")
    kind: Literal[
        "rotate-credentials",
        "move-admin-roles",
        "update-recovery-contact",
        "revoke-app-tokens",
        "remove-access",
        "transfer-ownership",
        "other",
    ] = Field(default="other", description="What kind of step this is.")


class Plan(Strict):
    """A continuity plan for a set of accounts."""

    id: Id = Field(description="Plan id.")
    name: str = Field(description="Name of the plan.")
    applies_to: AppliesTo = Field(
        default_factory=AppliesTo, description="The accounts the plan covers."
    )
    successor_rules: list[SuccessorRule] = Field(
        min_length=1, description="Who takes over, tried in this order."
    )
    checklist: list[ChecklistItem] = Field(min_length=1, description="The handover steps.")
    deadline_days: int = Field(
        ge=1, le=365, description="Days from the start of a handover by which it must be done."
    )


class Handover(Strict):
    """A handover under way or done."""

    id: Id = Field(description="Handover id.")
    person: Id = Field(
        description="Person id of whoever is leaving.", json_schema_extra=ref("person")
    )
    successor: Id = Field(description="Person id who takes over.", json_schema_extra=ref("person"))
    accounts: list[Id] = Field(
        default_factory=list,
        description="Account ids handed over.",
        json_schema_extra=ref("account"),
    )
    started: Date = Field(description="When the handover started.")
    deadline: Date = Field(description="When the handover must be complete.")
    status: Literal["in-progress", "done"] = Field(description="in-progress or done.")
    completed: Date | None = Field(default=None, description="When it was completed.")


class Procedures(Strict):
    """Steps for joiners, movers and leavers, shown in the handbook."""

    joining: list[str] = Field(default_factory=list, description="When you join.")
    changing_role: list[str] = Field(default_factory=list, description="When you change role.")
    leaving: list[str] = Field(default_factory=list, description="When you leave.")


class ContinuitySpec(Strict):
    """Continuity plans and handovers."""

    plans: list[Plan] = Field(min_length=1, description="The continuity plans.")
    handovers: list[Handover] = Field(default_factory=list, description="Handovers.")
    procedures: Procedures = Field(
        default_factory=Procedures, description="Joiner, mover and leaver steps."
    )


class ContinuityPlan(Kind):
    """Kind ContinuityPlan: successor rules, handover checklists and handovers."""

    required = True
    single = True
    record = False
    entity_lists = {"plan": "plans", "handover": "handovers"}

    api_version: Literal["governance-kit.dev/v1"] = Field(
        alias="apiVersion", description="Format of the file; always governance-kit.dev/v1."
    )
    kind: Literal["ContinuityPlan"] = Field(description="The kind of document: ContinuityPlan.")
    metadata: PolicyMetadata = Field(description="Identity, owner, version and review cadence.")
    spec: ContinuitySpec = Field(description="The content of the document.")
