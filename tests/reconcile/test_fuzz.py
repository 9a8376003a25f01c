"""Any bytes given as an export of any kind are read or refused with one ExportProblem: no
other exception escapes a reader (property-based, random JSON, CSV and bytes)."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from governance_kit.exports import KINDS, ExportProblem, read_export
from tests.conftest import examples

PROFILE = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
KEYS = st.sampled_from(
    ["data", "elements", "items", "encrypted", "folders", "collections", "collectionIds",
     "folderId", "id", "name", "title", "vault", "email", "tasks", "role", "roleAssignee",
     "state", "login", "password", "MANAGE", "APPROVED", "ADMINISTRATOR"]
)  # fmt: skip
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=8),
    KEYS,
)  # fmt: skip
DOCUMENTS = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=25,
)
CELLS = st.text(alphabet=st.characters(codec="utf-8"), max_size=12)


def judged(path: Path, kind: str | None, subject: str | None) -> None:
    try:
        read_export(path, kind, subject)
    except ExportProblem as problem:
        assert "\n" not in str(problem)


@settings(PROFILE, max_examples=examples(400))
@given(document=DOCUMENTS, kind=st.sampled_from([None, *KINDS]))
def test_any_json_is_read_or_refused_in_one_line(
    tmp_path: Path, document: object, kind: str | None
) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    judged(path, kind, "facebook-no")


@settings(PROFILE, max_examples=examples(300))
@given(
    rows=st.lists(st.lists(CELLS, min_size=1, max_size=6), max_size=5),
    header=st.sampled_from(
        [
            ["userPrincipalName", "displayName", "mail", "accountEnabled", "userType"],
            ["Email Address [Required]", "Status [READ ONLY]", "2sv Enrolled [READ ONLY]"],
            ["account", "person", "role"],
        ]
    ),
)
def test_any_csv_is_read_or_refused_in_one_line(
    tmp_path: Path, rows: list[list[str]], header: list[str]
) -> None:
    lines = [",".join(header), *(",".join(row) for row in rows)]
    path = tmp_path / "export.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    judged(path, None, None)


@settings(PROFILE, max_examples=examples(300))
@given(raw=st.binary(max_size=200), kind=st.sampled_from([None, *KINDS]))
def test_any_bytes_are_read_or_refused_in_one_line(
    tmp_path: Path, raw: bytes, kind: str | None
) -> None:
    path = tmp_path / "export"
    path.write_bytes(raw)
    judged(path, kind, "social-accounts")
