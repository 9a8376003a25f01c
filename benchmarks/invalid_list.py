"""Time, peak memory and output of `govkit check` on one file with a huge list of invalid items.

    python benchmarks/invalid_list.py [--items 1000000] [--results benchmarks/RESULTS.md]

The file is an AccountRegistry whose `accounts` list holds `--items` numbers where accounts
(mappings) are expected: every item is a problem. Validation findings are capped per file, so
the output stays the same length whatever the number of items, and time and memory grow
linearly with the file. One cold run; the peak memory is that of the child process.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HEADER = """apiVersion: governance-kit.dev/v1
kind: AccountRegistry
metadata:
  id: many-accounts
  title: Accounts
  owner: ana
  version: 1.0.0
  effective_date: 2026-01-01
  review:
    interval: P1Y
spec:
  accounts:
"""
HEADER_LINES = HEADER.count("\n")
SECTION = "## Many invalid items in one file"


def write_registry(path: Path, items: int) -> Path:
    """An AccountRegistry whose `accounts` list holds `items` numbers instead of accounts."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEADER)
        for start in range(0, items, 10_000):
            handle.write("".join(f"  - {i}\n" for i in range(start, min(items, start + 10_000))))
    return path


def measure(repo: Path) -> tuple[float, float, int, int]:
    """Seconds, peak MiB of the child, lines of output and exit code of one `govkit check`."""
    command = [sys.executable, "-m", "governance_kit", "check", str(repo), "--today=2026-11-24"]
    start = time.perf_counter()
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak, run.stdout.count("\n"), run.returncode


def report(items: int, size_mib: float, figures: tuple[float, float, int, int]) -> str:
    seconds, peak, lines, code = figures
    return "\n".join(
        [
            SECTION,
            "",
            f"Run on {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}, {platform.machine()}, "
            f"{os.cpu_count()} cores, Python {platform.python_version()}.",
            "",
            f"One AccountRegistry file whose `accounts` list holds {items:,} invalid items "
            f"({size_mib:.1f} MiB; `benchmarks/invalid_list.py`), one cold run of `govkit check`.",
            "",
            "| seconds | peak memory (MiB) | lines of output | exit code |",
            "|---:|---:|---:|---:|",
            f"| {seconds:.2f} | {peak:.0f} | {lines} | {code} |",
            "",
            "Target: under 30 seconds and under 500 MiB; the output is 100 findings, one line "
            "'and N more problems in this file' and the summary, whatever the number of items.",
            "",
        ]
    )


def record(results: Path, text: str) -> None:
    """Put `text` in place of this benchmark's section of `results` (or after the rest)."""
    old = results.read_text(encoding="utf-8") if results.exists() else ""
    before = old.split(SECTION, 1)[0].rstrip("\n")
    results.write_text((before + "\n\n" if before else "") + text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--results", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        path = write_registry(Path(temp) / "accounts.yaml", args.items)
        size = path.stat().st_size / 2**20
        text = report(args.items, size, measure(Path(temp)))
    print(text)
    if args.results:
        record(args.results, text)


if __name__ == "__main__":
    main()
