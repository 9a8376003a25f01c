"""`govkit review` and `govkit handover` change only the values they mean to: every other byte,
comments included, stays as it was; writes are atomic and one writer works at a time."""

from __future__ import annotations

import difflib
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from governance_kit.edit import yaml_edit
from tests.conftest import TODAY, edit_yaml, govkit, line_of


def _snapshot(folder: Path) -> dict[str, list[str]]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8").splitlines()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _changes(before: list[str], after: list[str]) -> list[tuple[str, str]]:
    """(removed or '', added or '') line pairs: what differs between two versions of a file."""
    pairs = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        old, new = before[a1:a2], after[b1:b2]
        for index in range(max(len(old), len(new))):
            pairs.append(
                (old[index] if index < len(old) else "", new[index] if index < len(new) else "")
            )
    return pairs


def test_review_changes_only_the_review_lines(example: Path) -> None:
    before = _snapshot(example)
    run = govkit(
        "review",
        "nordlys-brand",
        example,
        "--by",
        "ben",
        "--date",
        TODAY,
        "--note",
        "All good.",
        "--bump",
        "none",
    )
    assert run.exit_code == 0, run.stderr
    after = _snapshot(example)
    assert {n for n in before if before[n] != after[n]} == {"brand.yaml"}
    changes = _changes(before["brand.yaml"], after["brand.yaml"])
    assert changes == [
        ("    last_reviewed: 2026-09-03", "    last_reviewed: 2026-11-24"),
        ("    reviewed_by: dina", "    reviewed_by: ben"),
        (
            "      Colour values checked against the 2026 brand book; TikTok rules updated for"
            " the new",
            "      All good.",
        ),
        ("      branded-content toggle. Accessibility section unchanged.", ""),
    ]
    assert govkit("validate", example).exit_code == 0


def test_review_without_note_drops_the_old_note(example: Path) -> None:
    before = (example / "scope.yaml").read_text(encoding="utf-8").splitlines()
    review = ("review", "nordlys-scope", example, "--by", "ana", "--date", TODAY, "--bump", "none")
    assert govkit(*review).exit_code == 0
    after = (example / "scope.yaml").read_text(encoding="utf-8").splitlines()
    removed = [old for old, new in _changes(before, after) if not new]
    assert removed[0] == "    note: >-"
    assert all(line.startswith("      ") for line in removed[1:])
    assert "    last_reviewed: 2026-11-24" in after
    assert [line for line in after if line.lstrip().startswith("#")] == [
        line for line in before if line.lstrip().startswith("#")
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("nordlys-brnd", "--by", "ben"), "unknown policy document 'nordlys-brnd'"),
        (("nordlys-brand", "--by", "bne"), "unknown person 'bne'"),
        (("nordlys-brand", "--by", "lars"), "person 'lars' has left"),
    ],
)
def test_review_refuses_unknown_names(example: Path, args: tuple[str, ...], message: str) -> None:
    before = _snapshot(example)
    run = govkit("review", *args, example, "--date", TODAY)
    assert run.exit_code == 2
    assert message in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    assert _snapshot(example) == before


def test_handover_changes_only_the_handed_over_values(example: Path) -> None:
    before = _snapshot(example)
    run = govkit("handover", "carl", example, "--to", "dina", "--today", TODAY, "--bump", "none")
    assert run.exit_code == 0, run.stderr
    after = _snapshot(example)
    changed = {n for n in before if before[n] != after[n]}
    assert changed <= {"accounts.yaml", "people.yaml", "continuity.yaml", "moderation.yaml"}
    people = _changes(before["people.yaml"], after["people.yaml"])
    assert people == [
        ("      status: active", "      status: leaving"),
        ("", "      end_date: 2026-12-01"),
    ]
    for old, new in _changes(before["accounts.yaml"], after["accounts.yaml"]):
        if new:
            assert "carl" not in new
            assert "dina" in new
        if old:
            assert "carl" in old or "dina" in old
    continuity = _changes(before["continuity.yaml"], after["continuity.yaml"])
    assert all(old == "" for old, _ in continuity)
    added = [new for _, new in continuity]
    assert added[:3] == [
        "    - id: handover-carl-2026-11-24",
        "      person: carl",
        "      successor: dina",
    ]
    assert added[-3:] == [
        "      started: 2026-11-24",
        "      deadline: 2026-12-01",
        "      status: in-progress",
    ]
    assert "[ ] " in run.stdout
    assert govkit("validate", example).exit_code == 0


def test_handover_keeps_the_higher_level(example: Path) -> None:
    accounts = example / "accounts.yaml"
    ben_editor = "{person: ben, level: editor, granted: 2021-09-01}"
    line = line_of(accounts, ben_editor)
    handover = ("handover", "ana", example, "--to", "ben", "--backup", "carl", "--bump", "none")
    assert govkit(*handover, "--today", TODAY).exit_code == 0
    lines = accounts.read_text(encoding="utf-8").splitlines()
    assert "{person: ben, level: admin, granted: 2021-09-01}" in lines[line - 2]
    assert "{person: ana, level: admin" not in "\n".join(lines[line - 5 : line + 2])


