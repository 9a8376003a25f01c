"""A seeded generator of a large, valid policy repository with a realistic share of findings.

    python benchmarks/generate.py OUT [--accounts 20000] [--people 10000] [--documents 400]
                                      [--seed 7]

People and accounts are spread over several People and AccountRegistry files (one per region
or team, as a large company keeps them) so that the repository holds `--documents` policy
documents in all. About 3% of accounts lack a backup owner, 2% of people have left but keep
access, one account in 1,000 has a password pasted into its purpose, and 5% of registry files
are overdue for review.
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TextIO

import yaml

API = "governance-kit.dev/v1"
TODAY = date(2026, 11, 24)
PLATFORMS = ["instagram", "facebook", "linkedin", "tiktok", "youtube", "x", "threads", "bluesky"]
ROLES = [
    "social-media-lead",
    "editor",
    "designer",
    "community-manager",
    "support",
    "analyst",
    "legal-compliance",
    "moderator",
]
SINGLE_KINDS = 7  # Scope, ContinuityPlan, BrandGuide, ApprovalFlow, ModerationPolicy, ...


def _metadata(ident: str, title: str, owner: str, reviewed: date) -> dict[str, Any]:
    return {
        "id": ident,
        "title": title,
        "owner": owner,
        "version": "1.0.0",
        "effective_date": "2025-01-01",
        "review": {"interval": "P1Y", "last_reviewed": reviewed.isoformat(), "reviewed_by": owner},
        "approved_by": owner,
        "approved_on": "2025-01-01",
    }


def _document(kind: str, metadata: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    return {"apiVersion": API, "kind": kind, "metadata": metadata, "spec": spec}


class Generator:
    """Builds the documents of one synthetic company."""

    def __init__(self, accounts: int, people: int, documents: int, seed: int) -> None:
        self.random = random.Random(seed)
        self.n_accounts, self.n_people = accounts, people
        split = max(2, documents - SINGLE_KINDS)
        self.people_files = max(1, split * people // (people + accounts))
        self.account_files = max(1, split - self.people_files)
        self.person_ids = [f"p{index:05d}" for index in range(people)]
        self.left = set(self.random.sample(self.person_ids, k=max(1, people // 50)))
        self.lead = self.person_ids[0]
        self.left.discard(self.lead)
        self.moderators = [p for p in self.person_ids[1:200] if p not in self.left][:40]

    def reviewed(self) -> date:
        overdue = self.random.random() < 0.05
        return TODAY - timedelta(
            days=self.random.randint(400, 700) if overdue else self.random.randint(10, 300)
        )

    def active_person(self) -> str:
        while True:
            person = self.random.choice(self.person_ids)
            if person not in self.left:
                return person

    def documents(self) -> dict[str, dict[str, Any]]:
        files = {
            "scope.yaml": self.scope(),
            "continuity.yaml": self.continuity(),
            "brand.yaml": self.brand(),
            "approvals.yaml": None,
            "moderation.yaml": self.moderation(),
            "training.yaml": self.training(),
            "objectives.yaml": self.objectives(),
        }
        for index, chunk in enumerate(_chunks(self.person_ids, self.people_files)):
            files[f"people/people-{index:03d}.yaml"] = self.people(index, chunk)
        account_ids = [f"acct-{index:05d}" for index in range(self.n_accounts)]
        for index, chunk in enumerate(_chunks(account_ids, self.account_files)):
            files[f"accounts/accounts-{index:03d}.yaml"] = self.registry(index, chunk)
        ids = [doc["metadata"]["id"] for doc in files.values() if doc]
        files["approvals.yaml"] = self.approvals([*ids, "approvals"])
        return files

    def scope(self) -> dict[str, Any]:
        channels = [
            {
                "id": f"{p}-{region}",
                "name": f"{p} {region}",
                "platform": p,
                "visibility": "external",
                "purpose": "Brand presence and customer care",
                "audience": ["customers"],
            }
            for p in PLATFORMS
            for region in ("global", "nordics", "dach")
        ]
        spec = {
            "organisation": {"name": "Bench Corp", "contact": "social@bench.example"},
            "channels": channels,
        }
        return _document("Scope", _metadata("scope", "Scope", self.lead, self.reviewed()), spec)

    def people(self, index: int, chunk: list[str]) -> dict[str, Any]:
        spec: dict[str, Any] = {"people": [self.person(p) for p in chunk]}
        if index == 0:
            spec["roles"] = [
                {
                    "id": r,
                    "name": r.replace("-", " ").title(),
                    "description": f"The {r} role.",
                    "may_post": True,
                }
                for r in ROLES
            ]
        return _document(
            "People",
            _metadata(f"people-{index:03d}", f"Roster {index}", self.lead, self.reviewed()),
            spec,
        )

    def person(self, ident: str) -> dict[str, Any]:
        person: dict[str, Any] = {
            "id": ident,
            "name": f"Person {ident}",
            "email": f"{ident}@bench.example",
            "team": f"team-{int(ident[1:]) % 50}",
            "roles": [ROLES[int(ident[1:]) % len(ROLES)]]
            if ident != self.lead
            else ["social-media-lead"],
            "start_date": "2020-01-01",
        }
        if ident in self.moderators:
            person["roles"] = ["moderator"]
        if ident in self.left:
            person.update(status="left", end_date="2026-06-30")
        return person

    def registry(self, index: int, chunk: list[str]) -> dict[str, Any]:
        accounts = [self.account(ident) for ident in chunk]
        return _document(
            "AccountRegistry",
            _metadata(f"accounts-{index:03d}", f"Accounts {index}", self.lead, self.reviewed()),
            {"accounts": accounts},
        )

    def account(self, ident: str) -> dict[str, Any]:
        platform = self.random.choice(PLATFORMS)
        region = self.random.choice(("global", "nordics", "dach"))
        owner, backup = self.active_person(), self.active_person()
        admins = {self.active_person(), self.active_person()}
        if self.random.random() < 0.02:
            admins.add(self.random.choice(sorted(self.left)))
        access = [{"person": p, "level": "admin", "granted": "2024-01-01"} for p in sorted(admins)]
        access.append({"person": self.active_person(), "level": "editor"})
        account: dict[str, Any] = {
            "id": ident,
            "platform": platform,
            "channel": f"{platform}-{region}",
            "handle": f"@bench_{ident}",
            "url": f"https://{platform}.example/bench_{ident}",
            "purpose": "Regional brand account",
            "status": "active",
            "business_owner": owner,
            "backup_owner": backup,
            "access": access,
            "credentials": {
                "secret_ref": f"op://social/{ident}",
                "mfa": True,
                "mfa_method": "app",
                "last_rotated": "2026-09-01",
            },
            "created": "2023-05-01",
            "last_access_review": "2026-10-01",
            "last_activity": "2026-11-20",
            "last_verified": "2026-10-01",
        }
        if self.random.random() < 0.03:
            del account["backup_owner"]
        if int(ident[-5:]) % 1000 == 1:
            account["purpose"] += f"; shared login, password: Bench#{ident[-5:]}x"
        return account

    def continuity(self) -> dict[str, Any]:
        plan = {
            "id": "default",
            "name": "Default",
            "deadline_days": 14,
            "successor_rules": [
                {"successor": "backup-owner"},
                {"successor": "role", "role": "social-media-lead"},
            ],
            "checklist": [
                {"id": "rotate", "task": "Rotate the password", "kind": "rotate-credentials"}
            ],
        }
        return _document(
            "ContinuityPlan",
            _metadata("continuity", "Continuity", self.lead, self.reviewed()),
            {"plans": [plan]},
        )

    def brand(self) -> dict[str, Any]:
        spec = {
            "voice": {"summary": "Plain and friendly."},
            "disclosure": {"ads_label": "#ad", "partnership_label": "Paid partnership"},
            "checklist": [{"id": "facts", "item": "Facts checked"}],
        }
        return _document(
            "BrandGuide", _metadata("brand", "Brand", self.lead, self.reviewed()), spec
        )

    def approvals(self, documents: list[str]) -> dict[str, Any]:
        spec = {
            "new_account": {"approvers": ["social-media-lead"]},
            "content": [{"risk": "low", "description": "Everyday posts", "approvers": []}],
            "policy_changes": [
                {"document": d, "approvers": ["social-media-lead"]} for d in documents
            ],
        }
        return _document(
            "ApprovalFlow", _metadata("approvals", "Approvals", self.lead, self.reviewed()), spec
        )

    def moderation(self) -> dict[str, Any]:
        days = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
        halves = (("00:00", "12:00"), ("12:00", "24:00"))
        shifts = [
            {
                "person": person,
                "days": [days[index % 7]],
                "start": halves[index // 7 % 2][0],
                "end": halves[index // 7 % 2][1],
            }
            for index, person in enumerate(self.moderators)
        ]
        spec = {
            "community_rules": {"expected": ["Be kind"]},
            "rota": {"timezone": "Europe/Oslo", "shifts": shifts},
            "slas": [
                {"channel": f"{p}-global", "first_response": "PT2H", "hours": "always"}
                for p in PLATFORMS
            ],
            "escalation": [
                {
                    "id": "default",
                    "name": "Default",
                    "trigger": "Anything",
                    "tiers": [
                        {
                            "level": 1,
                            "role": "moderator",
                            "backup": "community-manager",
                            "within": "PT1H",
                            "approver": "social-media-lead",
                        }
                    ],
                }
            ],
        }
        return _document(
            "ModerationPolicy",
            _metadata("moderation", "Moderation", self.lead, self.reviewed()),
            spec,
        )

    def training(self) -> dict[str, Any]:
        completions = [
            {"person": p, "course": "security", "completed": "2026-03-01"}
            for p in self.person_ids
            if p not in self.left
        ]
        spec = {
            "courses": [
                {
                    "id": "security",
                    "name": "Account security",
                    "description": "MFA and secrets",
                    "refresh": "P2Y",
                }
            ],
            "account_access_courses": ["security"],
            "completions": completions,
        }
        return _document(
            "TrainingPlan", _metadata("training", "Training", self.lead, self.reviewed()), spec
        )

    def objectives(self) -> dict[str, Any]:
        spec = {
            "objectives": [
                {
                    "id": "response",
                    "goal": "Answer fast",
                    "kpis": [
                        {
                            "id": "frt",
                            "name": "First response",
                            "target": 60,
                            "unit": "minutes",
                            "direction": "at-most",
                        }
                    ],
                }
            ]
        }
        return _document(
            "Objectives", _metadata("objectives", "Objectives", self.lead, self.reviewed()), spec
        )


def _chunks(items: list[str], count: int) -> list[list[str]]:
    size = -(-len(items) // count)
    return [items[i : i + size] for i in range(0, len(items), size)]


def generate(
    out: Path, accounts: int = 20_000, people: int = 10_000, documents: int = 400, seed: int = 7
) -> Path:
    """Write the synthetic repository into `out` and return it."""
    for name, document in Generator(accounts, people, documents, seed).documents().items():
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8") as handle:
            dump(document, handle)
    return out


def dump(document: dict[str, Any], handle: TextIO) -> None:
    """Block-style YAML through libyaml's emitter (PyYAML's CSafeDumper): ruamel.yaml's decodes
    the tag of every node in Python and took three times as long for the same documents."""
    yaml.dump(
        document,
        handle,
        Dumper=yaml.CSafeDumper,
        sort_keys=False,
        default_flow_style=False,
        allow_unicode=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--accounts", type=int, default=20_000)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    generate(args.out, args.accounts, args.people, args.documents, args.seed)


if __name__ == "__main__":
    main()
