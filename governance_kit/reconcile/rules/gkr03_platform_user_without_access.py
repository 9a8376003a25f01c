"""GKR03 platform-user-without-access."""

from __future__ import annotations

from collections.abc import Iterator

from ...exports.records import Export, PlatformRole
from ...findings import Finding
from ...loading.suggest import did_you_mean
from .base import ReconcileContext, ReconcileRule, label


class PlatformUserWithoutAccess(ReconcileRule):
    """Someone holds a role on a platform account but is not in its access list.

    ### What it checks
    Every role of a platform export (Meta `assigned_users` and the ADMINs of `business_users`,
    LinkedIn `organizationAcls`, the platform-admins CSV): the account must be in the registry,
    the user must match one person on the roster (by person id, work e-mail or an identifier of
    `identities`: `meta_user_id`, `linkedin_urn`, `other`), that person must not have left, and
    must be in the account's `access` list (or own it). Names are never matched: an unknown
    user, or an identifier two people claim, is a finding, with a hint at most.

    ### Why it matters
    Access granted on the platform but not in the registry is invisible to every review: it is
    not reviewed, not removed when the person leaves, and nobody answers for it. Agencies,
    former colleagues and personal accounts added "for a moment" end up here.

    ### Example
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
    tiktok-nordlysoutdoor,jonas,moderator
    ```

    ### Fix
    Register the access (an entry in the account's `access` list, through the access request
    process), or remove the role on the platform.
    ```yaml
    kind: AccountRegistry
    spec:
      accounts:
        - id: tiktok-nordlysoutdoor
          access:
            - {person: ben, level: admin, granted: 2026-06-24}
            - {person: ana, level: admin, granted: 2021-02-15}
            - {person: carl, level: editor, granted: 2021-02-15}
            - {person: greta, level: editor, granted: 2022-09-15}
            - {person: frida, level: moderator, granted: 2023-05-15}
            - {person: marit, level: moderator, granted: 2025-04-14}
            - {person: ivar, level: analyst, granted: 2021-03-15}
            - {person: jonas, level: moderator, granted: 2026-11-20}
    ```
    """

    code = "GKR03"
    name = "platform-user-without-access"
    severity = "error"

    def check(self, context: ReconcileContext) -> Iterator[Finding]:
        for export, role, account in context.platform_roles():
            if account is None:
                yield self._unregistered(context, export, role)
                continue
            person = context.person_of_role(role)
            if person is None:
                yield self._unknown(context, export, role, account.id)
            elif person.gone(context.today):
                yield self.at_row(
                    export,
                    role.line,
                    role.column,
                    f"{person.id}, who {person.departure(context.today, 0)}, still holds "
                    f"{role.role} on {account.id}",
                    hint="remove the role on the platform and rotate the account's credentials",
                    target=account.id,
                )
            elif context.registered_level(account, person) is None:
                yield self.at_row(
                    export,
                    role.line,
                    role.column,
                    f"{person.id} holds {role.role} on {account.id} but is not in its access list",
                    hint=f"register {person.id}'s access to {account.id}, or remove the role "
                    "on the platform",
                    target=account.id,
                )

    def _unregistered(
        self, context: ReconcileContext, export: Export, role: PlatformRole
    ) -> Finding:
        several = [a.id for a in context.accounts_named(role.account)]
        if several:
            message = f"'{role.account}' is the handle of {', '.join(several)}"
            hint = "give the account's id instead of its handle"
        else:
            message = f"account '{role.account}' is not in the registry"
            hint = did_you_mean(role.account, list(context.governance.accounts)) or (
                "register the account, or give its id or handle"
            )
        return self.at_row(
            export,
            role.line,
            1,
            f"{message} ({label(export)} export)",
            hint=hint,
            target=role.account,
        )

    def _unknown(
        self, context: ReconcileContext, export: Export, role: PlatformRole, account: str
    ) -> Finding:
        """A user matching nobody: named by the platform's identifier, never guessed."""
        who = f"'{role.user}'" + (f" ({role.name})" if role.name else "")
        several = [p.id for p in context.claimants(role.user)]
        if several:
            return self.at_row(
                export,
                role.line,
                role.column,
                f"{who} holds {role.role} on {account} but is claimed by {', '.join(several)}",
                hint="keep the identifier in the identities of one person only",
                target=account,
            )
        names = [p.name for p in context.governance.people.values()]
        near = did_you_mean(role.name, names) if role.name else None
        return self.at_row(
            export,
            role.line,
            role.column,
            f"{who} holds {role.role} on {account} but matches nobody on the roster",
            hint=(f"{near} If so, " if near else "")
            + "add the identifier to the person's identities, or remove the role",
            target=account,
        )
