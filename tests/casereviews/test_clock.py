"""The working-day clock skips weekends and England and Wales bank holidays (2019–2027)."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casereviews.clock import (
    ClockDays,
    Step,
    add_working_days,
    is_bank_holiday,
    is_working_day,
    schedule,
    working_days_between,
)

D = datetime.date

# England and Wales bank holidays by year (gov.uk), written out so the package is checked too.
BANK_HOLIDAYS = {
    2019: ["01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26"],
    2020: ["01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"],
    2021: ["01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"],
    2022: ["01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29", "09-19", "12-26", "12-27"],
    2023: ["01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26"],
    2024: ["01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"],
    2025: ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"],
    2026: ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"],
    2027: ["01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"],
}
ALL = [D(year, int(day[:2]), int(day[3:])) for year, days in BANK_HOLIDAYS.items() for day in days]


@pytest.mark.parametrize("day", ALL, ids=str)
def test_every_weekday_bank_holiday_is_not_a_working_day(day):
    assert day.weekday() < 5
    assert not is_working_day(day)


@pytest.mark.parametrize("year", range(2019, 2028))
def test_the_year_has_its_bank_holidays_and_no_other_weekday_closures(year):
    closed = {
        d
        for d in (D(year, 1, 1) + datetime.timedelta(days=n) for n in range(366))
        if d.year == year and d.weekday() < 5 and not is_working_day(d)
    }
    assert closed == {d for d in ALL if d.year == year}


def test_examples():
    # Friday 19 April 2019 (Good Friday) and Monday 22 April (Easter Monday) are skipped.
    assert add_working_days(D(2019, 4, 18), 1) == D(2019, 4, 23)
    # Christmas 2020: Friday 25th, Saturday, Sunday, Monday 28th (Boxing Day substitute).
    assert add_working_days(D(2020, 12, 24), 1) == D(2020, 12, 29)
    # Ten working days from Monday 3 June 2019 is Monday 17 June.
    assert add_working_days(D(2019, 6, 3), 10) == D(2019, 6, 17)
    # The late May bank holiday 2019 (27 May) moves it by one day.
    assert add_working_days(D(2019, 5, 20), 10) == D(2019, 6, 4)
    assert add_working_days(D(2019, 6, 3), 0) == D(2019, 6, 3)
    assert is_bank_holiday(D(2022, 9, 19))  # the State Funeral of Queen Elizabeth II
    with pytest.raises(ValueError):
        add_working_days(D(2019, 6, 3), -1)


@given(st.dates(D(2019, 1, 1), D(2027, 11, 30)), st.integers(0, 40))
def test_the_result_is_a_working_day_that_many_working_days_on(start, days):
    end = add_working_days(start, days)
    assert working_days_between(start, end) == days
    if days:
        assert is_working_day(end)
        assert end.weekday() < 5
        assert end > start
        # calendar days: at least the working days, at most two weeks more than twice as many
        assert days <= (end - start).days <= 2 * days + 14


def test_schedule_counts_each_step_from_the_one_before():
    steps = schedule(
        ClockDays(),
        applied_on=D(2019, 6, 3),
        acknowledged_on=D(2019, 6, 5),
        decided_on=D(2019, 6, 20),
        threshold_met=True,
        meeting_on=None,
        letter_on=None,
    )
    due = {s.step: s.due for s in steps}
    assert due[Step.ACKNOWLEDGEMENT] == D(2019, 6, 17)
    assert due[Step.DECISION] == add_working_days(D(2019, 6, 5), 15)
    assert due[Step.MEETING] == add_working_days(D(2019, 6, 20), 20)
    assert due[Step.LETTER] is None
    states = {s.step: s.state(D(2019, 8, 1)) for s in steps}
    assert states == {
        Step.ACKNOWLEDGEMENT: "Done",
        Step.DECISION: "Done",
        Step.MEETING: "Overdue",
        Step.LETTER: "Waiting",
    }


def test_no_meeting_or_letter_when_the_threshold_is_not_met():
    steps = schedule(
        ClockDays(),
        applied_on=D(2019, 6, 3),
        acknowledged_on=D(2019, 6, 20),
        decided_on=None,
        threshold_met=False,
        meeting_on=None,
        letter_on=None,
    )
    assert [s.step for s in steps] == [Step.ACKNOWLEDGEMENT, Step.DECISION]
    assert steps[0].state(D(2019, 7, 1)) == "Done late"
