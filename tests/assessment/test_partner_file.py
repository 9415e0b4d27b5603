"""The partner indicator file without the database: headings, periods, values and row checks."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessment.partner_file import (
    FileError,
    check_rows,
    heading_problems,
    number_text,
    parse_figure_lines,
    parse_period,
    parse_value,
)

D = datetime.date
ORGS = {"test police": (1, "Test Police"), "test borough council": (2, "Test Borough Council")}


def test_a_month_a_calendar_quarter_and_a_financial_year():
    month = parse_period("2020-05")
    assert (month.kind, month.start, month.end, month.label) == (
        "month",
        D(2020, 5, 1),
        D(2020, 5, 31),
        "May 2020",
    )
    quarter = parse_period("2020-q1")
    assert (quarter.start, quarter.end, quarter.label) == (D(2020, 1, 1), D(2020, 3, 31), "Q4 2019/20")
    assert quarter.description == "January 2020 – March 2020"
    assert parse_period("2020-Q2").label == "Q1 2020/21"
    year = parse_period(" 2020/21 ")
    assert (year.kind, year.start, year.end, year.label) == ("year", D(2020, 4, 1), D(2021, 3, 31), "2020/21")
    assert parse_period("1999/00").end == D(2000, 3, 31)
    assert parse_period("2020-02").end == D(2020, 2, 29)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("", "is empty"),
        ("2020-13", "no month 13"),
        ("2020-00", "no month 00"),
        ("2020-Q5", "no quarter 5"),
        ("2020/22", "not a financial year"),
        ("2020-21", "no month 21"),
        ("May 2020", "is not a period"),
        ("2020", "is not a period"),
        ("1850-01", "between 1990 and 2100"),
        ("2020-5", "is not a period"),
        ("2020-05-01", "is a date, not a period"),
    ],
)
def test_periods_that_are_refused_say_why(text, why):
    with pytest.raises(FileError, match=why):
        parse_period(text)


def test_values_are_decimal_numbers():
    assert parse_value("42") == Decimal("42.00")
    assert parse_value("1,234.5") == Decimal("1234.50")
    assert parse_value("-3") == Decimal("-3.00")
    assert parse_value("12.500") == Decimal("12.50")
    for text, why in [
        ("", "is empty"),
        ("12%", "not a number"),
        ("1.234", "more than 2 decimal places"),
        ("twelve", "not a number"),
        ("1,23", "not a number"),
        ("1e5", "not a number"),
        ("1000000000000", "too large"),
    ]:
        with pytest.raises(FileError, match=why):
            parse_value(text)


def test_headings_must_be_exactly_the_four_in_order():
    assert heading_problems(["Indicator", "Period", "Value", "Organisation", ""]) == []
    assert heading_problems(["Indicator", "Value", "Period", "Organisation"])
    (problem,) = heading_problems(["indicator", "period", "value", "organisation"])
    assert str(problem).startswith(
        "Row 1: the headings must be exactly Indicator, Period, Value, Organisation"
    )
    assert heading_problems(["Indicator", "Period", "Value"])


def _rows(*rows):
    return [(n, list(r)) for n, r in enumerate(rows, start=2)]


def test_rows_are_checked_all_at_once_with_row_and_column():
    checked, problems = check_rows(
        _rows(
            ["Referrals", "2020-05", "12", "test police"],
            ["Referrals", "2020-13", "x", "Nobody"],
            ["", "", "", ""],
            ["", "2020/21", "3", "Test Police"],
        ),
        organisations=ORGS,
        allowed=None,
        known_names={},
    )
    assert [c.row for c in checked] == [2]
    assert checked[0].organisation == "Test Police"
    assert [str(p) for p in problems] == [
        'Row 3, column Period: "2020-13" has no month 13; months are 01 to 12.',
        'Row 3, column Value: "x" is not a number; write digits only, such as 42, 1,234 or 12.5.',
        'Row 3, column Organisation: "Nobody" is not one of the partnership\'s organisations.',
        "Row 5, column Indicator: is empty; name the indicator.",
    ]


def test_names_are_reused_duplicates_refused_and_lead_officers_kept_to_their_organisation():
    checked, problems = check_rows(
        _rows(
            ["REFERRALS", "2020-05", "12", "Test Police"],
            ["referrals", "2020-05", "13", "test police"],
            ["New one", "2020-Q1", "1", "Test Police"],
            ["new ONE", "2020-Q2", "2", "Test Police"],
            ["Referrals", "2020-05", "4", "Test Borough Council"],
        ),
        organisations=ORGS,
        allowed={1},
        known_names={"referrals": "Referrals"},
    )
    assert [(c.row, c.indicator) for c in checked] == [(2, "Referrals"), (4, "New one"), (5, "New one")]
    assert [str(p) for p in problems] == [
        "Row 3: repeats row 2: Referrals, 2020-05, Test Police may appear only once.",
        "Row 6, column Organisation: you can give figures only for your own organisation, not Test Borough Council.",
    ]


def test_an_empty_file_is_a_problem_and_formula_guards_are_undone():
    assert [str(p) for p in check_rows([], organisations=ORGS, allowed=None, known_names={})[1]] == [
        "The file has no figures below its headings."
    ]
    checked, _ = check_rows(
        _rows(["'=Referrals", "2020-05", "5", "Test Police"]),
        organisations=ORGS,
        allowed=None,
        known_names={},
    )
    assert checked[0].indicator == "=Referrals"


def test_figure_lines_of_a_request():
    figures, problems = parse_figure_lines(
        "Referrals, 2020/21\n\nRepeat victims, of DA, 2020-Q4\nreferrals, 2020/21\nNo period\nBad, 2020-14"
    )
    assert [(name, period.label) for name, period in figures] == [
        ("Referrals", "2020/21"),
        ("Repeat victims, of DA", "Q3 2020/21"),
    ]
    assert problems == [
        'Line 5: write the indicator, a comma and the period, e.g. "Referrals, 2020/21".',
        'Line 6: the period "2020-14" has no month 14; months are 01 to 12.',
    ]
    assert parse_figure_lines("  \n") == ([], ["Name at least one figure."])


def test_numbers_show_as_the_pages_show_them():
    assert (number_text(Decimal("1234.00")), number_text(Decimal("12.50")), number_text(None)) == (
        "1,234",
        "12.5",
        "",
    )


@given(st.integers(min_value=1990, max_value=2100), st.integers(min_value=1, max_value=12))
def test_every_month_parses_to_its_own_first_and_last_day(year, month):
    period = parse_period(f"{year}-{month:02d}")
    assert period.start == D(year, month, 1)
    assert period.end.month == month and (period.end + datetime.timedelta(days=1)).day == 1


@given(st.integers(min_value=1990, max_value=2100), st.integers(min_value=1, max_value=4))
def test_quarters_are_three_months_inside_their_financial_year_label(year, number):
    period = parse_period(f"{year}-Q{number}")
    assert (period.end.year, period.end.month - period.start.month) == (year, 2)
    first = int(period.label.split()[1][:4])
    assert D(first, 4, 1) <= period.start <= D(first + 1, 3, 31)


@given(st.decimals(min_value=-(10**11), max_value=10**11, places=2, allow_nan=False, allow_infinity=False))
def test_a_written_value_reads_back_the_same(value):
    assert parse_value(f"{value:f}") == value
    assert parse_value(f"{value:,.2f}") == value
