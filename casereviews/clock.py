"""The working-day clock (pure, no database): England and Wales bank holidays from the `holidays`
package (subdivisions ENG and WLS, computed offline, no network), weekends skipped.

The step lengths are local procedure, not law: s.104 sets no time limits. The defaults are the ones
one council publishes (acknowledge within 10 working days; the threshold decision within 15 working
days of the acknowledgement; the review meeting within 20 working days of the decision; the
outcome letter 5 working days after the meeting). Each partnership can change them.
"""

import datetime
import enum
from dataclasses import dataclass
from functools import lru_cache

import holidays

LOCAL_PROCEDURE_LABEL = "local procedure, not law"


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[datetime.date]:
    days: set[datetime.date] = set()
    for subdivision in ("ENG", "WLS"):
        days.update(holidays.country_holidays("GB", subdiv=subdivision, years=year).keys())
    return frozenset(days)


def is_bank_holiday(day: datetime.date) -> bool:
    return day in _bank_holidays(day.year)


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and not is_bank_holiday(day)


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date `days` working days after `start` (`start` itself is day 0, counted or not)."""
    if days < 0:
        raise ValueError("Count forward only.")
    day = start
    remaining = days
    while remaining:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days after `start` up to and including `end` (0 when `end` is not after `start`)."""
    count, day = 0, start
    while day < end:
        day += datetime.timedelta(days=1)
        count += is_working_day(day)
    return count


class Step(enum.StrEnum):
    ACKNOWLEDGEMENT = "acknowledgement"
    DECISION = "decision"
    MEETING = "meeting"
    LETTER = "letter"


STEP_LABELS = {
    Step.ACKNOWLEDGEMENT: "Acknowledge the application",
    Step.DECISION: "Decide whether the threshold is met",
    Step.MEETING: "Hold the review meeting",
    Step.LETTER: "Send the outcome letter",
}


@dataclass(frozen=True)
class ClockDays:
    """Working days per step, each counted from the step before (local procedure, not law)."""

    acknowledgement: int = 10  # from the application
    decision: int = 15  # from the acknowledgement
    meeting: int = 20  # from the threshold decision
    letter: int = 5  # from the review meeting


@dataclass(frozen=True)
class StepDue:
    step: Step
    label: str
    due: datetime.date | None  # None until the step it counts from is done
    done_on: datetime.date | None

    def state(self, today: datetime.date) -> str:
        """In words: done (on time or late), due, overdue, or waiting for the step before."""
        if self.done_on is not None:
            late = self.due is not None and self.done_on > self.due
            return "Done late" if late else "Done"
        if self.due is None:
            return "Waiting"
        return "Overdue" if today > self.due else "Due"

    def is_overdue(self, today: datetime.date) -> bool:
        return self.done_on is None and self.due is not None and today > self.due


def schedule(
    days: ClockDays,
    *,
    applied_on: datetime.date,
    acknowledged_on: datetime.date | None,
    decided_on: datetime.date | None,
    threshold_met: bool | None,
    meeting_on: datetime.date | None,
    letter_on: datetime.date | None,
) -> list[StepDue]:
    """Each step's due date and completion. Without a met threshold there is no meeting or letter
    to hold."""
    steps = [
        StepDue(
            Step.ACKNOWLEDGEMENT,
            STEP_LABELS[Step.ACKNOWLEDGEMENT],
            add_working_days(applied_on, days.acknowledgement),
            acknowledged_on,
        ),
        StepDue(
            Step.DECISION,
            STEP_LABELS[Step.DECISION],
            add_working_days(acknowledged_on, days.decision) if acknowledged_on else None,
            decided_on,
        ),
    ]
    if threshold_met is False:
        return steps
    steps.append(
        StepDue(
            Step.MEETING,
            STEP_LABELS[Step.MEETING],
            add_working_days(decided_on, days.meeting) if decided_on and threshold_met else None,
            meeting_on,
        )
    )
    steps.append(
        StepDue(
            Step.LETTER,
            STEP_LABELS[Step.LETTER],
            add_working_days(meeting_on, days.letter) if meeting_on else None,
            letter_on,
        )
    )
    return steps
