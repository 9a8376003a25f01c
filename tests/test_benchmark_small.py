"""A small run of the benchmark keeps the generator and the runner working (no timing asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from tests.conftest import ROOT, TODAY, govkit

sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import generate


def test_generated_repository_is_valid_with_the_planted_findings(tmp_path: Path) -> None:
    repo = generate(tmp_path / "bench", accounts=500, people=250, documents=40, seed=7)
    assert len(list(repo.rglob("*.yaml"))) == 40
    run = govkit("check", repo, "--today", TODAY, "--format", "json")
    assert run.exit_code == 1, run.stdout[:2000]
    codes = Counter(f["code"] for f in json.loads(run.stdout)["findings"])
    assert set(codes) <= {"GK101", "GK205", "GK206", "GK301", "GK305", "GK603"}
    assert codes["GK205"] > 0 and codes["GK301"] > 0 and codes["GK305"] == 1


def test_generation_is_reproducible(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", accounts=60, people=30, documents=12, seed=3)
    second = generate(tmp_path / "b", accounts=60, people=30, documents=12, seed=3)
    texts = {p.relative_to(first): p.read_bytes() for p in first.rglob("*.yaml")}
    assert texts == {p.relative_to(second): p.read_bytes() for p in second.rglob("*.yaml")}


def test_runner_reports_every_measure(tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    command = [
        sys.executable,
        str(ROOT / "benchmarks" / "run.py"),
        "--accounts",
        "200",
        "--people",
        "100",
        "--documents",
        "20",
        "--growth",
        "1,2",
        "--repeat",
        "1",
        "--results",
        str(results),
    ]
    subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
    text = results.read_text(encoding="utf-8")
    for row in (
        "| govkit validate |",
        "| govkit check |",
        "| floor (ruamel.yaml C safe load) |",
        "| peer (check-jsonschema) |",
        "| check / floor |",
        "| peer / check |",
        "| 2x |",
    ):
        assert row in text
