"""`govkit calendar`: an .ics file that parses back with the expected events."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from icalendar import Calendar

from governance_kit.loading.repository import load_repository
from governance_kit.model.moderation import ModerationPolicy
from tests.conftest import TODAY, edit_yaml, govkit


def _calendar(example: Path, tmp_path: Path, *extra: str) -> Calendar:
    out = tmp_path / "governance.ics"
    run = govkit("calendar", example, "--out", out, "--today", TODAY, *extra)
    assert run.exit_code == 0, run.stderr
    return Calendar.from_ical(out.read_bytes())


def _events(calendar: Calendar) -> dict[str, object]:
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_reviews_access_reviews_and_rota(example: Path, tmp_path: Path) -> None:
    governance = load_repository(example).governance
    events = _events(_calendar(example, tmp_path, "--months", "60"))
    for document in governance.policies:
        event = events[f"policy-review-{document.id}@nordlys.example"]
        owner = governance.people[document.model.metadata.owner]
        assert str(event["attendee"]) == f"mailto:{owner.email}"
        assert isinstance(event.decoded("dtstart"), date)
    moderation = governance.spec(ModerationPolicy)
    for index, shift in enumerate(moderation.rota.shifts, start=1):
        event = events[f"rota-shift-{index}@nordlys.example"]
        start = event.decoded("dtstart")
        assert isinstance(start, datetime)
        assert event["dtstart"].params["TZID"] == moderation.rota.timezone
        assert start.strftime("%H:%M") == shift.start
        rule = event["rrule"]
        assert rule["FREQ"] == ["WEEKLY"]
        assert len(rule["BYDAY"]) == len(shift.days)
        assert start.date() >= date(2026, 11, 24)
    active = [a for a in governance.accounts.values() if a.status != "archived"]
    assert {f"access-review-{a.id}@nordlys.example" for a in active} <= set(events)


def test_handover_deadline_and_stable_uids(example: Path, tmp_path: Path) -> None:
    assert govkit("handover", "carl", example, "--to", "dina", "--today", TODAY).exit_code == 0
    first = _events(_calendar(example, tmp_path))
    event = first["handover-handover-carl-2026-11-24@nordlys.example"]
    assert event.decoded("dtstart") == date(2026, 12, 1)
    attendees = sorted(str(a) for a in event["attendee"])
    assert attendees == [
        "mailto:carl.johansson@nordlys.example",
        "mailto:dina.aasen@nordlys.example",
    ]
    edit_yaml(
        example / "brand.yaml",
        lambda d: d["metadata"]["review"].__setitem__("interval", "P3M"),
    )
    second = _events(_calendar(example, tmp_path))
    assert set(first) <= set(second)


def test_nothing_confidential(example: Path, tmp_path: Path) -> None:
    text = govkit("calendar", example, "--today", TODAY, "--months", "60").stdout
    assert "op://" not in text
    assert "+47" not in text
    assert "BEGIN:VTIMEZONE" in text


def test_open_milestones_on_their_due_date(example: Path, tmp_path: Path) -> None:
    assert "milestone-m-crisis-drill@nordlys.example" not in _events(_calendar(example, tmp_path))
    events = _events(_calendar(example, tmp_path, "--months", "15"))
    drill = events["milestone-m-crisis-drill@nordlys.example"]
    assert drill.decoded("dtstart") == date(2028, 2, 15)
    assert str(drill["summary"]) == (
        "Milestone due: First full crisis drill of the account-takeover protocol"
    )
    assert str(drill["attendee"]) == "mailto:frida.solberg@nordlys.example"
    assert not any(uid.startswith("milestone-m-handbook-live") for uid in events)  # done

    def late(data: dict) -> None:
        entry = next(m for m in data["spec"]["milestones"] if m["id"] == "m-handbook-live")
        entry["status"] = "in_progress"

    edit_yaml(example / "roadmap.yaml", late)
    event = _events(_calendar(example, tmp_path))["milestone-m-handbook-live@nordlys.example"]
    assert event.decoded("dtstart") == date(2026, 11, 25)
    edit_yaml(
        example / "roadmap.yaml", lambda d: d["spec"]["milestones"][3].update(due="2026-11-20")
    )
    event = _events(_calendar(example, tmp_path))["milestone-m-handbook-live@nordlys.example"]
    assert event.decoded("dtstart") == date(2026, 11, 24)
    assert str(event["summary"]).endswith("(overdue since 2026-11-20)")
