"""Tools and agencies: what is connected to the official accounts, who holds it, what it may do.

Only public fields are read: never a connection's token reference. Accounts of a registry that
is not published (classified confidential) are counted, not named.
"""

from __future__ import annotations

from ...markup.escape import cell
from ...markup.markdown import table
from ...model.connections import Connection, Connections
from ..published import PublishedGovernance
from ..words import platform

TYPES = {"tool": "Tool", "agency": "Agency"}


def account_names(context: PublishedGovernance, idents: list[str]) -> str:
    """'Instagram: @nordlysoutdoor, …', and how many accounts are not in the handbook."""
    accounts = context.governance.accounts
    named = [
        f"{platform(accounts[i].platform)}: {accounts[i].handle}" for i in idents if i in accounts
    ]
    hidden = sum(1 for i in idents if i not in accounts)
    words = [cell(name) for name in named]
    if hidden:
        words.append(f"{hidden} account{'s' if hidden > 1 else ''} not listed in the handbook")
    return ", ".join(words) or "—"


def held_by(context: PublishedGovernance, connection: Connection) -> str:
    """The holder, and for an agency the employee who answers for it."""
    holder = context.person(connection.holder)
    if connection.type == "agency" and connection.sponsor:
        return f"{holder} (sponsor: {context.person(connection.sponsor)})"
    return holder


def row(context: PublishedGovernance, connection: Connection) -> list[str]:
    reviewed = connection.last_reviewed
    return [
        cell(connection.name),
        TYPES[connection.type],
        cell(connection.vendor),
        cell(connection.purpose or "—"),
        "Yes" if connection.may_publish() else "No",
        account_names(context, connection.accounts),
        held_by(context, connection),
        cell(", ".join(connection.scopes) or "—"),
        reviewed.isoformat() if reviewed else "never",
    ]


def by_account(context: PublishedGovernance, connections: list[Connection]) -> list[list[str]]:
    """Per published account, the tools and agencies that may publish on it."""
    rows = []
    for ident, account in context.governance.accounts.items():
        names = [c.name for c in connections if c.may_publish() and ident in c.accounts]
        if names:
            rows.append(
                [cell(f"{platform(account.platform)}: {account.handle}"), cell(", ".join(names))]
            )
    return rows


def body(context: PublishedGovernance) -> list[str]:
    connections = [
        item
        for document in context.documents(Connections)
        for item in document.model.spec.connections
    ]
    lines = [
        "Only the tools and agencies below may be connected to official accounts. Do not connect "
        "any other app, and do not give an agency access yourself: ask the owner of this page.",
        "",
        *table(
            [
                "Tool or agency",
                "Type",
                "Vendor",
                "What for",
                "Can publish",
                "Accounts",
                "Held by",
                "Permissions",
                "Last reviewed",
            ],
            (row(context, c) for c in connections),
        ),
    ]
    rows = by_account(context, connections)
    if rows:
        lines += ["## Who can publish on which account", ""]
        lines += table(["Account", "Tools and agencies that can publish"], rows)
    return lines
