"""`govkit diff` names what changed inside lists by the item's id or key and tells the changed
fields in words; confidential values stay hidden."""

from __future__ import annotations

from typing import Any

from tests.conftest import TODAY, edit_yaml, govkit

from .conftest import PolicyRepo


def diff_lines(policy_repo: PolicyRepo) -> list[str]:
    run = govkit("diff", "main", ".", policy_repo.policies)
    assert run.exit_code == 0, run.stderr
    return [line for line in run.stdout.splitlines() if line.startswith("- ")]


def sla(data: Any, channel: str, days: list[str]) -> Any:
    return next(
        s
        for s in data["spec"]["slas"]
        if s["channel"] == channel and list(s["hours"]["days"]) == days
    )


def test_an_sla_is_named_by_its_channel_and_hours(policy_repo: PolicyRepo) -> None:
    def change(data: Any) -> None:
        sla(data, "instagram-brand", ["sat", "sun"])["first_response"] = "PT4H"
        sla(data, "instagram-brand", ["mon", "tue", "wed", "thu", "fri"])["target_share"] = 0.95

    edit_yaml(policy_repo.policies / "moderation.yaml", change)
    assert diff_lines(policy_repo) == [
        "- SLA `instagram-brand` (mon, tue, wed, thu, fri 08:00\\-20:00): target share: "
        "0.9 -> 0.95",
        "- SLA `instagram-brand` (sat, sun 10:00\\-18:00): first response: PT2H -> PT4H",
    ]


def test_items_added_and_removed_are_named(policy_repo: PolicyRepo) -> None:
    def change(data: Any) -> None:
        raci = data["spec"]["raci"]
        raci.pop(0)
        raci.append(
            {"activity": "Answering press questions", "responsible": ["social-media-lead"],
             "accountable": "social-media-lead"}
        )  # fmt: skip

    edit_yaml(policy_repo.policies / "moderation.yaml", change)
    assert diff_lines(policy_repo) == [
        "- RACI entry `Answering press questions` added",
        "- RACI entry `Publishing planned content` removed",
    ]


def test_a_completion_is_named_by_person_and_course(policy_repo: PolicyRepo) -> None:
    def change(data: Any) -> None:
        completions = data["spec"]["completions"]
        completions[:] = [
            c
            for c in completions
            if not (c["person"] == "sigrid" and c["course"] == "crisis-communication")
        ]

    edit_yaml(policy_repo.policies / "training.yaml", change)
    assert diff_lines(policy_repo) == ["- completion `sigrid` (crisis\\-communication) removed"]


def test_a_kpi_inside_an_objective_is_named_by_its_id(policy_repo: PolicyRepo) -> None:
    def change(data: Any) -> None:
        objective = next(o for o in data["spec"]["objectives"] if o["id"] == "obj-facebook-service")
        kpi = next(k for k in objective["kpis"] if k["id"] == "fb-within-sla")
        kpi["target"] = 95

    edit_yaml(policy_repo.policies / "objectives.yaml", change)
    assert diff_lines(policy_repo) == [
        "- objective `obj-facebook-service`: KPI `fb-within-sla`: target: 90 -> 95"
    ]


def test_a_dated_removal_of_access_is_told(policy_repo: PolicyRepo) -> None:
    run = govkit("handover", "carl", policy_repo.policies, "--to", "dina", "--last-day",
                 "2026-12-15", "--today", TODAY, "--bump", "none")  # fmt: skip
    assert run.exit_code == 0, run.stderr
    lines = diff_lines(policy_repo)
    assert lines[:3] == [
        "- account `instagram-nordlysoutdoor`: access of carl ends on 2026-12-15",
        "- account `instagram-nordlysoutdoor`: access granted to dina (admin)",
        "- account `instagram-nordlysoutdoor`: backup owner changed from carl to dina",
    ]
    assert "- account `instagram-teampro`: recovery changed" in lines
    assert not [line for line in lines if "+47" in line or "holder" in line]
