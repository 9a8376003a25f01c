"""Every document kind, and every list of kinds, derived from what each kind class declares."""

from __future__ import annotations

from .accounts import AccountRegistry
from .acknowledgements import Acknowledgements
from .advocacy import AdvocacyProgramme
from .approvals import ApprovalFlow
from .brand import BrandGuide
from .connections import Connections
from .continuity import ContinuityPlan
from .envelope import Kind
from .moderation import ModerationPolicy
from .objectives import Objectives
from .people import People
from .policy import Policy
from .roadmap import Roadmap
from .scope import Scope
from .settings import Settings
from .training import TrainingPlan
from .waivers import Waivers

KINDS: dict[str, type[Kind]] = {
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
        Connections,
        AdvocacyProgramme,
        Policy,
        Roadmap,
    )
}
"""Every document kind, by the name written after `kind:` (the one place kinds are listed)."""

REQUIRED_KINDS = tuple(name for name, cls in KINDS.items() if cls.required)
"""Kinds a complete governance model must have."""

SINGLE_KINDS = tuple(name for name, cls in KINDS.items() if cls.single)
"""Kinds of which a repository holds at most one document; the others may be split."""

RECORD_KINDS = tuple(name for name, cls in KINDS.items() if cls.record)
"""Kinds that record or configure rather than set policy: no owner, version or review."""

POLICY_KINDS = tuple(name for name in KINDS if name not in RECORD_KINDS)
"""Kinds whose documents are policies with an owner, a version and a review cadence."""

ENTITY_LISTS: dict[str, tuple[str, str]] = {
    entity: (name, list_name)
    for name, cls in KINDS.items()
    for entity, list_name in cls.entity_lists.items()
}
"""Where each kind of entity is defined: document kind and the list in its spec."""

POLICY_KIND_CLASSES: tuple[type[Kind], ...] = tuple(KINDS[name] for name in POLICY_KINDS)
"""The classes of the policy kinds: what a rule needs that judges the set of policy documents."""
