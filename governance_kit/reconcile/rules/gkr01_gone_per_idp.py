"""GKR01 gone-per-idp."""

from __future__ import annotations

from collections.abc import Iterator

from ...exports.records import Export, IdpUser
from ...findings import Finding
from ...model.people import Person
from .base import Fix, ReconcileContext, ReconcileRule, label


class GonePerIdp(ReconcileRule):
    """The identity provider has disabled someone the roster still has as active.

    ### What it checks
    A user of an identity-provider export (Microsoft Entra ID `accountEnabled` False, Google
    Workspace status other than Active, an HR export's status not among those Settings call
    active) matches a person on the roster, by work e-mail or an
    identifier of `identities`, who has not left according to the People document.

    ### Why it matters
    The identity provider is the system of record for who works here. A person disabled there
    has usually left or changed role, but while the roster says active they keep every access
    to the official accounts, and their logins are not rotated (GK301, GK306 never fire).

    ### Example
    ```text
    # export: entra-users-2026-11-20.csv
    userPrincipalName,displayName,mail,accountEnabled,userType
    ben.whitfield@nordlys.example,Ben Whitfield,ben.whitfield@nordlys.example,False,Member
    ```

    ### Fix
    Record the departure in the People document (`status: left` and `end_date`), then remove
    the access it leaves behind; or, if the user was disabled by mistake, enable it again.
    ```text
    # export: entra-users-2026-11-20.csv
    userPrincipalName,displayName,mail,accountEnabled,userType
    ben.whitfield@nordlys.example,Ben Whitfield,ben.whitfield@nordlys.example,True,Member
    ```
    """

    code = "GKR01"
    name = "gone-per-idp"
    severity = "error"

    def check(self, context: ReconcileContext) -> Iterator[Finding]:
        for export, user, person in self.disabled(context):
            yield self.at_row(
                export,
                user.line,
                user.column,
                f"'{user.login}' is disabled in {label(export)}, but {person.id} is "
                f"{person.status} on the roster",
                hint=f"if {person.id} has left, set status: left and end_date in the People "
                "document and remove their access",
                target=person.id,
            )

    def fixes(self, context: ReconcileContext) -> Iterator[Fix]:
        """Mark each person as left, on the export's date at the latest."""
        for export, _, person in self.disabled(context):
            yield Fix(self.code, person.id, "mark-left", person.id, export)

    @staticmethod
    def disabled(context: ReconcileContext) -> Iterator[tuple[Export, IdpUser, Person]]:
        """Each disabled user matching a person the roster has not seen leave."""
        for export in context.of_family("idp"):
            for user in export.users:
                if user.enabled:
                    continue
                names = (user.login, *user.addresses)
                person = next((p for n in names if (p := context.person_of(n))), None)
                if person is not None and not person.gone(context.today):
                    yield export, user, person
