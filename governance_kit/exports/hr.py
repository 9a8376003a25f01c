"""An HR system's CSV export, whatever its columns: Settings name the columns of the e-mail,
the name and the employment status, and the status values that mean employed
(`spec.reconcile.hr`). Its people count as the identity provider's users: someone gone per HR
but active on the roster is GKR01, someone unknown to it GKR02."""

from __future__ import annotations

from ..model.settings import HrColumns
from .records import Export, IdpUser
from .source import Source, csv_rows, evidence, no_duplicates, problem

KIND = "hr-csv"
SYSTEM = "the HR system"
"""How messages name where the export comes from."""


def read(source: Source, subject: str | None, columns: HrColumns | None = None) -> Export:
    if columns is None:
        raise problem(
            source.path,
            "the columns of the HR export are not set",
            "name them in Settings: spec.reconcile.hr (login, status, active)",
        )
    optional = (columns.name,) if columns.name else ()
    rows = csv_rows(source, (columns.login, columns.status), optional)
    login = columns.login
    no_duplicates(source.path, ((r.get(login), r.line, r.column(login)) for r in rows), "person")
    active = {value.casefold() for value in columns.active}
    users = tuple(
        IdpUser(
            login=row.get(login),
            addresses=(),
            name=row.get(columns.name) if columns.name else "",
            enabled=row.get(columns.status).casefold() in active,
            two_step=None,
            line=row.line,
            column=row.column(login),
        )
        for row in rows
        if row.get(login)
    )
    return Export(evidence(source, KIND, SYSTEM), "idp", users=users)
