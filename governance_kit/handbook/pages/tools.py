"""Tools and agencies: what is connected to the official accounts, who holds it, what it may do.

Only public fields are read: never a connection's token reference. Accounts of a registry that
is not published (classified confidential) are counted, not named.
"""

from __future__ import annotations

from ...markup.escape import cell
from ...markup.markdown import table
from ...model.connections import Connection, Connections
from ..published import PublishedGovernance
from ..words import N_, _, date, listing, ngettext, number, platform

TYPES = {"tool": N_("Tool"), "agency": N_("Agency")}


def account_names(context: PublishedGovernance, idents: list[str]) -> str:
    """'Instagram: @nordlysoutdoor, …', and how many accounts are not in the handbook."""
    accounts = context.governance.accounts
    named = [
        f"{platform(accounts[i].platform)}: {accounts[i].handle}" for i in idents if i in accounts
    ]
    hidden = sum(1 for i in idents if i not in accounts)
    words = [cell(name) for name in named]
    if hidden:
        words.append(
            ngettext(
                "{n} account not listed in the handbook",
                "{n} accounts not listed in the handbook",
                hidden,
            ).format(n=number(hidden))
        )
    return listing(words) or "—"


def held_by(context: PublishedGovernance, connection: Connection) -> str:
    """The holder, and for an agency the employee who answers for it."""
    holder = context.person(connection.holder)
    if connection.type == "agency" and connection.sponsor:
        sponsor = context.person(connection.sponsor)
        return _("{holder} (sponsor: {sponsor})").format(holder=holder, sponsor=sponsor)
    return holder


def row(context: PublishedGovernance, connection: Connection) -> list[str]:
    reviewed = connection.last_reviewed
    return [
        cell(connection.name),
        _(TYPES[connection.type]),
        cell(connection.vendor),
        cell(connection.purpose or "—"),
        _("Yes") if connection.may_publish() else _("No"),
        account_names(context, connection.accounts),
        held_by(context, connection),
        cell(", ".join(connection.scopes) or "—"),
        date(reviewed) if reviewed else _("never"),
    ]


def by_account(context: PublishedGovernance, connections: list[Connection]) -> list[list[str]]:
    """Per published account, the tools and agencies that may publish on it."""
    rows = []
    for ident, account in context.governance.accounts.items():
        names = [c.name for c in connections if c.may_publish() and ident in c.accounts]
        if names:
            rows.append(
                [cell(f"{platform(account.platform)}: {account.handle}"), cell(listing(names))]
            )
    return rows


def body(context: PublishedGovernance) -> list[str]:
    connections = [
        item
        for document in context.documents(Connections)
        for item in document.model.spec.connections
    ]
    lines = [
        _(
            "Only the tools and agencies below may be connected to official accounts. Do not "
            "connect any other app, and do not give an agency access yourself: ask the owner of "
            "this page."
        ),
        "",
        *table(
            [
                _("Tool or agency"),
                _("Type"),
                _("Vendor"),
                _("What for"),
                _("Can publish"),
                _("Accounts"),
                _("Held by"),
                _("Permissions"),
                _("Last reviewed"),
            ],
            (row(context, c) for c in connections),
        ),
    ]
    rows = by_account(context, connections)
    if rows:
        lines += ["## " + _("Who can publish on which account"), ""]
        lines += table([_("Account"), _("Tools and agencies that can publish")], rows)
    return lines
