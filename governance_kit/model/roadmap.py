"""Roadmap: a rollout plan (a 60-day plan, a yearly programme) as milestones with owners and
due dates."""

from typing import Literal

from pydantic import Field

from .common import Date, Id, Strict, ref
from .envelope import Kind, PolicyMetadata

OPEN = ("planned", "in_progress")
"""Milestone statuses that still need work."""


class Milestone(Strict):
    """One step of the plan."""

    id: Id = Field(description="Milestone id, unique across the policy repository.")
    title: str = Field(min_length=1, description="What is to be done.")
    owner: Id = Field(
        description="Person id of whoever answers for the milestone.",
        json_schema_extra=ref("person"),
    )
    due: Date = Field(description="The day by which it is to be done.")
    status: Literal["planned", "in_progress", "done", "dropped"] = Field(
        default="planned", description="planned, in_progress, done or dropped."
    )
    done_on: Date | None = Field(default=None, description="When it was done.")
    notes: str | None = Field(default=None, description="Progress, decisions, why dropped.")


class RoadmapSpec(Strict):
    """What the plan is for, and its milestones."""

    goal: str | None = Field(default=None, description="What the plan achieves, in words.")
    starts: Date | None = Field(default=None, description="The first day of the plan.")
    milestones: list[Milestone] = Field(min_length=1, description="The milestones, in order.")


class Roadmap(Kind):
    """Kind Roadmap: a rollout plan with milestones (several per repository)."""

    required = False
    single = False
    record = False
    entity_lists = {"milestone": "milestones"}

    api_version: Literal["governance-kit.dev/v1"] = Field(
        alias="apiVersion", description="Format of the file; always governance-kit.dev/v1."
    )
    kind: Literal["Roadmap"] = Field(description="The kind of document: Roadmap.")
    metadata: PolicyMetadata = Field(description="Identity, owner, version and review cadence.")
    spec: RoadmapSpec = Field(description="The content of the document.")
