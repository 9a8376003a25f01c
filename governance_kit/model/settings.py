"""Settings: thresholds of the checker, kept in the policy repository."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

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


HTTPS_URL = r"""^https://[^\s"'<>]+$"""


class HandbookSettings(Strict):
    """How the employee handbook is published."""

    language: Literal["en", "nb", "sv", "de", "zh"] | None = Field(
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


class SettingsSpec(Strict):
    """Settings of the toolkit for this policy repository."""

    check: CheckSettings = Field(default_factory=CheckSettings, description="Checker thresholds.")
    controls: ControlSettings = Field(
        default_factory=ControlSettings,
        description="The company's own controls and their mapping to rules (govkit report).",
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
