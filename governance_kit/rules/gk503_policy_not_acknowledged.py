"""GK503 policy-not-acknowledged."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.accounts import AccountRegistry
from ..model.acknowledgements import Acknowledgements
from ..model.advocacy import AdvocacyProgramme
from ..model.governance import Governance, SourceDocument
from ..model.moderation import ModerationPolicy
from ..model.people import People, Person
from ..model.policy import Policy
from ..model.training import TrainingPlan
from ._training import Requirements, trainees
from ._versions import semver
from .base import Context, Rule


class PolicyNotAcknowledged(Rule):
    """Someone with access or a shift has not acknowledged a policy's current version.

    ### What it checks
    An Acknowledgements document lists in `required` the policy documents people must confirm they
    have read (ISO/IEC 27001 A.5.1: policies are communicated to and acknowledged by relevant
    personnel), and records each acknowledgement: person, document, version, date.

    ### Why it matters
    A policy applies to the roles in its `metadata.applies_to_roles`, or to everyone when that is
    empty. Everyone who is active or leaving, has access to an account in use (owning one, as its
    business or backup owner, counts as access) or a shift on the rota, and holds a role the policy
    applies to, must have acknowledged the document's current `metadata.version` — an
    acknowledgement of an earlier major or minor version does not count, since the new version may
    change what they must do. A patch version changes no duty (a recorded review, a handover, a
    corrected typo), so an acknowledgement of the same major and minor version counts. Without an
    Acknowledgements document nothing is checked.

    A Policy document (a prose policy such as the social media policy) with
    `spec.acknowledgement_required: true` must be acknowledged by everyone in its
    `spec.audience` (roles, teams, kinds of employment; empty: everyone on the roster) who is
    active or leaving, whether or not they have access or a shift, and whether or not it is
    listed in `required`.

    ### Example
    ```yaml
    kind: ContinuityPlan
    metadata:
      version: 2.1.0
      change_summary: Handover deadlines shortened to five days.
    ```

    ### Fix
    Have the person read the current version and record the acknowledgement in `acknowledgements`
    with the version and the date.
    ```yaml
    kind: ContinuityPlan
    metadata:
      version: 2.0.1
    ```
    """

    code = "GK503"
    name = "policy-not-acknowledged"
    severity = "warning"
    needs = (
        Acknowledgements,
        People,
        TrainingPlan,
        AccountRegistry,
        ModerationPolicy,
        AdvocacyProgramme,
        Policy,
    )
    controls = ("ISO27001:A.5.1", "ISO27001:A.6.3", "SOC2:CC2.2", "SOC2:CC1.4", "NIST:PS-6")

    def check(self, context: Context) -> Iterator[Finding]:
        governance = context.governance
        documents = governance.of_kind(Acknowledgements)
        required = {ident for d in documents for ident in d.model.spec.required}
        policies = [d for d in governance.policies if d.id in required and not by_audience(d)]
        audience = [d for d in governance.of_kind(Policy) if by_audience(d)]
        latest = acknowledged(governance)
        needs = Requirements.of(governance)
        for person in trainees(governance, context.today):
            involved = person.id in needs.with_access or person.id in needs.on_rota
            owed = [d for d in policies if involved] + [
                d for d in audience if d.model.spec.audience.includes(person)
            ]
            for document in owed:
                meta = document.model.metadata
                if meta.status != "in-force" or not applies(document, person):
                    continue
                versions = latest.get((person.id, meta.id), set())
                if any(same_duties(version, meta.version) for version in versions):
                    continue
                earlier = f" (acknowledged {', '.join(sorted(versions))})" if versions else ""
                yield self.finding(
                    governance.locate("person", person.id),
                    f"person '{person.id}' has not acknowledged version {meta.version} of "
                    f"'{meta.id}'{earlier}",
                    target=person.id,
                    hint="have them read it and record the acknowledgement with the version",
                )


def by_audience(document: SourceDocument) -> bool:
    """A Policy everyone in its audience must acknowledge, access or not."""
    return document.kind == Policy.__name__ and document.model.spec.acknowledgement_required


def applies(document: SourceDocument, person: Person) -> bool:
    roles = document.model.metadata.applies_to_roles
    return not roles or any(role in person.roles for role in roles)


def same_duties(acknowledged: str, current: str) -> bool:
    """An acknowledged version binds to the current one: same major and minor version."""
    return semver(acknowledged)[:2] == semver(current)[:2]


def acknowledged(governance: Governance) -> dict[tuple[str, str], set[str]]:
    """(person, document) -> versions acknowledged."""
    found: dict[tuple[str, str], set[str]] = {}
    for document in governance.of_kind(Acknowledgements):
        for entry in document.model.spec.acknowledgements:
            found.setdefault((entry.person, entry.document), set()).add(entry.version)
    return found
