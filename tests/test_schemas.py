"""The committed JSON Schemas match the models, and a third-party validator accepts policies/."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from governance_kit import schemas
from governance_kit.model import KINDS
from tests.conftest import EXAMPLE, ROOT, govkit

SCHEMAS = ROOT / "schemas"


def test_committed_schemas_match_the_models() -> None:
    assert schemas.drift(SCHEMAS) == [], "schemas/ is stale: run 'govkit schema export'"


def test_schema_export_check_flags_drift(tmp_path: Path) -> None:
    shutil.copytree(SCHEMAS, tmp_path / "schemas")
    (tmp_path / "schemas" / "scope.schema.json").write_text("{}", encoding="utf-8")
    run = govkit("schema", "export", "--out", tmp_path / "schemas", "--check")
    assert run.exit_code == 1
    assert run.stdout == (
        f"{tmp_path / 'schemas' / 'scope.schema.json'}: out of date; run 'govkit schema export'\n"
    )


def test_every_example_file_names_its_schema() -> None:
    for path in sorted(EXAMPLE.glob("*.yaml")):
        kind = YAML(typ="safe").load(path)["kind"]
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schemas/{schemas.schema_name(kind)}"


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_check_jsonschema_accepts_the_example(kind: str) -> None:
    files = [p for p in sorted(EXAMPLE.glob("*.yaml")) if YAML(typ="safe").load(p)["kind"] == kind]
    if not files:
        pytest.skip(f"the example has no {kind} document")
    command = [
        sys.executable,
        "-m",
        "check_jsonschema",
        "--schemafile",
        str(SCHEMAS / schemas.schema_name(kind)),
        *map(str, files),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_jsonschema_rejects_what_the_model_rejects(tmp_path: Path) -> None:
    source = (EXAMPLE / "accounts.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "accounts.yaml"
    broken.write_text(source.replace("status: active", "status: actve", 1), encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "check_jsonschema",
        "--schemafile",
        str(SCHEMAS / "accountregistry.schema.json"),
        str(broken),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "'actve' is not one of" in result.stdout
