"""Update rounds' calendar rules: pure functions, no database.

A round is due on its period's due date, or on one the coordinator sets on opening when that date
has passed (by default 14 days from the opening day). Round notices go while the round is open and
not yet due; a reminder once, N days or fewer before the due date; one chaser on the first run after
it; and, when the partnership wants it, a digest to coordinators on Mondays.
"""

import datetime

DEFAULT_GRACE_DAYS = 14


class PastDueDate(ValueError):
    """A due date chosen on opening is before the opening day."""


def opening_due_date(
    period_due: datetime.date, chosen: datetime.date | None, today: datetime.date
) -> datetime.date:
    """The due date of a round opened `today`."""
    if chosen is not None:
        if chosen < today:
            raise PastDueDate(chosen)
        return chosen
    if period_due >= today:
        return period_due
    return today + datetime.timedelta(days=DEFAULT_GRACE_DAYS)


def sends_round_notice(due: datetime.date, today: datetime.date) -> bool:
    """Round notices (to lead officers who have not had one) go until the due date."""
    return today <= due


def sends_reminder(due: datetime.date, today: datetime.date, reminder_days: int) -> bool:
    """The reminder goes on a run from `reminder_days` before the due date up to the due date."""
    return due - datetime.timedelta(days=reminder_days) <= today <= due


def sends_chaser(due: datetime.date, today: datetime.date) -> bool:
    """The chaser goes on the first run after the due date (its claim stops a second one)."""
    return today > due


def digest_week(today: datetime.date, weekly_digest: bool) -> datetime.date | None:
    """The Monday whose digest goes today, or None (not a Monday, or no digests wanted)."""
    return today if weekly_digest and today.weekday() == 0 else None


def is_late(received_on: datetime.date | None, due: datetime.date, today: datetime.date) -> bool:
    """Received after the due date, or still missing after it."""
    return received_on > due if received_on is not None else today > due


def due_in_words(due: datetime.date, today: datetime.date) -> str:
    """A round's due date as status words: "due in 5 days", "due today", "overdue by 3 days"."""
    days = (due - today).days
    if days == 0:
        return "due today"
    if days > 0:
        return f"due in {days} day{'s' if days != 1 else ''}"
    return f"overdue by {-days} day{'s' if days != -1 else ''}"
