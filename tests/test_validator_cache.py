"""The kept validators of the kinds (governance_kit/model/built.py): a cold process reads them
instead of building them, they judge exactly as built ones do, and a cache that is hostile,
shared, broken or unwritable changes nothing but the time."""

from __future__ import annotations

import io
import json
import os
import pickle
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from governance_kit.model import built
from tests.conftest import EXAMPLE, ROOT, TODAY

PROBE = """
import json, sys
from pydantic._internal import _generate_schema
calls = []
original = _generate_schema.GenerateSchema.generate_schema
def counted(self, obj):
    calls.append(1)
    return original(self, obj)
_generate_schema.GenerateSchema.generate_schema = counted
from governance_kit.model import KINDS
from governance_kit.model.built import prepare
prepare()
built = len(calls)
schemas = {name: kind.model_json_schema() for name, kind in KINDS.items()}
print(json.dumps({"built": built, "schemas": schemas}, sort_keys=True))
"""


def probe(cache: Path, **env: str) -> dict:
    """Prepare the kinds in a cold process; how often pydantic generated a schema, and the JSON
    Schema of every kind."""
    run = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "XDG_CACHE_HOME": str(cache), **env},
        check=True,
    )
    return json.loads(run.stdout)


def check(policies: Path, cache: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "governance_kit", "check", str(policies), "--today", TODAY,
         "--format", "json"],
        capture_output=True,
        text=True,
        env={**os.environ, "XDG_CACHE_HOME": str(cache), **env},
    )  # fmt: skip


def kept(cache: Path) -> list[Path]:
    return sorted((cache / "governance-kit").glob("validators-*.pickle"))


def test_a_cold_process_reads_the_kept_validators_instead_of_building_them(tmp_path: Path):
    first = probe(tmp_path)
    assert first["built"] > 0
    assert len(kept(tmp_path)) == 1
    assert kept(tmp_path)[0].stat().st_mode & 0o077 == 0
    second = probe(tmp_path)
    assert second["built"] == 0
    assert second["schemas"] == first["schemas"]


def test_kept_validators_judge_exactly_as_built_ones(tmp_path: Path, example: Path):
    broken = example / "accounts.yaml"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("platform: instagram", "platform: 42", 1),
        encoding="utf-8",
    )
    cache = tmp_path / "cache"
    runs = [check(policies, cache) for policies in (EXAMPLE, example) for _ in range(2)]
    assert kept(cache)
    plain = [check(policies, cache, GOVKIT_NO_CACHE="1") for policies in (EXAMPLE, example)]
    assert [(r.returncode, r.stdout, r.stderr) for r in runs[::2]] == [
        (r.returncode, r.stdout, r.stderr) for r in plain
    ]
    assert [(r.returncode, r.stdout) for r in runs[1::2]] == [
        (r.returncode, r.stdout) for r in plain
    ]
    assert plain[1].returncode == 2
    assert "platform" in plain[1].stdout + plain[1].stderr


class _Planted:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple:
        return (os.system, (f"touch {self.marker}",))


@pytest.mark.parametrize("mode", [0o600, 0o666])
def test_a_planted_cache_runs_nothing_and_is_replaced(tmp_path: Path, mode: int):
    probe(tmp_path)
    [path] = kept(tmp_path)
    marker = tmp_path / "ran"
    path.write_bytes(pickle.dumps({"Scope": _Planted(marker)}))
    path.chmod(mode)
    again = probe(tmp_path)
    assert not marker.exists()
    assert again["built"] > 0
    assert probe(tmp_path)["built"] == 0


def test_only_model_classes_and_their_validators_are_accepted():
    for module, name in [
        ("os", "system"),
        ("builtins", "eval"),
        ("governance_kit.model", "os"),
        ("governance_kit.model.common", "re"),
        ("governance_kit.model.built", "pickle"),
        ("subprocess", "run"),
    ]:
        with pytest.raises(pickle.UnpicklingError, match="refused in a kept schema"):
            built._Unpickler(io.BytesIO(b"")).find_class(module, name)
    with pytest.raises(pickle.UnpicklingError, match="refused"):
        built._model_attribute(built.BaseModel, "__init__")


def test_a_broken_or_unwritable_cache_changes_nothing_but_the_time(tmp_path: Path):
    first = probe(tmp_path)
    [path] = kept(tmp_path)
    path.write_bytes(b"not a pickle")
    assert probe(tmp_path)["built"] > 0
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be\n", encoding="utf-8")
    result = check(EXAMPLE, blocked)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    off = tmp_path / "off"
    assert probe(off, GOVKIT_NO_CACHE="1")["schemas"] == first["schemas"]
    assert not off.exists()


def test_the_name_of_the_kept_file_changes_with_any_model_source(tmp_path: Path, monkeypatch):
    before = built.cache_file(tmp_path)
    copy = tmp_path / "model"
    shutil.copytree(Path(built.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(built, "_SOURCE", copy)
    assert built.cache_file(tmp_path) == before
    people = copy / "people.py"
    people.write_text(people.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert built.cache_file(tmp_path) != before


def test_files_of_other_versions_not_written_for_a_month_are_removed(tmp_path: Path):
    folder = tmp_path / "governance-kit"
    folder.mkdir()
    old, recent = folder / "validators-old.pickle", folder / "validators-recent.pickle"
    other = folder / "notes.txt"
    for path in (old, recent, other):
        path.write_bytes(b"x")
    month_ago = time.time() - (built.STALE_DAYS + 1) * 86_400
    for path in (old, other):
        os.utime(path, (month_ago, month_ago))
    probe(tmp_path)
    assert sorted(path.name for path in folder.iterdir()) == sorted(
        [recent.name, other.name, built.cache_file(folder).name]
    )


def test_a_cache_inside_a_git_working_tree_is_never_read_nor_written(tmp_path: Path):
    """A CI job whose cache folder lies in the checkout would let a pull request bring the
    file: such a folder is not used at all."""
    checkout = tmp_path / "checkout"
    probe(checkout / ".cache")
    [path] = kept(checkout / ".cache")
    (checkout / ".git").mkdir()
    marker = tmp_path / "ran"
    path.write_bytes(pickle.dumps({"Scope": _Planted(marker)}))
    modified = path.stat().st_mtime_ns
    again = probe(checkout / ".cache")
    assert not marker.exists()
    assert again["built"] == 0  # nothing kept is used: the kinds are built when first validated
    assert path.stat().st_mtime_ns == modified
    assert kept(checkout / ".cache") == [path]


def test_a_kept_schema_pydantic_core_refuses_is_built_again(tmp_path: Path):
    first = probe(tmp_path)
    [path] = kept(tmp_path)
    names = pickle.loads(path.read_bytes()).keys()
    path.write_bytes(pickle.dumps({name: ({"type": "no-such-schema"}, {}) for name in names}))
    again = probe(tmp_path)
    assert again["built"] > 0
    assert again["schemas"] == first["schemas"]
    assert probe(tmp_path)["built"] == 0
    result = check(EXAMPLE, tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
