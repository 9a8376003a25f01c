"""Times and peak memory of `govkit validate` / `govkit check` against a floor and a peer.

    python benchmarks/run.py [--accounts 20000] [--people 10000] [--documents 400]
                             [--growth 1,2,4] [--repeat 3] [--results benchmarks/RESULTS.md]

Every measurement is a cold process, as CI runs it, on the same generated repository:
- govkit validate and govkit check;
- the floor: loading the same files with ruamel.yaml's C-based safe loader and nothing else;
- the peer: check-jsonschema validating the same files against schemas/ (one run per kind).
The best of --repeat runs is kept. Ratios are computed within the run, so they hold on a noisy
machine better than the seconds do. The growth table repeats govkit check at 2x and 4x.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import generate  # noqa: E402

FLOOR = """
import sys
from pathlib import Path
from ruamel.yaml import YAML
yaml = YAML(typ="safe", pure=False)
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    yaml.load(path.read_bytes())
"""


@dataclass
class Measure:
    """Wall time (seconds) and peak resident memory (MiB) of one command."""

    seconds: float
    peak_mib: float


def run_once(command: list[str]) -> Measure:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise RuntimeError(f"{command[:4]} exited {process.returncode}")
    return Measure(elapsed, usage.ru_maxrss / 1024)


def best(commands: list[list[str]], repeat: int) -> Measure:
    """Best of `repeat` runs of a sequence of commands (times added, peak memory the largest)."""
    runs = []
    for _ in range(repeat):
        measures = [run_once(command) for command in commands]
        runs.append(Measure(sum(m.seconds for m in measures), max(m.peak_mib for m in measures)))
    return min(runs, key=lambda m: m.seconds)


def peer_commands(repo: Path) -> list[list[str]]:
    from ruamel.yaml import YAML

    from governance_kit.schemas import schema_name

    by_kind: dict[str, list[str]] = defaultdict(list)
    yaml = YAML(typ="safe", pure=False)
    for path in sorted(repo.rglob("*.yaml")):
        by_kind[yaml.load(path.read_bytes())["kind"]].append(str(path))
    return [
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--schemafile",
            str(ROOT / "schemas" / schema_name(kind)),
            *files,
        ]
        for kind, files in sorted(by_kind.items())
    ]


def govkit(*args: str) -> list[str]:
    return [sys.executable, "-m", "governance_kit", *args]


def size_mib(repo: Path) -> float:
    return sum(p.stat().st_size for p in repo.rglob("*.yaml")) / 2**20


def measure(repo: Path, repeat: int) -> dict[str, Measure]:
    today = "--today=2026-11-24"
    return {
        "govkit validate": best([govkit("validate", str(repo))], repeat),
        "govkit check": best([govkit("check", str(repo), today, "--format=json")], repeat),
        "floor (ruamel.yaml C safe load)": best([[sys.executable, "-c", FLOOR, str(repo)]], repeat),
        "peer (check-jsonschema)": best(peer_commands(repo), repeat),
    }


def report(args: argparse.Namespace, sizes: dict[int, tuple[float, dict[str, Measure]]]) -> str:
    base_size, base = sizes[1]
    check, floor, peer = (
        base["govkit check"],
        base["floor (ruamel.yaml C safe load)"],
        base["peer (check-jsonschema)"],
    )
    lines = [
        "# Benchmark results",
        "",
        f"Run on {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}, "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.platform()}.",
        "",
        f"Repository: {args.accounts:,} accounts, {args.people:,} people, "
        f"{args.documents} policy documents, {base_size:.1f} MiB of YAML "
        f"(`benchmarks/generate.py`, seed {args.seed}). Best of {args.repeat} cold runs.",
        "",
        "| command | seconds | peak memory (MiB) |",
        "|---|---:|---:|",
    ]
    lines += [f"| {name} | {m.seconds:.2f} | {m.peak_mib:.0f} |" for name, m in base.items()]
    lines += [
        "",
        "| ratio | value | target |",
        "|---|---:|---:|",
        f"| check / floor | {check.seconds / floor.seconds:.2f} | at most 1.5 |",
        f"| peer / check | {peer.seconds / check.seconds:.2f} | at least 3 |",
        f"| check peak memory / YAML size | {check.peak_mib / base_size:.1f} | at most 10 |",
    ]
    if len(sizes) > 1:
        lines += [
            "",
            "Growth of `govkit check`:",
            "",
            "| size | YAML (MiB) | seconds | time / 1x time | peak memory (MiB) |",
            "|---|---:|---:|---:|---:|",
        ]
        for factor, (size, measures) in sorted(sizes.items()):
            m = measures["govkit check"]
            lines.append(
                f"| {factor}x | {size:.1f} | {m.seconds:.2f} | "
                f"{m.seconds / check.seconds:.2f} | {m.peak_mib:.0f} |"
            )
        lines += ["", "Target: 4x the size costs at most 4.5x the time."]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=20_000)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--growth", default="1,2,4")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--results", type=Path, default=None)
    args = parser.parse_args()
    sizes: dict[int, tuple[float, dict[str, Measure]]] = {}
    with tempfile.TemporaryDirectory() as temp:
        for factor in (int(f) for f in args.growth.split(",")):
            repo = generate(
                Path(temp) / f"x{factor}",
                args.accounts * factor,
                args.people * factor,
                args.documents * factor,
                args.seed,
            )
            if factor == 1:
                sizes[1] = (size_mib(repo), measure(repo, args.repeat))
            else:
                check = best(
                    [govkit("check", str(repo), "--today=2026-11-24", "--format=json")], args.repeat
                )
                sizes[factor] = (size_mib(repo), {"govkit check": check})
            print(f"{factor}x done", file=sys.stderr)
    text = report(args, sizes)
    print(text)
    if args.results:
        args.results.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
