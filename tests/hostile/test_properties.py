"""Properties: any valid document survives dump -> load unchanged, and `govkit review` changes
only the review of the document it names, whatever the reviewer, date and note."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, reject, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from ruamel.yaml import YAML

from governance_kit.edit.review import record_review
from governance_kit.loading.documents import Document, load_document
from governance_kit.loading.repository import load_repository
from governance_kit.loading.yaml_source import read_yaml
from governance_kit.model import KINDS
from tests.conftest import EXAMPLE, TODAY, govkit

from .conftest import PROFILE, examples
from .strategies import documents

pytestmark = pytest.mark.slow


def dump(data: Any) -> str:
    """YAML as governance-kit's own editing writes it (ruamel.yaml round-trip dumper)."""
    yaml = YAML(typ="rt")
    yaml.width = 4096
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_valid_documents_survive_dump_and_load(kind: str) -> None:
    model = KINDS[kind]

    @settings(PROFILE, max_examples=examples(25))
    @given(documents(model))
    def roundtrip(data: dict[str, Any]) -> None:
        try:
            original = model.model_validate(data)
        except ValidationError:  # a model validator's cross-field rule the strategy cannot know
            reject()
        written = original.model_dump(mode="json", by_alias=True, exclude_none=True)
        text = dump(written)
        loaded = load_document(read_yaml(Path(f"{kind}.yaml"), text))
        assert isinstance(loaded, Document), (loaded, text)
        assert loaded.model.model_dump() == original.model_dump()

    roundtrip()


POLICY = load_repository(EXAMPLE).governance
DOCUMENT_IDS = sorted(d.id for d in POLICY.policies)
REVIEWERS = sorted(p.id for p in POLICY.people.values() if p.status != "left")
PRINTABLE = st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="\x85")
NOTES = st.none() | st.text(PRINTABLE, min_size=1, max_size=60)


def models(folder: Path) -> dict[str, Any]:
    repository = load_repository(folder)
    assert repository.findings == []
    return {d.id: d.model.model_dump() for d in repository.documents}


@settings(PROFILE, max_examples=examples(25))
@given(
    st.sampled_from(DOCUMENT_IDS),
    st.sampled_from(REVIEWERS),
    st.dates(dt.date(2026, 1, 1), dt.date(2027, 12, 31)),
    NOTES.filter(lambda note: note is None or note.strip() != ""),
)
def test_review_changes_only_the_named_review(
    document: str, person: str, when: dt.date, note: str | None
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        policies = Path(folder) / "policies"
        shutil.copytree(EXAMPLE, policies)
        before = models(policies)
        comments = _comments(policies)
        record_review(policies, load_repository(policies).governance, document, person, when, note)
        after = models(policies)
        assert _comments(policies) == comments
    review = after[document]["metadata"]["review"]
    assert (review["last_reviewed"], review["reviewed_by"], review.get("note")) == (
        when,
        person,
        note,
    )
    before[document]["metadata"]["review"].update(last_reviewed=when, reviewed_by=person, note=note)
    assert after == before


def _comments(folder: Path) -> dict[str, list[str]]:
    return {
        path.name: [line for line in path.read_text().splitlines() if line.lstrip().startswith("#")]
        for path in folder.glob("*.yaml")
    }


def test_review_note_with_a_control_character_is_refused(example: Path) -> None:
    before = {p.name: p.read_bytes() for p in example.glob("*.yaml")}
    run = govkit(
        "review",
        "nordlys-brand",
        example,
        "--by",
        "ben",
        "--date",
        TODAY,
        "--note",
        "Checked \x1b[31mred",
    )
    assert run.exit_code == 2
    assert run.stderr.endswith(
        "the change would make the file invalid: invalid YAML: control character U+001B is not "
        "allowed\n"
    )
    assert len(run.stderr.splitlines()) == 1
    assert {p.name: p.read_bytes() for p in example.glob("*.yaml")} == before
