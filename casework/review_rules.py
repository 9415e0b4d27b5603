"""Which cases a case-review meeting (the CSU weekly meeting) discusses, and why (pure rules).

A case open on the meeting day is on the agenda for any of these reasons, judged as of that day so
a past meeting's agenda reads as it did then:
- **new**: opened since the series' previous meeting (or within the week before the first);
- **high risk**: its latest risk assessment so far scores high;
- **overdue tasks**: a task due before the day and not done before it;
- **escalated**: its risk was re-scored higher since the previous meeting (an escalation is a rise
  in the risk level, the one signal case work records without a further field);
- **second report**: a victim in it reported behaviour again (an incident or complaint in any of
  their cases) since the previous meeting, within six months of an earlier report.
"""

import datetime
from dataclasses import dataclass, field

FIRST_MEETING_LOOKBACK = datetime.timedelta(days=7)
RISK_ORDER = {"low": 0, "medium": 1, "high": 2}

NEW = "New since the last meeting"
HIGH_RISK = "High risk"
OVERDUE = "Overdue tasks"
ESCALATED = "Risk raised since the last meeting"
SECOND_REPORT = "A victim's second report within six months"
REASONS = (NEW, HIGH_RISK, OVERDUE, ESCALATED, SECOND_REPORT)


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` calendar months earlier (the month's last day when it has fewer)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - day 28 exists in every month


def since_day(meeting_day: datetime.date, previous_day: datetime.date | None) -> datetime.date:
    """The first day counted as "since the last meeting": the day after the previous meeting."""
    if previous_day is None:
        return meeting_day - FIRST_MEETING_LOOKBACK
    return previous_day + datetime.timedelta(days=1)


def is_overdue_on(due_on: datetime.date, done_on: datetime.date | None, day: datetime.date) -> bool:
    """Due before the day and not done before it."""
    return due_on < day and (done_on is None or done_on >= day)


def risk_raised(
    assessments: list[tuple[datetime.date, str]], since: datetime.date, day: datetime.date
) -> bool:
    """Whether a re-score between `since` and `day` (both included) is higher than the one before it.
    `assessments` are (assessed on, level) in any order."""
    ordered = sorted(assessments)
    return any(
        since <= later[0] <= day and RISK_ORDER[later[1]] > RISK_ORDER[earlier[1]]
        for earlier, later in zip(ordered, ordered[1:], strict=False)
    )


def second_report(reports: list[datetime.date], since: datetime.date, day: datetime.date) -> bool:
    """Whether a report between `since` and `day` follows an earlier one within six months."""
    ordered = sorted(reports)
    return any(
        since <= later <= day and earlier >= months_before(later, 6)
        for earlier, later in zip(ordered, ordered[1:], strict=False)
    )


@dataclass
class CaseFacts:
    """What the rules need of one case, as of the meeting day."""

    opened_on: datetime.date
    risk: list[tuple[datetime.date, str]] = field(default_factory=list)
    overdue_tasks: int = 0
    victim_reports: list[list[datetime.date]] = field(default_factory=list)  # per victim


def reasons(facts: CaseFacts, since: datetime.date, day: datetime.date) -> list[str]:
    """Why the case is on the agenda, in the order of `REASONS` (empty: not on it)."""
    found = []
    if since <= facts.opened_on <= day:
        found.append(NEW)
    so_far = sorted(a for a in facts.risk if a[0] <= day)
    if so_far and so_far[-1][1] == "high":
        found.append(HIGH_RISK)
    if facts.overdue_tasks:
        found.append(OVERDUE)
    if risk_raised(so_far, since, day):
        found.append(ESCALATED)
    if any(second_report([d for d in dates if d <= day], since, day) for dates in facts.victim_reports):
        found.append(SECOND_REPORT)
    return found
