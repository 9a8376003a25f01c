"""The posture over time: at each point (a date), the policy repository as last committed on or
before it, checked as on that date, and counted: findings per area, controls satisfied,
overdue reviews and accounts per owner status.

Every count is of findings that are not waived (a waiver is a risk accepted on purpose, listed
in the posture report). Each commit is read from Git once, however many points it serves; the
branch's history is walked once, and no further back than the first point needs.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import git

from ..checker import CheckResult, run_check, select_rules
from ..findings import RULE_NOT_RUN
from ..git.history import State, state_at
from ..git.refs import GitProblem, is_shallow, missing_history, open_repo, repo_root
from ..loading.repository import Repository
from ..model.governance import Governance
from ..rules import files_read
from ..rules._accounts import in_use
from .build import control_rows

EVERY = ("month", "week")
"""How far apart the points are."""

MAX_POINTS = 260
"""The most points a trend has (five years of weeks, twenty-one of months): bounded work."""

AREAS: tuple[tuple[str, str, str], ...] = (
    ("GK001", "GK099", "Valid files"),
    ("GK100", "GK199", "Policy documents"),
    ("GK200", "GK299", "Account ownership"),
    ("GK300", "GK399", "Access and credentials"),
    ("GK400", "GK499", "Continuity"),
    ("GK500", "GK599", "Training"),
    ("GK600", "GK699", "Moderation and escalation"),
    ("GK700", "GK799", "Scope and registry"),
    ("GK800", "GK899", "Approvals"),
    ("GK900", "GK949", "Waivers"),
    ("GK950", "GK999", "Changes and handbook"),
)
"""Rule code ranges (first, last, inclusive) and the area of governance their rules judge."""

OVERDUE = (("policy reviews", "GK101"), ("access reviews", "GK302"))
"""Overdue reviews: of policy documents (GK101 review-overdue) and of account access lists
(GK302 access-review-overdue)."""

OWNER_STATUSES = ("owned", "owner leaving", "owner not on roster", "no owner")
"""Where an account in use (active or dormant) stands, the first that applies, read from the
model as on the point's date: 'no owner' (no business_owner), 'owner not on roster' (the
business owner is no person of the roster), 'owner leaving' (the business owner has left, or
leaves within the leaving horizon of Settings, as GK203 judges), else 'owned'."""


@dataclass(frozen=True)
class Point:
    """The posture on one date. `controls`: control id -> satisfied (no finding that is not
    waived from a rule serving it), None when no rule serves it or the files were invalid.
    `overdue` and `owners` are None when the policy files did not validate at that commit."""

    day: dt.date
    commit: str
    committed: dt.date
    valid: bool
    areas: dict[str, int]
    controls: dict[str, bool | None]
    overdue: dict[str, int] | None
    owners: dict[str, int] | None


@dataclass
class Trend:
    """Points from `since` to `until`, `every` month or week; points before the branch's first
    commit are left out (`first_commit` says when the history starts)."""

    since: dt.date
    until: dt.date
    every: str
    points: list[Point] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)
    """Every control of any point, in report order, with its title (from the latest point)."""
    first_commit: dt.date | None = None


class TooManyPoints(ValueError):
    """The period holds more than MAX_POINTS points."""


def area_of(code: str) -> str:
    """The area of a rule code; codes outside every range (none today) are 'Other'."""
    for first, last, name in AREAS:
        if first <= code <= last:
            return name
    return "Other"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day when it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def point_days(since: dt.date, until: dt.date, every: str) -> list[dt.date]:
    """`since`, then every month (the same day of the month) or week after it up to `until`;
    `until` is the last point. TooManyPoints above MAX_POINTS."""
    days: list[dt.date] = []
    step = 0
    while True:
        day = add_months(since, step) if every == "month" else since + dt.timedelta(weeks=step)
        if day > until:
            break
        days.append(day)
        if len(days) > MAX_POINTS:
            raise TooManyPoints(f"more than {MAX_POINTS} points from {since} to {until}")
        step += 1
    if days[-1] != until:
        days.append(until)
    if len(days) > MAX_POINTS:
        raise TooManyPoints(f"more than {MAX_POINTS} points from {since} to {until}")
    return days


def commits_on(policy_path: Path, days: list[dt.date]) -> tuple[list[git.Commit | None], dt.date]:
    """For each day (ascending), the commit `history.commit_on` gives, or None before the
    first commit; and the date of the first commit. One walk of the current branch, stopped
    at the first commit on or before the first day."""
    repo = open_repo(policy_path)
    walked: list[git.Commit] = []
    earliest: list[dt.date] = []  # the earliest commit date so far, for bisecting
    try:
        for commit in repo.iter_commits("HEAD", first_parent=True):
            committed = commit.committed_datetime.date()
            walked.append(commit)
            earliest.append(min(committed, earliest[-1]) if earliest else committed)
            if committed <= days[0]:
                break
    except (git.GitCommandError, ValueError):
        if not walked:
            raise GitProblem(f"{repo_root(repo)}: the current branch has no commits") from None
        raise missing_history(repo, "the history of the current branch cannot be read") from None
    if earliest[-1] > days[0] and is_shallow(repo):
        raise missing_history(repo, f"no commit on or before {days[0].isoformat()}")
    descending = [-day.toordinal() for day in earliest]
    found = []
    for day in days:
        index = bisect.bisect_left(descending, -day.toordinal())
        found.append(walked[index] if index < len(walked) else None)
    return found, earliest[-1]


def build_trend(policy_path: Path, since: dt.date, until: dt.date, every: str) -> Trend:
    """The trend of the policy repository at `policy_path` (GitProblem when its history
    cannot be read; TooManyPoints)."""
    days = point_days(since, until, every)
    commits, first = commits_on(policy_path, days)
    trend = Trend(since, until, every, first_commit=first)
    states: dict[str, State] = {}
    for day, commit in zip(days, commits, strict=True):
        if commit is None:
            continue
        if commit.hexsha not in states:
            states[commit.hexsha] = state_at(policy_path, commit, files_read())
        state = states[commit.hexsha]
        result = run_check(state.repository, day, select_rules(), state.files)
        trend.points.append(measure(state, result, trend.titles))
    trend.titles = {ident: trend.titles[ident] for ident in _control_order(trend)}
    return trend


def _control_order(trend: Trend) -> list[str]:
    """Controls of the latest point in its order, then those only earlier points had."""
    order: list[str] = []
    for point in reversed(trend.points):
        order += [ident for ident in point.controls if ident not in order]
    return order


def measure(state: State, result: CheckResult, titles: dict[str, str]) -> Point:
    """The counts of one point; control titles are noted in `titles`."""
    repository = state.repository
    counted = [finding for finding in result.active if finding.code != RULE_NOT_RUN]
    areas = Counter(area_of(finding.code) for finding in counted)  # GK004 is no problem found
    codes = Counter(finding.code for finding in result.active)
    valid = not result.invalid
    return Point(
        day=result.today,
        commit=state.commit.hexsha[:12],
        committed=state.commit.committed_datetime.date(),
        valid=valid,
        areas={name: areas.get(name, 0) for _, _, name in AREAS},
        controls=satisfied(repository, result, titles),
        overdue={name: codes.get(code, 0) for name, code in OVERDUE} if valid else None,
        owners=owner_counts(repository.governance, result.today) if valid else None,
    )


def satisfied(
    repository: Repository, result: CheckResult, titles: dict[str, str]
) -> dict[str, bool | None]:
    """Control id -> whether every rule serving it found nothing that is not waived."""
    found: dict[str, bool | None] = {}
    for row in control_rows(repository.governance, result, repository.root, set()):
        titles[row.id] = row.title
        if result.invalid or not row.rules:
            found[row.id] = None
        else:
            found[row.id] = all(rule.findings == rule.waived for rule in row.rules)
    return found


def owner_counts(governance: Governance, day: dt.date) -> dict[str, int]:
    """Accounts in use per owner status (see OWNER_STATUSES)."""
    horizon = governance.settings.leaving_horizon_days
    counts: Counter[str] = Counter()
    for account, _ in in_use(governance):
        owner = account.business_owner
        person = governance.people.get(owner) if owner else None
        if owner is None:
            counts["no owner"] += 1
        elif person is None:
            counts["owner not on roster"] += 1
        elif person.departure(day, horizon):
            counts["owner leaving"] += 1
        else:
            counts["owned"] += 1
    return {status: counts.get(status, 0) for status in OWNER_STATUSES}
