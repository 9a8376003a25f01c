"""Reading and placing findings in worker processes gives exactly what one process gives."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from governance_kit.checker import run_check, select_rules
from governance_kit.loading.parallel import workers
from governance_kit.loading.repository import load_repository
from tests.conftest import ROOT, TODAY, govkit

sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import generate


def check_json(repo: Path) -> tuple[int, list[dict]]:
    run = govkit("check", repo, "--today", TODAY, "--format", "json")
    return run.exit_code, json.loads(run.stdout)["findings"]


@pytest.mark.skipif(sys.platform != "linux", reason="worker processes are forked on Linux only")
def test_workers_find_the_same_as_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = generate(tmp_path / "repo", accounts=400, people=200, documents=30, seed=11)
    (repo / "broken.yaml").write_text("kind: [\n", encoding="utf-8")
    monkeypatch.setenv("GOVKIT_JOBS", "1")
    alone = check_json(repo)
    (repo / "broken.yaml").unlink()
    clean_alone = check_json(repo)
    monkeypatch.setenv("GOVKIT_JOBS", "2")
    assert workers(sorted(repo.rglob("*.yaml"))) == 2
    clean_pool = check_json(repo)
    (repo / "broken.yaml").write_text("kind: [\n", encoding="utf-8")
    assert check_json(repo) == alone
    assert clean_pool == clean_alone
    assert clean_alone[0] == 1 and len(clean_alone[1]) > 10
    assert "GK305" in {finding["code"] for finding in clean_pool[1]}


def test_small_repositories_are_read_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GOVKIT_JOBS", raising=False)
    assert workers(sorted((ROOT / "policies").glob("*.yaml"))) == 1


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_check_tells_its_progress_rule_by_rule_then_placed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    repo = generate(tmp_path / "repo", accounts=200, people=100, documents=20, seed=3)
    monkeypatch.setenv("GOVKIT_JOBS", jobs)
    rules = select_rules()
    told: list[tuple[int, int]] = []
    run_check(load_repository(repo), date(2026, 11, 24), rules, step=lambda *s: told.append(s))
    total = len(rules) + 1
    if jobs == "1":
        assert told == [(done, total) for done in range(1, total + 1)]
    else:
        assert told == [(len(rules), total), (total, total)]