def test_handover_dry_run_writes_nothing(example: Path) -> None:
    before = _snapshot(example)
    run = govkit("handover", "carl", example, "--to", "dina", "--dry-run", "--today", TODAY)
    assert run.exit_code == 0, run.stderr
    assert _snapshot(example) == before
    assert run.stdout.startswith("## Governance changes\n")
    assert "- person `carl`: status active -> leaving (2026-12-01)\n" in run.stdout
    assert "- new handover `handover-carl-2026-11-24` from carl to dina" in run.stdout


def test_handover_without_successor_follows_the_plan(example: Path) -> None:
    run = govkit("handover", "carl", example, "--backup", "ben", "--today", TODAY, "--dry-run")
    assert run.exit_code == 0, run.stderr
    assert "status active -> leaving" in run.stdout


def test_handover_of_unknown_person(example: Path) -> None:
    run = govkit("handover", "nobody", example, "--to", "ben", "--today", TODAY)
    assert run.exit_code == 2
    assert run.stderr == "govkit: error: unknown leaving person 'nobody'\n"


def test_crash_before_replace_keeps_the_original(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _snapshot(example)

    def crash(source: str, target: str) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", crash)
    run = govkit("review", "nordlys-brand", example, "--by", "ben", "--date", TODAY)
    assert run.exit_code == 2
    assert run.stderr == (
        f"govkit: error: {example / 'brand.yaml'}: cannot write: Input/output error; "
        "nothing written\n"
    )
    assert _snapshot(example) == before
    assert sorted(
        p.relative_to(example).as_posix() for p in example.rglob("*") if p.is_file()
    ) == sorted(before)


def test_a_held_lock_refuses_a_second_writer(example: Path) -> None:
    before = _snapshot(example)
    with yaml_edit.repository_lock(example) as lock:
        run = govkit("review", "nordlys-brand", example, "--by", "ben", "--date", TODAY)
        assert lock.path.exists()
    assert run.exit_code == 2
    assert run.stderr.startswith(f"govkit: error: {example / '.govkit.lock'}: another govkit")
    assert len(run.stderr.splitlines()) == 1
    assert _snapshot(example) == before
    assert not (example / ".govkit.lock").exists()


def test_invalid_result_is_refused(example: Path) -> None:
    before = _snapshot(example)
    changeset = yaml_edit.Changeset(example)
    changeset.file(example / "brand.yaml").data["metadata"]["owner"] = "nobody"
    with pytest.raises(yaml_edit.EditProblem, match="unknown person 'nobody'"):
        changeset.write()
    assert _snapshot(example) == before


def test_review_writes_through_a_link_inside_the_repository(example: Path) -> None:
    (example / ".store").mkdir()
    (example / "brand.yaml").rename(example / ".store" / "brand.yaml")
    (example / "brand.yaml").symlink_to(Path(".store") / "brand.yaml")
    run = govkit("review", "nordlys-brand", example, "--by", "ben", "--date", TODAY)
    assert run.exit_code == 0, run.stderr
    assert os.readlink(example / "brand.yaml") == ".store/brand.yaml"
    assert "reviewed_by: ben" in (example / ".store" / "brand.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("end_date", "exit_code"),
    [("2026-11-23", 2), ("2026-11-24", 0), ("2026-12-31", 0)],
)
def test_a_reviewer_whose_last_day_has_passed_has_left(
    example: Path, end_date: str, exit_code: int
) -> None:
    """`Person.gone`: status `left`, or an end date before the day of the review."""

    def leaving(data: Any) -> None:
        marit = next(p for p in data["spec"]["people"] if p["id"] == "marit")
        marit["status"] = "leaving"
        marit["end_date"] = date.fromisoformat(end_date)

    edit_yaml(example / "people.yaml", leaving)
    run = govkit("review", "nordlys-brand", example, "--by", "marit", "--date", TODAY)
    assert run.exit_code == exit_code, run.stderr
    if exit_code:
        assert run.stderr.strip().endswith(
            "person 'marit' has left; a review needs someone at the company"
        )


def test_review_refuses_a_future_date(example: Path) -> None:
    before = _snapshot(example)
    run = govkit(
        "review", "nordlys-brand", example, "--by", "ben", "--date", "2026-11-25", "--today", TODAY
    )
    assert run.exit_code == 2
    assert run.stderr == (
        "govkit: error: --date: '2026-11-25' is in the future (today is 2026-11-24)"
        " (hint: record a review once it has happened)\n"
    )
    assert _snapshot(example) == before


def test_review_accepts_today_as_the_date(example: Path) -> None:
    run = govkit(
        "review", "nordlys-brand", example, "--by", "ben", "--date", TODAY, "--today", TODAY
    )
    assert run.exit_code == 0, run.stderr
