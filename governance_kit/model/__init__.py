"""The governance model: one pydantic class per document kind, the single source of truth.

JSON Schemas in `schemas/` are generated from these classes (`govkit schema export`).
"""

from __future__ import annotations

from pydantic import BaseModel

from .accounts import AccountRegistry
from .acknowledgements import Acknowledgements
from .approvals import ApprovalFlow
from .brand import BrandGuide
from .continuity import ContinuityPlan
from .envelope import API_VERSION
from .governance import RECORD_KINDS
from .moderation import ModerationPolicy
from .objectives import Objectives
from .people import People
from .scope import Scope
from .settings import Settings
from .training import TrainingPlan
from .waivers import Waivers

KINDS: dict[str, type[BaseModel]] = {
    cls.__name__: cls
    for cls in (
        Scope,
        People,
        AccountRegistry,
        ContinuityPlan,
        BrandGuide,
        ApprovalFlow,
        ModerationPolicy,
        TrainingPlan,
        Objectives,
        Waivers,
        Settings,
        Acknowledgements,
    )
}
"""Every document kind, by the name written after `kind:`."""

REQUIRED_KINDS = (
    "Scope",
    "People",
    "AccountRegistry",
    "ContinuityPlan",
    "BrandGuide",
    "ApprovalFlow",
    "ModerationPolicy",
    "TrainingPlan",
    "Objectives",
)
"""Kinds a complete governance model must have."""

SINGLE_KINDS = (
    "Scope",
    "ContinuityPlan",
    "BrandGuide",
    "ApprovalFlow",
    "ModerationPolicy",
    "TrainingPlan",
    "Objectives",
    "Settings",
)
"""Kinds of which a repository holds at most one document; the others may be split."""

POLICY_KINDS = tuple(kind for kind in KINDS if kind not in RECORD_KINDS)
"""Kinds whose documents are policies with an owner, a version and a review cadence."""

__all__ = [
    "API_VERSION",
    "KINDS",
    "POLICY_KINDS",
    "RECORD_KINDS",
    "REQUIRED_KINDS",
    "SINGLE_KINDS",
]
