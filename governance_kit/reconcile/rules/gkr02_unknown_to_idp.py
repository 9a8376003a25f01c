"""GKR02 unknown-to-idp."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding
from ...loading.suggest import closest
from .base import ReconcileContext, ReconcileRule, holders, label


class UnknownToIdp(ReconcileRule):
    """Someone with access to an account or a shift on the rota is not in the identity provider.

    ### What it checks
    A person on the roster who has not left, and who has access to an account in use (or owns
    one) or a shift on the moderation rota, matches no user of the identity-provider exports
    given, by work e-mail or an identifier of `identities` (`upn`, `google`).

    ### Why it matters
    Everyone who acts for the company must be someone the company can switch off. A person the
    identity provider does not know leaves no trace when they go: nobody disables them, and
    their access to the official accounts outlives them. A mistyped address hides them too.

    ### Example
    ```text
    # export: entra-users-2026-11-20.csv
    userPrincipalName,displayName,mail,accountEnabled,userType
    ana.haugen@nordlys.example,Ana Berg Haugen,ana.haugen@nordlys.example,True,Member
    ```

    ### Fix
    Add the person's sign-in name to `identities` when it is not the work e-mail (`upn:` for
    Entra ID, `google:` for Google Workspace); if they have no user, remove their access and
    shifts, or create the user first.
    """

    code = "GKR02"
    name = "unknown-to-idp"
    severity = "error"

    def check(self, context: ReconcileContext) -> Iterator[Finding]:
        exports = context.of_family("idp")
        if not exports:
            return
        logins: dict[str, list[str]] = {}
        for export in exports:
            for user in export.users:
                logins.setdefault(user.login[:2].casefold(), []).append(user.login)
        acting = self._acting(context)
        for person in context.governance.people.values():
            if person.id not in acting or person.gone(context.today):
                continue
            if context.idp_users_of(person):
                continue
            alike = logins.get(person.email[:2].casefold(), [])  # a hint, not a search
            near = closest(person.email, alike, ignore_case=True)
            hint = (
                f"if '{near}' is {person.id}, add it to identities (upn: or google:)"
                if near
                else "add their sign-in name to identities, or remove their access and shifts"
            )
            yield self.at_policy(
                context.where("person", person.id),
                exports[0],
                f"{person.id} has {acting[person.id]} but is not a user in the "
                f"{label(exports[0])} export",
                hint=hint,
                target=person.id,
            )

    @staticmethod
    def _acting(context: ReconcileContext) -> dict[str, str]:
        """Person id -> what they hold: access to accounts in use, or a shift."""
        found: dict[str, str] = {}
        for account in context.accounts_in_use():
            for person in sorted(holders(account)):
                found.setdefault(person, "access to accounts")
        for person in context.on_rota:
            found.setdefault(person, "a shift on the moderation rota")
        return found
