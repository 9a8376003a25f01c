"""Training: required courses per role, refresh intervals, and who completed what."""

from datetime import date
from typing import Literal

from pydantic import Field

from .common import Date, Id, Interval, Period, Strict, ref
from .envelope import Kind, PolicyMetadata


class Course(Strict):
    """A training course."""

    id: Id = Field(description="Course id.")
    name: str = Field(description="Course name.")
    description: str = Field(description="What the course teaches.")
    refresh: Interval | None = Field(
        default=None, description="How long a completion stays valid; empty: for good."
    )
    link: str | None = Field(default=None, description="Where to take the course.")

    def expiry(self, completed: date) -> date | None:
        """The day after which a completion no longer counts; None: it always does."""
        return Period.parse(self.refresh).after(completed) if self.refresh else None


class Requirement(Strict):
    """Courses everyone holding a role must have."""

    role: Id = Field(description="Role id.", json_schema_extra=ref("role"))
    courses: list[Id] = Field(
        min_length=1, description="Course ids required.", json_schema_extra=ref("course")
    )


class Completion(Strict):
    """A person's completion of a course."""

    person: Id = Field(description="Person id.", json_schema_extra=ref("person"))
    course: Id = Field(description="Course id.", json_schema_extra=ref("course"))
    completed: Date = Field(description="Date of completion.")


class TrainingSpec(Strict):
    """Courses, requirements and completions."""

    courses: list[Course] = Field(min_length=1, description="The courses.")
    requirements: list[Requirement] = Field(
        default_factory=list, description="Required courses per role."
    )
    account_access_courses: list[Id] = Field(
        default_factory=list,
        description="Course ids everyone with account access must have.",
        json_schema_extra=ref("course"),
    )
    moderation_courses: list[Id] = Field(
        default_factory=list,
        description="Course ids everyone on the rota must have.",
        json_schema_extra=ref("course"),
    )
    completions: list[Completion] = Field(default_factory=list, description="Completions.")


class TrainingPlan(Kind):
    """Kind TrainingPlan: who must be trained in what, and who is."""

    required = True
    single = True
    record = False
    entity_lists = {"course": "courses"}

    api_version: Literal["governance-kit.dev/v1"] = Field(
        alias="apiVersion", description="Format of the file; always governance-kit.dev/v1."
    )
    kind: Literal["TrainingPlan"] = Field(description="The kind of document: TrainingPlan.")
    metadata: PolicyMetadata = Field(description="Identity, owner, version and review cadence.")
    spec: TrainingSpec = Field(description="The content of the document.")
