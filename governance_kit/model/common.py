"""Shared field types of the governance model: ids, versions, intervals, classifications."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,79}$"
INTERVAL_PATTERN = (
    r"^(P(\d+Y(\d+M)?(\d+W)?(\d+D)?|\d+M(\d+W)?(\d+D)?|\d+W(\d+D)?|\d+D)"
    r"|weekly|monthly|quarterly|semiannually|annually|yearly|biennially)$"
)

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN),
    Field(description="A stable id: lower-case letters, digits, '.', '_' or '-'."),
]
SemVer = Annotated[
    str,
    StringConstraints(pattern=r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$"),
    Field(description="A semantic version MAJOR.MINOR.PATCH, for example 1.4.0."),
]
Email = Annotated[
    str,
    StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=254),
    Field(description="An e-mail address."),
]
SecretRef = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9+.-]*://\S+$", max_length=500),
    Field(
        description=(
            "Where a credential lives, as a secret-manager reference such as "
            "op://vault/item or vault://secret/path; never the secret itself."
        )
    ),
]
ClockTime = Annotated[
    str,
    StringConstraints(pattern=r"^([01]\d|2[0-3]):[0-5]\d$|^24:00$"),
    Field(description="A time of day, HH:MM on the 24-hour clock (24:00 ends a day)."),
]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

Classification = Literal["public", "internal", "confidential"]

_INTERVAL_WORDS = {
    "weekly": "P1W",
    "monthly": "P1M",
    "quarterly": "P3M",
    "semiannually": "P6M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "biennially": "P2Y",
}
_ISO_PERIOD = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")
_ISO_DURATION = re.compile(r"^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$")

Interval = Annotated[
    str,
    StringConstraints(pattern=INTERVAL_PATTERN),
    Field(
        description=(
            "A calendar interval: an ISO 8601 period such as P1Y, P6M, P90D, or one of "
            "weekly, monthly, quarterly, semiannually, annually, biennially."
        )
    ),
]
Duration = Annotated[
    str,
    StringConstraints(pattern=r"^P(\d+D(T\d+H(\d+M)?|T\d+M)?|T(\d+H(\d+M)?|\d+M))$"),
    Field(description="A short ISO 8601 duration such as PT2H, PT30M or P1D."),
]


@dataclass(frozen=True)
class Period:
    """A calendar period in years, months and days, as written in an `Interval`."""

    years: int = 0
    months: int = 0
    days: int = 0

    @classmethod
    def parse(cls, text: str) -> Period:
        match = _ISO_PERIOD.match(_INTERVAL_WORDS.get(text, text))
        if not match:
            raise ValueError(f"not an interval: {text!r}")
        years, months, weeks, days = (int(g or 0) for g in match.groups())
        return cls(years, months, days + 7 * weeks)

    def after(self, start: date) -> date:
        """The date one period after `start` (month ends are clamped: 31 Jan + P1M = 28 Feb)."""
        month_index = start.month - 1 + self.months + 12 * self.years
        year, month = start.year + month_index // 12, month_index % 12 + 1
        day = min(start.day, calendar.monthrange(year, month)[1])
        return date(year, month, day) + timedelta(days=self.days)

    def before(self, end: date) -> date:
        """The date one period before `end`."""
        month_index = end.month - 1 - self.months - 12 * self.years
        year, month = end.year + month_index // 12, month_index % 12 + 1
        day = min(end.day, calendar.monthrange(year, month)[1])
        return date(year, month, day) - timedelta(days=self.days)


def _written_date(value: Any) -> Any:
    """Dates are written YYYY-MM-DD: a number is not taken for a Unix timestamp."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise PydanticCustomError("date_parsing", "a number is not a date")
    return value


Date = Annotated[date, BeforeValidator(_written_date)]
"""A calendar date, written YYYY-MM-DD in the YAML."""


def duration_minutes(text: str) -> int:
    """Minutes in a short ISO 8601 duration such as PT2H30M."""
    match = _ISO_DURATION.match(text)
    if not match:
        raise ValueError(f"not a duration: {text!r}")
    days, hours, minutes = (int(g or 0) for g in match.groups())
    return (days * 24 + hours) * 60 + minutes


def classified(level: Classification, **extra: Any) -> dict[str, Any]:
    """Schema annotation that tells the handbook how far a field may travel."""
    return {"x-classification": level, **extra}


class Strict(BaseModel):
    """Base of every model: unknown fields are errors, values are validated on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, populate_by_name=True)


def ref(entity: str) -> dict[str, Any]:
    """Schema annotation of a field that holds the id (or ids) of another entity."""
    return {"x-references": entity}
