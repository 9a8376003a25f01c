"""Shared field types of the governance model: ids, versions, intervals, classifications."""

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)
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

FIRST_DATE = date(1900, 1, 1)
LAST_DATE = date(9000, 12, 31)
"""Dates outside these are refused: nothing computed from a date can then leave the calendar."""
MAX_YEARS = 100
"""Intervals and durations are at most this long."""
MAX_DAYS = 36_525
"""MAX_YEARS in days: the upper bound of settings counted in days."""


def out_of_range(reason: str, hint: str) -> PydanticCustomError:
    """A value of the right form that lies outside what governance-kit computes with."""
    return PydanticCustomError("out_of_range", "{reason}", {"reason": reason, "hint": hint})


def _interval_in_range(text: str) -> str:
    period = Period.parse(text)
    months, start = period.years * 12 + period.months, date(2000, 1, 1)
    if months > 12 * MAX_YEARS or period.days > MAX_DAYS or period.after(start) > date(2100, 1, 1):
        raise out_of_range(
            f"is longer than {MAX_YEARS} years",
            f"write an interval of at most {MAX_YEARS} years, e.g. P1Y, P6M or P90D",
        )
    return text


def _duration_in_range(text: str) -> str:
    if duration_minutes(text) > MAX_DAYS * 24 * 60:
        raise out_of_range(
            f"is longer than {MAX_YEARS} years",
            f"write a duration of at most {MAX_YEARS} years, e.g. PT2H, PT30M or P1D",
        )
    return text


Interval = Annotated[
    str,
    StringConstraints(pattern=INTERVAL_PATTERN),
    AfterValidator(_interval_in_range),
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
    AfterValidator(_duration_in_range),
    Field(description="A short ISO 8601 duration such as PT2H, PT30M or P1D."),
]


@dataclass(frozen=True)
class Period:
    """A calendar period in years, months and days, as written in an `Interval`."""

    years: int = 0
    months: int = 0
    days: int = 0

    @classmethod
    def parse(cls, text: str) -> "Period":
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


def _date_in_range(value: date) -> date:
    if not FIRST_DATE <= value <= LAST_DATE:
        raise out_of_range(
            f"is outside the dates governance-kit works with ({FIRST_DATE} to {LAST_DATE})",
            f"write a date between {FIRST_DATE} and {LAST_DATE}",
        )
    return value


Date = Annotated[date, BeforeValidator(_written_date), AfterValidator(_date_in_range)]
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

    model_config = ConfigDict(
        extra="forbid", validate_assignment=True, populate_by_name=True, defer_build=True
    )


def ref(entity: str) -> dict[str, Any]:
    """Schema annotation of a field that holds the id (or ids) of another entity."""
    return {"x-references": entity}
