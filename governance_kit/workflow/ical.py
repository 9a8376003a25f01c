"""An iCalendar file of governance dates: policy reviews, access reviews, handover deadlines,
roadmap milestones and the moderation rota as weekly recurring events (`govkit calendar`).

UIDs are derived from ids, so importing a newer file updates the events instead of doubling
them. Nothing confidential goes in: names, work e-mail addresses and ids only.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar, Event, vCalAddress, vText

from .. import output as out
from ..model.common import WEEKDAYS, Period
from ..model.governance import Governance
from ..model.moderation import ModerationPolicy
from ..model.roadmap import OPEN
from ..model.scope import Scope

PRODID = "-//governance-kit//govkit calendar//EN"
BYDAY = {"mon": "MO", "tue": "TU", "wed": "WE", "thu": "TH", "fri": "FR", "sat": "SA", "sun": "SU"}


class CalendarProblem(Exception):
    """Something in the model that cannot go in a calendar; one line for the user."""


def build_calendar(governance: Governance, today: date, months: int = 12) -> Calendar:
    """Every governance date from `today` to `months` ahead, and the rota."""
    horizon = Period(months=months).after(today)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Social media governance")
    stamp = datetime.combine(today, time(0, 0), tzinfo=UTC)
    domain = _domain(governance)
    events = [
        *_policy_reviews(governance, today, horizon, domain),
        *_access_reviews(governance, today, horizon, domain),
        *_handovers(governance, today, horizon, domain),
        *_milestones(governance, today, horizon, domain),
        *_rota(governance, today, domain),
    ]
    for event in events:
        event.add("dtstamp", stamp)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar


def _domain(governance: Governance) -> str:
    scope = governance.spec(Scope)
    if scope is not None and "@" in scope.organisation.contact:
        return scope.organisation.contact.split("@", 1)[1]
    return "governance-kit.invalid"


def _all_day(uid: str, day: date, summary: str, description: str) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("summary", out.terminal(summary))
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("description", out.terminal(description))
    event.add("transp", "TRANSPARENT")
    return event


def _attend(event: Event, governance: Governance, person_id: str | None) -> None:
    person = governance.people.get(person_id or "")
    if person is None:
        return
    attendee = vCalAddress(f"mailto:{out.terminal(person.email)}")
    attendee.params["cn"] = vText(out.terminal(person.name))
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    event.add("attendee", attendee, encode=0)


def _policy_reviews(governance: Governance, today: date, horizon: date, domain: str) -> list[Event]:
    events = []
    for document in governance.policies:
        meta = document.model.metadata
        if meta.status == "retired":
            continue
        due = meta.next_review()
        if due > horizon:
            continue
        overdue = f" (overdue since {due})" if due < today else ""
        event = _all_day(
            f"policy-review-{meta.id}@{domain}",
            max(due, today),
            f"Review due: {meta.title}{overdue}",
            f"Review '{meta.id}' with its owner and record it: govkit review {meta.id} --by PERSON",
        )
        _attend(event, governance, meta.owner)
        events.append(event)
    return events


def _access_reviews(governance: Governance, today: date, horizon: date, domain: str) -> list[Event]:
    settings = governance.settings
    events = []
    for account in governance.accounts.values():
        if account.status == "archived":
            continue
        admin = any(a.level == "admin" for a in account.access)
        interval = settings.admin_access_review if admin else settings.access_review
        last = account.last_access_review
        due = Period.parse(interval).after(last) if last else today
        if due > horizon:
            continue
        overdue = f" (overdue since {due})" if due < today else ""
        event = _all_day(
            f"access-review-{account.id}@{domain}",
            max(due, today),
            f"Access review: {account.id}{overdue}",
            f"Review who has access to {account.handle} ({account.platform}) and record "
            "the date as last_access_review in the account registry.",
        )
        _attend(event, governance, account.business_owner)
        events.append(event)
    return events


def _handovers(governance: Governance, today: date, horizon: date, domain: str) -> list[Event]:
    events = []
    for handover in governance.handovers.values():
        if handover.status != "in-progress" or handover.deadline > horizon:
            continue
        accounts = ", ".join(handover.accounts) or "no accounts"
        event = _all_day(
            f"handover-{handover.id}@{domain}",
            handover.deadline,
            f"Handover deadline: {handover.person} to {handover.successor}",
            f"Complete handover '{handover.id}' ({accounts}) and mark it done.",
        )
        _attend(event, governance, handover.person)
        _attend(event, governance, handover.successor)
        events.append(event)
    return events


def _milestones(governance: Governance, today: date, horizon: date, domain: str) -> list[Event]:
    """Open milestones of in-force roadmaps, on their due date (today when overdue)."""
    events = []
    for milestone, where in governance.located("milestone"):
        roadmap = where.document.model.metadata
        if roadmap.status != "in-force" or milestone.status not in OPEN:
            continue
        if milestone.due > horizon:
            continue
        overdue = f" (overdue since {milestone.due})" if milestone.due < today else ""
        event = _all_day(
            f"milestone-{milestone.id}@{domain}",
            max(milestone.due, today),
            f"Milestone due: {milestone.title}{overdue}",
            f"Milestone '{milestone.id}' of '{roadmap.id}': mark it done with done_on, agree a "
            "new due date, or drop it with a note.",
        )
        _attend(event, governance, milestone.owner)
        events.append(event)
    return events


def _rota(governance: Governance, today: date, domain: str) -> list[Event]:
    moderation = governance.spec(ModerationPolicy)
    if moderation is None:
        return []
    try:
        zone = ZoneInfo(moderation.rota.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise CalendarProblem(
            f"rota time zone '{moderation.rota.timezone}' is not an IANA time zone"
        ) from None
    events = []
    for index, shift in enumerate(moderation.rota.shifts, start=1):
        first = _first_day(today, shift.days)
        start = datetime.combine(first, _clock(shift.start), tzinfo=zone)
        end = datetime.combine(first, time(0, 0), tzinfo=zone) + _offset(shift.start, shift.end)
        person = governance.people.get(shift.person)
        name = person.name if person else shift.person
        channels = ", ".join(shift.channels) or "every channel"
        event = Event()
        event.add("uid", f"rota-shift-{index}@{domain}")
        event.add("summary", out.terminal(f"On call: {name}"))
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("rrule", {"FREQ": "WEEKLY", "BYDAY": [BYDAY[d] for d in _ordered(shift.days)]})
        event.add("description", out.terminal(f"Moderation rota: {channels}."))
        _attend(event, governance, shift.person)
        events.append(event)
    return events


def _ordered(days: list[Any]) -> list[str]:
    return [d for d in WEEKDAYS if d in days]


def _first_day(today: date, days: list[Any]) -> date:
    for step in range(7):
        day = today + timedelta(days=step)
        if WEEKDAYS[day.weekday()] in days:
            return day
    return today


def _clock(text: str) -> time:
    if text == "24:00":
        return time(0, 0)
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def _offset(start: str, end: str) -> timedelta:
    """From midnight of the first day to the end of the shift (past midnight if end <= start)."""
    begin = _minutes(start)
    finish = _minutes(end)
    if finish <= begin:
        finish += 24 * 60
    return timedelta(minutes=finish)


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)
