"""The one loop that turns files into documents and findings, whatever reads the files."""

from pathlib import Path

from governance_kit.loading.repository import load_documents, load_repository, policy_files
from governance_kit.loading.yaml_source import read_yaml
from tests.conftest import EXAMPLE


def test_the_example_loads_as_the_repository_loads_it() -> None:
    files, _ = policy_files(EXAMPLE)
    documents, findings = load_documents(files, read_yaml)
    assert findings == []
    assert sorted(d.path for d in documents) == sorted(
        d.path for d in load_repository(EXAMPLE).documents
    )


def test_an_unreadable_file_is_one_finding_and_the_next_file_still_loads(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("a: [\n", encoding="utf-8")
    good = EXAMPLE / "scope.yaml"
    texts = {bad: bad.read_text(encoding="utf-8"), good: good.read_text(encoding="utf-8")}
    documents, findings = load_documents(texts, lambda path: read_yaml(path, texts[path]))
    assert [(f.path, f.code, f.severity) for f in findings] == [(bad, "GK001", "error")]
    assert [d.kind for d in documents] == ["Scope"]
