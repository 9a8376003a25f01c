"""Time of `govkit reconcile` against `govkit check` on the same generated repository.

    python benchmarks/reconcile.py [--accounts 20000] [--people 10000] [--users 50000]
                                   [--repeat 3]

The repository is that of benchmarks/generate.py; the exports are written from it: an Entra ID
users CSV of --users users (everyone on the roster, disabled when they have left, and other
staff), a platform-admins CSV of every access entry, and a 1Password item list of every login.
Each measure is a cold process; the best of --repeat runs is kept, and the ratio is computed
within the run.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import TODAY, generate  # noqa: E402
from ruamel.yaml import YAML  # noqa: E402

ENTRA = ["userPrincipalName", "displayName", "mail", "accountEnabled", "userType"]


def documents(repo: Path, kind: str) -> list[dict]:
    yaml = YAML(typ="safe", pure=False)
    found = []
    for path in sorted(repo.rglob("*.yaml")):
        document = yaml.load(path.read_bytes())
        if isinstance(document, dict) and document.get("kind") == kind:
            found.append(document)
    return found


def write_exports(repo: Path, folder: Path, users: int) -> list[str]:
    """The three exports of the repository `repo` in `folder`; their --from arguments."""
    folder.mkdir(parents=True, exist_ok=True)
    people = [p for d in documents(repo, "People") for p in d["spec"]["people"]]
    accounts = [a for d in documents(repo, "AccountRegistry") for a in d["spec"]["accounts"]]
    stamp = TODAY.isoformat()
    entra = folder / f"entra-users-{stamp}.csv"
    with entra.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(ENTRA)
        for person in people:
            enabled = "False" if person.get("status") == "left" else "True"
            writer.writerow([person["email"], person["name"], person["email"], enabled, "Member"])
        for number in range(max(0, users - len(people))):
            mail = f"staff{number}@other.example"
            writer.writerow([mail, f"Staff {number}", mail, "True", "Member"])
    admins = folder / f"platform-admins-{stamp}.csv"
    with admins.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["account", "person", "role"])
        for account in accounts:
            levels: dict[str, str] = {}
            for entry in account.get("access", []):
                levels.setdefault(entry["person"], entry["level"])
            for person, level in levels.items():
                writer.writerow([account["id"], person, level])
    items = folder / f"op-items-{stamp}.json"
    records = []
    for account in accounts:
        ref = account.get("credentials", {}).get("secret_ref")
        if ref:
            vault, title = ref.split("://", 1)[1].split("/")[:2]
            records.append({"id": account["id"], "title": title, "vault": {"name": vault}})
    items.write_text(json.dumps(records, indent=1), encoding="utf-8")
    return [str(entra), str(admins), str(items)]


def best(command: list[str], repeat: int) -> float:
    """The fastest of `repeat` cold runs; a run that fails on its input (exit 2) stops it."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run = subprocess.run(command, capture_output=True, check=False, text=True)
        times.append(time.perf_counter() - start)
        if run.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command[3:5])} failed: {run.stderr.strip()}")
    return min(times)


def measure(accounts: int, people: int, users: int, repeat: int, work: Path) -> dict[str, float]:
    repo = generate(work / "policies", accounts=accounts, people=people, documents=40, seed=7)
    sources = write_exports(repo, work / "exports", users)
    govkit = [sys.executable, "-m", "governance_kit"]
    today = ["--today", TODAY.isoformat()]
    check = best([*govkit, "check", str(repo), *today], repeat)
    arguments = [part for source in sources for part in ("--from", source)]
    reconcile = best([*govkit, "reconcile", str(repo), *arguments, *today], repeat)
    return {"check": check, "reconcile": reconcile, "ratio": reconcile / check}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=20_000)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--users", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        found = measure(options.accounts, options.people, options.users, options.repeat, Path(work))
    print(
        f"govkit check {found['check']:.2f} s, govkit reconcile {found['reconcile']:.2f} s, "
        f"ratio {found['ratio']:.2f} ({options.accounts} accounts, {options.users} users)"
    )


if __name__ == "__main__":
    main()
