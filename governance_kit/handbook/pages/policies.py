"""Policies: one page per published Policy document, its text as the company wrote it.

The text is the company's own Markdown, like a page of handbook/: it is published only after
`loading.policy_bodies` has read it as untrusted and the markup judge has passed it (GK106,
GK971; `govkit docs build` refuses otherwise). Everything else on the page is escaped.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...markup.escape import text
from ...model.governance import SourceDocument
from ...model.policy import Audience, Policy
from ..policy import change_history, metadata_box, notices
from ..published import PublishedGovernance
from ..words import N_, _, listing

FOLDER = "policies"
EMPLOYMENT = {
    "employee": N_("employees"),
    "contractor": N_("contractors"),
    "agency": N_("agency staff"),
    "student": N_("students"),
}
SECTION = N_("Policies")


@dataclass(frozen=True)
class PolicyPage:
    """The page of one Policy document."""

    document: SourceDocument

    @property
    def filename(self) -> str:
        return f"{FOLDER}/{self.document.id}.md"

    @property
    def title(self) -> str:
        return self.document.model.metadata.title


def policy_pages(context: PublishedGovernance) -> list[PolicyPage]:
    """A page for every published Policy document, in file order."""
    return [PolicyPage(document) for document in context.documents(Policy)]


def render(page: PolicyPage, context: PublishedGovernance, body: str) -> str:
    """Title, notices, the metadata box, whom it applies to, the text, the change history."""
    document = page.document
    spec = document.model.spec
    lines = [f"# {text(page.title)}", ""]
    lines += notices(document, context)
    lines += metadata_box(document, context)
    lines += ["**" + _("Applies to:") + "** " + audience(spec.audience, context), ""]
    if spec.acknowledgement_required:
        lines += [
            "**"
            + _("Acknowledgement:")
            + "** "
            + _("everyone it applies to confirms having read this version."),
            "",
        ]
    lines += [body.rstrip("\n"), ""]
    lines += ["## " + _("Change history"), ""]
    lines += change_history(document)
    return "\n".join(lines)


def audience(who: Audience, context: PublishedGovernance) -> str:
    """'everyone', or the roles, teams and kinds of employment, in words."""
    if who.everyone():
        return _("everyone")
    parts = []
    if who.roles:
        parts.append(_("roles {roles}").format(roles=context.roles(who.roles)))
    if who.teams:
        teams = listing([text(team) for team in who.teams])
        parts.append(_("teams {teams}").format(teams=teams))
    if who.employment:
        parts.append(listing([_(EMPLOYMENT[kind]) for kind in who.employment]))
    return "; ".join(parts)
