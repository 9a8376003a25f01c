"""`govkit handover` hands over the tools and agencies the leaver holds or sponsors and the open
roadmap milestones they own, and names in the checklist what nobody could take."""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML

from tests.conftest import TODAY, govkit


def connections(root: Path) -> dict[str, dict]:
    data = YAML(typ="safe").load(root / "connections.yaml")
    return {item["id"]: item for item in data["spec"]["connections"]}


def milestones(root: Path) -> dict[str, dict]:
    data = YAML(typ="safe").load(root / "roadmap.yaml")
    return {item["id"]: item for item in data["spec"]["milestones"]}


def test_the_successor_holds_and_sponsors_the_leavers_connections(example: Path) -> None:
    path = example / "connections.yaml"
    comments = [line for line in path.read_text(encoding="utf-8").splitlines() if "#" in line]
    run = govkit("handover", "erik", example, "--to", "dina", "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    text = path.read_text(encoding="utf-8")
    assert [line for line in text.splitlines() if "#" in line] == comments
    assert "holder: erik" not in text and "sponsor: erik" not in text
    assert [(c["holder"], c.get("sponsor")) for c in connections(example).values()] == [
        ("ana", None), ("ivar", None), ("dina", None), ("ola", "dina"),
    ]  # fmt: skip
    assert run.stdout.endswith(
        "Tools, agencies and milestones:\n"
        "  [ ] connection zendesk-social (holder) -> dina: connect it again as dina and revoke "
        "the token of erik\n"
        "  [ ] connection nattravn (sponsor) -> dina\n"
    )
    check = govkit("check", example, "--today", TODAY, "--select", "GK310,GK313,GK951")
    assert "GK310" not in check.stdout and "GK313" not in check.stdout


def test_an_open_milestone_goes_to_the_one_successor(example: Path) -> None:
    run = govkit("handover", "frida", example, "--to", "hanna", "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    assert milestones(example)["m-crisis-drill"]["owner"] == "hanna"
    assert "  [ ] milestone m-crisis-drill (owner) -> hanna\n" in run.stdout


def test_a_done_milestone_keeps_its_owner(example: Path) -> None:
    run = govkit("handover", "carl", example, "--to", "dina", "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    assert milestones(example)["m-ambassadors-pilot"]["owner"] == "carl"  # dropped: a record
    assert "m-ambassadors-pilot" not in run.stdout
