"""Start-up: `govkit check` on the example policies against check-jsonschema on one of its files.

    python benchmarks/startup.py [--repeat 10] [--append benchmarks/RESULTS.md]

Both are cold processes, as a pre-commit hook or a CI step starts them: govkit checks the whole
example (`policies/`, every file and every rule), check-jsonschema validates its largest file
against that kind's schema in `schemas/`. Each runs once untimed first, so that both read
compiled bytecode as an installed package does, and govkit its kept validators
(`governance_kit/model/built.py`); the best of --repeat runs is kept, taking turns so that a busy
machine slows both alike. The ratio govkit / check-jsonschema is the target: at most 1. A third
line shows govkit without kept validators (`GOVKIT_NO_CACHE=1`), as the very first run on a
machine starts.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import run_once  # noqa: E402

TODAY = "2026-11-24"
EXAMPLE = ROOT / "policies"
PEER_FILE = EXAMPLE / "accounts.yaml"
PEER_SCHEMA = ROOT / "schemas" / "accountregistry.schema.json"


def commands() -> dict[str, list[str]]:
    return {
        "govkit check policies": [
            sys.executable, "-m", "governance_kit", "check", str(EXAMPLE), "--today", TODAY
        ],
        "check-jsonschema accounts.yaml": [
            sys.executable, "-m", "check_jsonschema", "--schemafile", str(PEER_SCHEMA),
            str(PEER_FILE),
        ],
        "govkit check policies, validators not kept": [
            "env", "GOVKIT_NO_CACHE=1", sys.executable, "-m", "governance_kit", "check",
            str(EXAMPLE), "--today", TODAY,
        ],
    }  # fmt: skip


def measure(repeat: int) -> dict[str, float]:
    """Best wall time in seconds of each command over `repeat` alternating cold runs."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    todo = commands()
    for command in todo.values():
        run_once(command)
    times: dict[str, list[float]] = {name: [] for name in todo}
    for _ in range(repeat):
        for name, command in todo.items():
            times[name].append(run_once(command).seconds)
    return {name: min(seconds) for name, seconds in times.items()}


def section(best: dict[str, float], repeat: int) -> str:
    govkit, peer, _ = best.values()
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return "\n".join(
        [
            "## Start-up",
            "",
            f"Run on {when}, {platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}. Best of {repeat} cold runs of each "
            "(`benchmarks/startup.py`).",
            "",
            "| command | seconds |",
            "|---|---:|",
            *(f"| {name} | {seconds:.3f} |" for name, seconds in best.items()),
            "",
            "| ratio | value | target |",
            "|---|---:|---:|",
            f"| govkit check / check-jsonschema | {govkit / peer:.2f} | at most 1 |",
            "",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--append", type=Path, default=None, help="add the section to this file")
    args = parser.parse_args()
    text = section(measure(args.repeat), args.repeat)
    print(text)
    if args.append:
        with args.append.open("a", encoding="utf-8") as handle:
            handle.write("\n" + text)


if __name__ == "__main__":
    main()
