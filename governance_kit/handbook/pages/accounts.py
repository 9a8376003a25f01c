"""The account directory: every official account, its owners; archived accounts apart."""

from __future__ import annotations

from ...markup.escape import cell, link, text
from ...markup.markdown import bullets, table
from ..published import PublishedGovernance
from ..words import N_, _, platform

STATUS = {"active": N_("Active"), "dormant": N_("Dormant"), "archived": N_("Archived")}


def row(context: PublishedGovernance, account) -> list[str]:
    """One directory row; only public fields are read."""
    return [
        cell(platform(account.platform)),
        link(account.handle, account.url),
        cell(account.purpose),
        _(STATUS[account.status]),
        context.person(account.business_owner),
        context.person(account.backup_owner),
    ]


def body(context: PublishedGovernance) -> list[str]:
    accounts = list(context.governance.accounts.values())
    current = sorted(
        (a for a in accounts if a.status != "archived"),
        key=lambda a: (platform(a.platform), a.handle),
    )
    archived = [a for a in accounts if a.status == "archived"]
    lines = [
        _(
            "Only the accounts below are official. If you find an account that claims to speak "
            "for us and is not listed, report it."
        ),
        "",
        *table(
            [_("Platform"), _("Handle"), _("Purpose"), _("Status"), _("Owner"), _("Backup owner")],
            (row(context, a) for a in current),
        ),
    ]
    if archived:
        lines += [
            "## " + _("Archived accounts"),
            "",
            _("No longer in use; do not post on them."),
            "",
        ]
        lines += bullets(f"{text(platform(a.platform))}: {text(a.handle)}" for a in archived)
    return lines
