"""s.104(11): calendar-month periods beginning with the day of the behaviour or complaint."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casereviews.periods import complaint_qualifies, period_end, why_not_qualifying, within_months

D = datetime.date


@pytest.mark.parametrize(
    "behaviour, complaint, application, expected",
    [
        (D(2019, 1, 31), D(2019, 2, 28), D(2019, 3, 1), True),  # no 31 February: the month's last day
        (D(2019, 1, 31), D(2019, 3, 3), D(2019, 3, 4), False),  # past the end of February
        (D(2019, 1, 31), D(2019, 3, 1), D(2019, 3, 4), False),
        (D(2020, 1, 31), D(2020, 2, 29), D(2020, 3, 1), True),  # leap year
        (D(2019, 1, 15), D(2019, 2, 14), D(2019, 3, 1), True),  # the day before the corresponding date
        (D(2019, 1, 15), D(2019, 2, 15), D(2019, 3, 1), False),  # the corresponding date is outside
        (D(2019, 3, 1), D(2019, 3, 31), D(2019, 4, 1), True),
        (D(2019, 3, 1), D(2019, 4, 1), D(2019, 4, 2), False),
        (D(2019, 5, 10), D(2019, 5, 10), D(2019, 5, 10), True),  # the same day begins both periods
        (D(2019, 5, 10), D(2019, 5, 9), D(2019, 6, 1), False),  # complaint before the behaviour
        (D(2019, 5, 10), D(2019, 5, 12), D(2019, 5, 11), False),  # application before the complaint
        # the application: six months beginning with the complaint
        (D(2019, 5, 1), D(2019, 5, 12), D(2019, 11, 11), True),
        (D(2019, 5, 1), D(2019, 5, 12), D(2019, 11, 12), False),
        (D(2019, 5, 1), D(2019, 5, 12), D(2019, 12, 12), False),  # seven months after the complaint
        (D(2019, 8, 31), D(2019, 8, 31), D(2020, 2, 29), True),  # no 31 February 2020: its last day
        (D(2019, 8, 31), D(2019, 8, 31), D(2020, 3, 1), False),
        (D(2019, 1, 15), D(2019, 1, 15), D(2019, 7, 14), True),  # ADR 0021's boundary day
        (D(2019, 1, 15), D(2019, 1, 15), D(2019, 7, 15), False),
    ],
)
def test_complaint_qualifies(behaviour, complaint, application, expected):
    assert complaint_qualifies(behaviour, complaint, application) is expected
    assert (why_not_qualifying(behaviour, complaint, application) == "") is expected


def test_reasons_name_the_subsection_and_the_last_day():
    assert "28 February 2019" in why_not_qualifying(D(2019, 1, 31), D(2019, 3, 3), D(2019, 3, 4))
    assert "s.104(11)(a)" in why_not_qualifying(D(2019, 1, 31), D(2019, 3, 3), D(2019, 3, 4))
    assert "s.104(11)(b)" in why_not_qualifying(D(2019, 5, 1), D(2019, 5, 12), D(2019, 12, 12))


def test_period_end_refuses_less_than_a_month():
    with pytest.raises(ValueError):
        period_end(D(2019, 1, 1), 0)


dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 12, 31))


@given(dates, st.integers(min_value=1, max_value=24))
def test_a_period_is_between_28_days_a_month_and_31_days_a_month_long(start, months):
    end = period_end(start, months)
    length = (end - start).days + 1
    assert 28 * months - 3 <= length <= 31 * months + 1
    assert within_months(start, end, months)
    assert not within_months(start, end + datetime.timedelta(days=1), months)
    assert within_months(start, start, months)
    assert not within_months(start, start - datetime.timedelta(days=1), months)


@given(dates, dates)
def test_later_starts_never_end_earlier(first, second):
    low, high = sorted((first, second))
    assert period_end(low, 1) <= period_end(high, 1)


@given(dates, st.integers(0, 400), st.integers(0, 400))
def test_qualifies_is_the_two_windows(behaviour, after_behaviour, after_complaint):
    complaint = behaviour + datetime.timedelta(days=after_behaviour)
    application = complaint + datetime.timedelta(days=after_complaint)
    expected = after_behaviour < 28 or complaint <= period_end(behaviour, 1)
    expected = expected and (after_behaviour <= 30) and application <= period_end(complaint, 6)
    assert complaint_qualifies(behaviour, complaint, application) is expected
