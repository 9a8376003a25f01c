"""Settings: thresholds of the checker, kept in the policy repository."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import Interval, Strict
from .envelope import Metadata


class CheckSettings(Strict):
    """Thresholds the rules use."""

    due_soon_days: int = Field(
        default=30, ge=0, le=365, description="Warn this many days before a review is due."
    )
    leaving_horizon_days: int = Field(
        default=30, ge=0, le=365, description="Treat people leaving within this many days as gone."
    )
    dormant_after_days: int = Field(
        default=180, ge=1, description="An account without activity this long counts as dormant."
    )
    admin_access_review: Interval = Field(
        default="quarterly", description="How often admin access must be reviewed."
    )
    access_review: Interval = Field(
        default="semiannually", description="How often other access must be reviewed."
    )
    fail_on: Literal["error", "warning", "info"] = Field(
        default="error", description="Lowest severity that makes `govkit check` fail."
    )
    ignore: list[str] = Field(default_factory=list, description="Rule codes never reported.")


class SettingsSpec(Strict):
    """Settings of the toolkit for this policy repository."""

    check: CheckSettings = Field(default_factory=CheckSettings, description="Checker thresholds.")


class Settings(Strict):
    """Kind Settings: configuration of governance-kit for this repository (at most one)."""

    api_version: Literal["governance-kit.dev/v1"] = Field(
        alias="apiVersion", description="Format of the file; always governance-kit.dev/v1."
    )
    kind: Literal["Settings"] = Field(description="The kind of document: Settings.")
    metadata: Metadata = Field(description="Identity of the document.")
    spec: SettingsSpec = Field(
        default_factory=SettingsSpec, description="The content of the document."
    )
