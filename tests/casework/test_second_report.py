"""The second-report prompt's rule (pure, no database): six calendar months beginning with the
report before, counted since the latest explanation."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casework.second_report import second_report_on

D = datetime.date


@pytest.mark.parametrize(
    ("reports", "explained", "expected"),
    [
        ([], [], None),
        ([D(2020, 1, 1)], [], None),
        ([D(2020, 1, 1), D(2020, 6, 30)], [], D(2020, 6, 30)),  # the last day of the six months
        ([D(2020, 1, 1), D(2020, 7, 1)], [], None),  # the corresponding date is outside
        ([D(2019, 8, 31), D(2020, 2, 29)], [], D(2020, 2, 29)),  # no 31 February: the month's last day
        ([D(2019, 8, 31), D(2020, 3, 1)], [], None),
        ([D(2020, 7, 1), D(2020, 1, 1), D(2020, 9, 1)], [], D(2020, 9, 1)),  # any order
        ([D(2020, 1, 1), D(2020, 2, 1)], [D(2020, 2, 1)], None),  # explained the day of the report
        ([D(2020, 1, 1), D(2020, 2, 1), D(2020, 3, 1)], [D(2020, 2, 10)], None),  # one report since
        ([D(2020, 1, 1), D(2020, 2, 1), D(2020, 3, 1), D(2020, 4, 1)], [D(2020, 2, 10)], D(2020, 4, 1)),
    ],
)
def test_second_report_within_six_months(reports, explained, expected):
    assert second_report_on(reports, explained) == expected


@given(
    st.lists(st.dates(D(2015, 1, 1), D(2030, 12, 31)), max_size=8),
    st.lists(st.dates(D(2015, 1, 1), D(2030, 12, 31)), max_size=3),
)
def test_the_prompt_is_a_report_made_after_every_explanation(reports, explained):
    found = second_report_on(reports, explained)
    if found is not None:
        assert found in reports
        assert all(found > day for day in explained)
        assert second_report_on(reports, [*explained, found]) != found
