"""The pages of the handbook, one module each, and how a policy page is put together."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ...markup.escape import text
from ...model.accounts import AccountRegistry
from ...model.advocacy import AdvocacyProgramme
from ...model.approvals import ApprovalFlow
from ...model.brand import BrandGuide
from ...model.connections import Connections
from ...model.continuity import ContinuityPlan
from ...model.envelope import Kind
from ...model.moderation import ModerationPolicy
from ...model.objectives import Objectives
from ...model.people import People
from ...model.roadmap import Roadmap
from ...model.scope import Scope
from ...model.training import TrainingPlan
from ..policy import change_history, metadata_box, next_review, notices
from ..published import PublishedGovernance
from ..words import N_, _, date
from . import (
    accounts,
    advocacy,
    brand,
    escalation,
    home,
    lifecycle,
    moderation,
    objectives,
    policies,
    posting,
    roadmap,
    scope,
    tools,
    training,
)


@dataclass(frozen=True)
class Page:
    """A generated page: file name, title, the document kinds it is made from, its body."""

    filename: str
    title: str
    sources: tuple[type[Kind], ...]
    body: Callable[[PublishedGovernance], list[str]]


POLICY_PAGES = (
    Page("scope.md", N_("Scope and channels"), (Scope,), scope.body),
    Page("brand.md", N_("Brand and tone"), (BrandGuide,), brand.body),
    Page("posting.md", N_("Who may post and approvals"), (ApprovalFlow, People), posting.body),
    Page(
        "moderation.md", N_("Community rules and moderation"), (ModerationPolicy,), moderation.body
    ),
    Page("escalation.md", N_("Escalation and crisis"), (ModerationPolicy,), escalation.body),
    Page("training.md", N_("Training"), (TrainingPlan,), training.body),
    Page("accounts.md", N_("Account directory"), (AccountRegistry,), accounts.body),
    Page("tools.md", N_("Tools and agencies"), (Connections,), tools.body),
    Page("lifecycle.md", N_("Joining, changing role, leaving"), (ContinuityPlan,), lifecycle.body),
    Page("objectives.md", N_("Objectives"), (Objectives,), objectives.body),
    Page("advocacy.md", N_("Ambassador programme"), (AdvocacyProgramme,), advocacy.body),
    Page("roadmap.md", N_("Roadmap"), (Roadmap,), roadmap.body),
)


def available(context: PublishedGovernance) -> list[Page]:
    """Policy pages whose main source document is published."""
    return [page for page in POLICY_PAGES if context.documents(page.sources[0])]


def render_policy_page(page: Page, context: PublishedGovernance) -> str:
    """Title, review notices, metadata boxes, the body, and the change history."""
    documents = [d for kind in page.sources for d in context.documents(kind)]
    lines = [f"# {_(page.title)}", ""]
    for document in documents:
        lines += notices(document, context)
    for document in documents:
        lines += metadata_box(document, context)
    lines += page.body(context)
    lines += ["## " + _("Change history"), ""]
    for document in documents:
        if len(documents) > 1:
            lines += [f"### {text(document.model.metadata.title)}", ""]
        lines += change_history(document)
    return "\n".join(lines)


def policy_rows(context: PublishedGovernance, pages: list[Page]) -> list[list[str]]:
    """One row per published policy document: page link, version, owner, next review."""
    rows, seen = [], set()
    for page in pages:
        for document in (d for kind in page.sources for d in context.documents(kind)):
            meta = document.model.metadata
            if meta.id in seen:
                continue
            seen.add(meta.id)
            rows.append(
                [
                    f"[{text(meta.title)}]({page.filename})",
                    text(meta.version),
                    context.person(meta.owner),
                    date(next_review(document)),
                ]
            )
    return rows


def render_home(
    context: PublishedGovernance,
    pages: list[Page],
    extra: list[tuple[str, str]],
    prose: list[policies.PolicyPage] | None = None,
) -> str:
    """The home page: links to every page, and every published policy at a glance (the policy
    pages first, then the prose policies of `prose`, under their own titles)."""
    prose = prose or []
    links = [(_(p.title), p.filename) for p in pages] + [(p.title, p.filename) for p in prose]
    rows = policy_rows(context, pages) + [
        [
            f"[{text(p.title)}]({p.filename})",
            text(p.document.model.metadata.version),
            context.person(p.document.model.metadata.owner),
            date(next_review(p.document)),
        ]
        for p in prose
    ]
    return "\n".join(home.body(context, links, extra, rows))


__all__ = ["POLICY_PAGES", "Page", "available", "render_home", "render_policy_page"]
