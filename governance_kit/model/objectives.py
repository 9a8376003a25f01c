"""Objectives and measures: goals and KPIs per channel, with the figures recorded per period."""

import calendar
from datetime import date
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from .common import Id, Strict, ref
from .envelope import Kind, PolicyMetadata

ReportingPeriod = Annotated[
    str,
    StringConstraints(pattern=r"^(19|[2-8]\d)\d{2}(-(0[1-9]|1[0-2])|-Q[1-4])?$"),
    Field(description="A reporting period: a month 2026-10, a quarter 2026-Q3 or a year 2026."),
]


def period_start(period: str) -> date:
    """The first day of a reporting period (2026-10, 2026-Q3, 2026)."""
    year, _, part = period.partition("-")
    if not part:
        return date(int(year), 1, 1)
    month = (int(part[1]) - 1) * 3 + 1 if part.startswith("Q") else int(part)
    return date(int(year), month, 1)


def period_end(period: str) -> date:
    """The last day of a reporting period."""
    start = period_start(period)
    part = period.partition("-")[2]
    month = 12 if not part else start.month + 2 if part.startswith("Q") else start.month
    return date(start.year, month, calendar.monthrange(start.year, month)[1])


class Actual(Strict):
    """The figure measured in one reporting period."""

    period: ReportingPeriod = Field(description="The period measured: 2026-10, 2026-Q3 or 2026.")
    value: float = Field(description="The value measured, in the KPI's unit.")
    note: str | None = Field(default=None, description="What explains the figure.")


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
    actuals: list[Actual] = Field(
        default_factory=list,
        description="The values measured, one per reporting period (GK121, GK122).",
    )

    def missed(self, value: float) -> bool:
        """Whether a measured value misses the target in the KPI's direction."""
        return value < self.target if self.direction == "at-least" else value > self.target


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

    required = False
    single = True
    record = False
    entity_lists = {"objective": "objectives"}

    api_version: Literal["governance-kit.dev/v1"] = Field(
        alias="apiVersion", description="Format of the file; always governance-kit.dev/v1."
    )
    kind: Literal["Objectives"] = Field(description="The kind of document: Objectives.")
    metadata: PolicyMetadata = Field(description="Identity, owner, version and review cadence.")
    spec: ObjectivesSpec = Field(description="The content of the document.")
