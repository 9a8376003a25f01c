"""GKR05 role-higher-on-platform."""

from __future__ import annotations

from collections.abc import Iterator

from ...exports.records import PlatformRole
from ...findings import Finding
from ...model.accounts import LEVEL_RANK
from .base import ReconcileContext, ReconcileRule


class RoleHigherOnPlatform(ReconcileRule):
    """Someone's role on the platform is higher than the access level registered.

    ### What it checks
    A person in an account's access list holds a role on the platform that amounts to a higher
    level than the one registered (admin > editor > moderator > advertiser > analyst; Meta's
    MANAGE task and LinkedIn's ADMINISTRATOR are admin).

    ### Why it matters
    Least privilege is decided when access is requested and approved; a role raised on the
    platform bypasses that decision. An editor who is an admin on the platform can remove the
    other admins and take the account.

    ### Example
    ```text
    # export: platform-admins-2026-11-20.csv
    account,person,role
    tiktok-nordlysoutdoor,ben,admin
    tiktok-nordlysoutdoor,ana,admin
    tiktok-nordlysoutdoor,carl,editor
    tiktok-nordlysoutdoor,greta,admin
    tiktok-nordlysoutdoor,frida,moderator
    tiktok-nordlysoutdoor,marit,moderator
    tiktok-nordlysoutdoor,ivar,analyst
    ```

    ### Fix
    Lower the role on the platform to the level registered, or register the higher level
    through the access request process.
    ```text
    # export: platform-admins-2026-11-20.csv
    account,person,role
    tiktok-nordlysoutdoor,ben,admin
    tiktok-nordlysoutdoor,ana,admin
    tiktok-nordlysoutdoor,carl,editor
    tiktok-nordlysoutdoor,greta,editor
    tiktok-nordlysoutdoor,frida,moderator
    tiktok-nordlysoutdoor,marit,moderator
    tiktok-nordlysoutdoor,ivar,analyst
    ```
    """

    code = "GKR05"
    name = "role-higher-on-platform"
    severity = "error"

    def check(self, context: ReconcileContext) -> Iterator[Finding]:
        for export, role, account in context.platform_roles():
            person = context.person_of_role(role)
            if account is None or person is None:
                continue
            registered = context.registered_level(account, person)
            if registered is None or LEVEL_RANK[role.level] <= LEVEL_RANK[registered]:
                continue
            yield self.at_row(
                export,
                role.line,
                role.column,
                f"{person.id} holds {_role(role)} on {account.id}, but is "
                f"registered as {registered}",
                hint=f"lower the role on the platform to {registered}, or register "
                f"{role.level} access",
                target=account.id,
            )


def _role(role: PlatformRole) -> str:
    """The platform's word for the role, and the level it amounts to when that differs."""
    return role.role if role.role == role.level else f"{role.role} ({role.level})"
