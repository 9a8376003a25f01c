"""Settings: thresholds of the checker, kept in the policy repository."""

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, ValidationInfo, field_validator

from .common import MAX_DAYS, Interval, Strict
from .envelope import Kind, Metadata
from .waivers import RuleCode


class CheckSettings(Strict):
    """Thresholds the rules use."""

    due_soon_days: int = Field(
        default=30, ge=0, le=365, description="Warn this many days before a review is due."
    )
    leaving_horizon_days: int = Field(
        default=30, ge=0, le=365, description="Treat people leaving within this many days as gone."
    )
    dormant_after_days: int = Field(
        default=180,
        ge=1,
        le=MAX_DAYS,
        description="An account without activity this long counts as dormant.",
    )
    admin_access_review: Interval = Field(
        default="quarterly", description="How often admin access must be reviewed."
    )
    access_review: Interval = Field(
        default="semiannually", description="How often other access must be reviewed."
    )
    inactive_after_days: int = Field(
        default=90,
        ge=1,
        le=MAX_DAYS,
        description=(
            "An active account without activity this long is reported for information (GK702), "
            "until it counts as dormant."
        ),
    )
    rotate_after_departure_days: int = Field(
        default=7,
        ge=0,
        le=365,
        description=(
            "Days after the last working day of someone who had access by which the account's "
            "credentials must have been rotated (GK306)."
        ),
    )
    connection_review: Interval = Field(
        default="semiannually",
        description=(
            "How often a connected tool or agency must be reviewed, unless its own "
            "review_interval says otherwise (GK311)."
        ),
    )
    verify_registry_every: Interval = Field(
        default="P1Y",
        description="How often each registry entry must be checked against the platform (GK704).",
    )
    crisis_contacts_verify_days: int = Field(
        default=90,
        ge=1,
        le=MAX_DAYS,
        description="Crisis contacts must have been verified within this many days (GK606).",
    )
    kpi_missed_periods: int = Field(
        default=2,
        ge=1,
        le=60,
        description=(
            "A KPI whose latest this many recorded periods all missed the target is reported "
            "(GK121)."
        ),
    )
    export_max_age_days: int = Field(
        default=30,
        ge=0,
        le=MAX_DAYS,
        description=(
            "An export older than this many days is stale evidence for govkit reconcile (GKR10)."
        ),
    )
    fail_on: Literal["error", "warning", "info"] = Field(
        default="error", description="Lowest severity that makes `govkit check` fail."
    )
    ignore: list[str] = Field(default_factory=list, description="Rule codes never reported.")


ControlId = Annotated[
    str,
    StringConstraints(min_length=1, max_length=80, pattern=r"^\S+$"),
    Field(
        description=(
            "A control id of the catalogue (govkit rules CODE lists them), e.g. SOC2:CC6.2, or "
            "one of the company's own in 'extra'; an unknown id is a broken reference (GK003)."
        )
    ),
]


class ControlSettings(Strict):
    """The company's own controls, and which rules support them."""

    extra: dict[str, str] = Field(
        default_factory=dict,
        description="Control ids of the company's own with their titles, e.g. ACME-SM-1.",
    )
    map: dict[RuleCode, list[ControlId]] = Field(
        default_factory=dict,
        description="Rule code -> control ids it supports besides those the rule names itself.",
    )


Column = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class HrColumns(Strict):
    """Which columns of the HR system's CSV export say who works here (`govkit reconcile`,
    kind hr-csv): the e-mail, the name and the employment status, as the export names them."""

    login: Column = Field(description="Column of the work e-mail, e.g. 'Work Email'.")
    name: Column | None = Field(default=None, description="Column of the full name.")
    status: Column = Field(description="Column of the employment status, e.g. 'Status'.")
    active: list[Column] = Field(
        min_length=1,
        description="Values of the status column that mean employed, e.g. [Active, On leave];"
        " any other value counts as gone.",
    )


class ReconcileSettings(Strict):
    """How `govkit reconcile` reads exports whose columns differ from company to company."""

    hr: HrColumns | None = Field(
        default=None, description="The columns of the HR system's CSV export (kind hr-csv)."
    )


HTTPS_URL = r"""^https://[^\s"'<>]+$"""


HandbookLanguage = Literal["en", "nb", "sv", "de", "zh"]
"""The languages the handbook's own words are translated into."""


class HandbookSettings(Strict):
    """How the employee handbook is published."""

    language: HandbookLanguage | None = Field(
        default=None,
        description=(
            "Language of the handbook's own headings, labels and dates: en, nb, sv, de or zh. "
            "Unset: the language of mkdocs.yml's theme, else English. Policy text is never "
            "translated."
        ),
    )
    site_url: Annotated[str, StringConstraints(max_length=400, pattern=HTTPS_URL)] | None = Field(
        default=None,
        description=(
            "The address the handbook is published at (https://...), for the sitemap and "
            "canonical links; unset: mkdocs.yml's site_url."
        ),
    )
    also_in: list[HandbookLanguage] = Field(
        default_factory=list,
        max_length=4,
        description=(
            "Other languages to publish the handbook in as well, each in a folder named after "
            "it (site/en/), with a language selector on every page of every language."
        ),
    )

    @field_validator("also_in")
    @classmethod
    def _each_language_once(cls, also_in: list[str], info: ValidationInfo) -> list[str]:
        seen: set[str] = set()
        for language in also_in:
            if language == info.data.get("language"):
                raise ValueError(f"{language} is the handbook's language already")
            if language in seen:
                raise ValueError(f"{language} is listed twice")
            seen.add(language)
        return also_in


class SettingsSpec(Strict):
    """Settings of the toolkit for this policy repository."""

    check: CheckSettings = Field(default_factory=CheckSettings, description="Checker thresholds.")
    controls: ControlSettings = Field(
        default_factory=ControlSettings,
        description="The company's own controls and their mapping to rules (govkit report).",
    )
    reconcile: ReconcileSettings = Field(
        default_factory=ReconcileSettings,
        description="How govkit reconcile reads exports with company-specific columns.",
    )
    handbook: HandbookSettings = Field(
        default_factory=HandbookSettings,
        description="The employee handbook's language and address (govkit docs build).",
    )


class Settings(Kind):
    """Kind Settings: configuration of governance-kit for this repository (at most one)."""

    required = False
    single = True
    record = True

    api_version: Literal["governance-kit.dev/v1"] = Field(
        alias="apiVersion", description="Format of the file; always governance-kit.dev/v1."
    )
    kind: Literal["Settings"] = Field(description="The kind of document: Settings.")
    metadata: Metadata = Field(description="Identity of the document.")
    spec: SettingsSpec = Field(
        default_factory=SettingsSpec, description="The content of the document."
    )
