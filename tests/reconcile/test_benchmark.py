"""A small run of the reconcile benchmark keeps its exports valid (no timing asserted)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.conftest import ROOT, TODAY, govkit

sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import generate
from reconcile import documents, write_exports


def test_the_benchmark_exports_reconcile_with_only_the_planted_departures(tmp_path: Path) -> None:
    repo = generate(tmp_path / "policies", accounts=300, people=150, documents=20, seed=7)
    sources = write_exports(repo, tmp_path / "exports", users=1000)
    assert Path(sources[0]).read_text(encoding="utf-8").count("\n") == 1001
    arguments = [part for source in sources for part in ("--from", source)]
    run = govkit("reconcile", repo, *arguments, "--today", TODAY, "--format", "json")
    assert run.exit_code in (0, 1), run.stderr
    found = [(f["code"], f["target"]) for f in json.loads(run.stdout)["findings"]]
    left = {p["id"] for d in documents(repo, "People") for p in d["spec"]["people"]
            if p.get("status") == "left"}  # fmt: skip
    planted = {  # those who left but keep access (GK301's plant) still hold their roles
        (account["id"], entry["person"])
        for d in documents(repo, "AccountRegistry")
        for account in d["spec"]["accounts"]
        for entry in account["access"]
        if entry["person"] in left
    }
    assert planted
    assert sorted(found) == sorted(("GKR03", account) for account, _ in planted)
