"""GK503 policy-not-acknowledged."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.accounts import AccountRegistry
from ..model.acknowledgements import Acknowledgements
from ..model.governance import Governance, SourceDocument
from ..model.moderation import ModerationPolicy
from ..model.people import People, Person
from ..model.training import TrainingPlan
from ._training import Requirements, trainees
from .base import Context, Rule


class PolicyNotAcknowledged(Rule):
    """Someone with access or a shift has not acknowledged a policy's current version.

    ### What it checks
    An Acknowledgements document lists in `required` the policy documents people must confirm they
    have read (ISO/IEC 27001 A.5.1: policies are communicated to and acknowledged by relevant
    personnel), and records each acknowledgement: person, document, version, date.

    ### Why it matters
    A policy applies to the roles in its `metadata.applies_to_roles`, or to everyone when that is
    empty. Everyone who is active or leaving, has access to an account in use or a shift on the
    rota, and holds a role the policy applies to, must have acknowledged the document's current
    `metadata.version` — an acknowledgement of an earlier version does not count, since the new
    version may change what they must do. Without an Acknowledgements document nothing is checked.

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
    needs = (Acknowledgements, People, TrainingPlan, AccountRegistry, ModerationPolicy)
    controls = ("ISO27001:A.5.1", "ISO27001:A.6.3", "SOC2:CC2.2", "SOC2:CC1.4", "NIST:PS-6")

    def check(self, context: Context) -> Iterator[Finding]:
        governance = context.governance
        documents = governance.of_kind(Acknowledgements)
        if not documents:
            return
        required = {ident for d in documents for ident in d.model.spec.required}
        policies = [d for d in governance.policies if d.id in required]
        latest = acknowledged(governance)
        needs = Requirements.of(governance)
        for person in trainees(governance, context.today):
            if person.id not in needs.with_access and person.id not in needs.on_rota:
                continue
            for document in policies:
                meta = document.model.metadata
                if meta.status != "in-force" or not applies(document, person):
                    continue
                versions = latest.get((person.id, meta.id), {})
                if meta.version in versions:
                    continue
                earlier = f" (acknowledged {', '.join(sorted(versions))})" if versions else ""
                yield self.finding(
                    governance.locate("person", person.id),
                    f"person '{person.id}' has not acknowledged version {meta.version} of "
                    f"'{meta.id}'{earlier}",
                    target=person.id,
                    hint="have them read it and record the acknowledgement with the version",
                )


def applies(document: SourceDocument, person: Person) -> bool:
    roles = document.model.metadata.applies_to_roles
    return not roles or any(role in person.roles for role in roles)


def acknowledged(governance: Governance) -> dict[tuple[str, str], set[str]]:
    """(person, document) -> versions acknowledged."""
    found: dict[tuple[str, str], set[str]] = {}
    for document in governance.of_kind(Acknowledgements):
        for entry in document.model.spec.acknowledgements:
            found.setdefault((entry.person, entry.document), set()).add(entry.version)
    return found
