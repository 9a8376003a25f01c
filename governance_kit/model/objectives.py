"""Objectives and measures: goals and KPIs per channel."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import Id, Strict, ref
from .envelope import Kind, PolicyMetadata


class Kpi(Strict):
    """A key performance indicator."""

    id: Id = Field(description="KPI id.")
    name: str = Field(description="What is measured.")
    target: float = Field(description="The target value.")
    unit: str = Field(description="Unit, e.g. minutes, percent, followers.")
    direction: Literal["at-least", "at-most"] = Field(
        default="at-least", description="Whether the value should stay above or below target."
    )
    source: str | None = Field(default=None, description="Where the figure comes from.")


class Objective(Strict):
    """A goal, optionally for one channel."""

    id: Id = Field(description="Objective id.")
    channel: Id | None = Field(
        default=None,
        description="Channel id; empty for all channels.",
        json_schema_extra=ref("channel"),
    )
    goal: str = Field(description="The goal in words.")
    kpis: list[Kpi] = Field(min_length=1, description="How progress is measured.")


class ObjectivesSpec(Strict):
    """The objectives."""

    objectives: list[Objective] = Field(min_length=1, description="The objectives.")


class Objectives(Kind):
    """Kind Objectives: goals and KPIs."""

    required = True
    single = True
    record = False
    entity_lists = {"objective": "objectives"}

    api_version: Literal["governance-kit.dev/v1"] = Field(
        alias="apiVersion", description="Format of the file; always governance-kit.dev/v1."
    )
    kind: Literal["Objectives"] = Field(description="The kind of document: Objectives.")
    metadata: PolicyMetadata = Field(description="Identity, owner, version and review cadence.")
    spec: ObjectivesSpec = Field(description="The content of the document.")
