"""The account directory: every official account, its owners; archived accounts apart."""

from __future__ import annotations

from ...markup.escape import cell, link, text
from ...markup.markdown import bullets, table
from ..published import PublishedGovernance
from ..words import platform

STATUS = {"active": "Active", "dormant": "Dormant", "archived": "Archived"}


def row(context: PublishedGovernance, account) -> list[str]:
    """One directory row; only public fields are read."""
    return [
        cell(platform(account.platform)),
        link(account.handle, account.url),
        cell(account.purpose),
        STATUS[account.status],
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
        "Only the accounts below are official. If you find an account that claims to speak "
        "for us and is not listed, report it.",
        "",
        *table(
            ["Platform", "Handle", "Purpose", "Status", "Owner", "Backup owner"],
            (row(context, a) for a in current),
        ),
    ]
    if archived:
        lines += ["## Archived accounts", "", "No longer in use; do not post on them.", ""]
        lines += bullets(f"{text(platform(a.platform))}: {text(a.handle)}" for a in archived)
    return lines
