"""Pure analysis rules, no database."""

import datetime
from decimal import Decimal

import pytest

from assessment.analysis import (
    Period,
    change,
    compare,
    format_change,
    group_totals,
    harm_rows,
    hotspot_rows,
    parse_month,
    percent_change,
    rates_and_ranks,
    summarise,
)
from crimedata.models import CRIME_TYPES


def test_percent_change_rounds_half_up_to_one_decimal():
    assert percent_change(8394, 8360) == 0.4
    assert percent_change(10005, 10000) == 0.1  # 0.05 rounds up, not to even
    assert percent_change(1693, 1452) == 16.6
    assert percent_change(90, 100) == -10.0
    assert percent_change(5, 0) is None
    assert percent_change(0, 0) is None


def test_change_and_compare():
    assert change(8394, 8360) == {"count": 34, "percent": 0.4}
    assert change(3, 0) == {"count": 3, "percent": None}
    current = {"all_crime": 10, "victim_based": 8, "other_against_society": 2, "asb": 5}
    assert compare(current, None) is None
    assert compare(current, {**current, "asb": 4})["asb"] == {"count": 1, "percent": 25.0}
    assert format_change({"count": -12, "percent": -3.0}) == "−12 (−3.0%)"
    assert format_change({"count": 5, "percent": None}) == "+5 (no previous count)"


def test_group_totals_follow_the_ons_groups():
    by_type = dict.fromkeys(CRIME_TYPES, 1)
    totals = group_totals(by_type)
    assert totals == {"all_crime": 13, "victim_based": 9, "other_against_society": 4, "asb": 1}
    assert totals["all_crime"] == totals["victim_based"] + totals["other_against_society"]


def test_period_previous_and_months():
    period = Period.parse("2019-04", "2020-03")
    assert period.length == 12
    assert period.previous() == Period.parse("2018-04", "2019-03")
    assert period.label == "2019/20"
    odd = Period.parse("2019-11", "2020-01")
    assert [f"{m:%Y-%m}" for m in odd.months()] == ["2019-11", "2019-12", "2020-01"]
    assert odd.previous() == Period.parse("2019-08", "2019-10")
    with pytest.raises(ValueError, match="before it starts"):
        Period.parse("2020-03", "2019-04")
    with pytest.raises(ValueError, match="YYYY-MM"):
        parse_month("2019-13")


def test_summarise_includes_every_type_and_month_with_zeros():
    period = Period.parse("2019-04", "2019-06")
    rows = [
        (datetime.date(2019, 4, 1), "Burglary", 3),
        (datetime.date(2019, 6, 1), "Anti-social behaviour", 2),
        (datetime.date(2019, 7, 1), "Burglary", 100),  # outside the period: ignored
    ]
    result = summarise(rows, period)
    assert list(result["by_crime_type"]) == CRIME_TYPES
    assert result["by_crime_type"]["Drugs"] == 0
    assert result["by_month"] == {"2019-04": 3, "2019-05": 0, "2019-06": 2}
    assert (result["all_crime"], result["victim_based"], result["asb"]) == (3, 3, 2)


def test_harm_weights_change_the_ranking():
    counts = {"Shoplifting": 100, "Violence and sexual offences": 50, "Anti-social behaviour": 999}
    plain = harm_rows(counts, None)
    assert plain[0]["crime_type"] == "Shoplifting"
    assert all(r["crime_type"] != "Anti-social behaviour" for r in plain)
    weighted = harm_rows(
        counts, {"Shoplifting": Decimal("0.5"), "Violence and sexual offences": Decimal("10")}
    )
    assert weighted[0]["crime_type"] == "Violence and sexual offences"
    assert weighted[0]["weighted"] == 500.0
    assert weighted[0]["moved"] == 1  # second by count, first by harm


def test_rates_and_ranks_lowest_first_and_ties_share_a_rank():
    rows = rates_and_ranks(
        {"A": 100, "B": 300, "C": 200, "D": 50}, {"A": 10_000, "B": 10_000, "C": 20_000, "D": None}
    )
    by_area = {r["area"]: r for r in rows}
    assert by_area["A"]["rate"] == 10.0 and by_area["C"]["rate"] == 10.0
    assert by_area["A"]["rank"] == 1 and by_area["C"]["rank"] == 1
    assert by_area["B"]["rank"] == 3
    assert by_area["D"]["rate"] is None and by_area["D"]["rank"] is None
    assert by_area["A"]["of"] == 3


def test_hotspot_rows_top_n_with_change():
    current = {("E1", "X 001A"): 5, ("E2", "X 001B"): 9, ("E3", "X 002A"): 1}
    rows = hotspot_rows(current, {("E2", "X 001B"): 3}, limit=2)
    assert [r["lsoa_code"] for r in rows] == ["E2", "E1"]
    assert rows[0]["change"] == {"count": 6, "percent": 200.0}
    assert rows[1]["change"] == {"count": 5, "percent": None}
