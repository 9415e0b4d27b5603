"""Long series: rolling 12-month totals, year-on-year, seasonal profile (pure) and `crime_series`."""

import csv
import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command

from assessment.analysis import Period, add_months
from assessment.series import rolling_12, seasonal_profile, series_months, year_on_year
from tests.assessment.helpers import add_counts, district, fill_period

D = datetime.date


def months(start: D, n: int) -> list[D]:
    return [add_months(start, i) for i in range(n)]


def test_rolling_12_needs_every_month_of_its_window():
    span = months(D(2018, 4, 1), 24)
    counts = {m: i + 1 for i, m in enumerate(span)}  # 1 … 24
    imported = set(span)
    rolling = rolling_12(span, counts, imported)
    assert rolling[:11] == [None] * 11
    assert rolling[11] == sum(range(1, 13)) and rolling[23] == sum(range(13, 25))
    imported.discard(D(2018, 6, 1))  # a gap: every window holding June 2018 is unknown
    gap = rolling_12(span, counts, imported)
    assert gap[11:14] == [None, None, None] and gap[14] == sum(range(4, 16))


def test_year_on_year_and_unknown_months():
    span = months(D(2018, 4, 1), 24)
    counts = dict.fromkeys(span, 10)
    counts[D(2019, 5, 1)] = 15
    rows = year_on_year(span[12:], counts, set(span) - {D(2018, 7, 1)})
    may = rows[1]
    assert (may["count"], may["year_before"], may["change"]) == (15, 10, {"count": 5, "percent": 50.0})
    assert rows[3]["year_before"] is None and rows[3]["change"] is None
    assert year_on_year(span[:1], counts, set(span))[0]["year_before"] is None


def test_seasonal_profile_averages_shares_of_whole_years():
    span = months(D(2018, 4, 1), 24)
    counts = dict.fromkeys(span, 10)
    counts[D(2018, 12, 1)] = 32  # 32 of 142 in year 1; 10 of 120 in year 2
    profile = seasonal_profile(span, counts, set(span))
    assert profile["years"] == 2
    assert [r["name"] for r in profile["rows"]][:2] == ["April", "May"]
    december = next(r for r in profile["rows"] if r["calendar_month"] == 12)
    assert str(december["share"]) == "15.4"  # (22.535… + 8.333…) / 2
    assert seasonal_profile(span[:11], counts, set(span))["rows"][0]["share"] is None


def test_series_months_are_at_most_five_years_from_the_first_data():
    assert len(series_months(D(2020, 3, 1), None)) == 60
    assert series_months(D(2020, 3, 1), D(2018, 4, 1))[0] == D(2018, 4, 1)
    assert series_months(D(2020, 3, 1), D(2021, 1, 1)) == months(D(2015, 4, 1), 60)


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("crime_series", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def two_years(db):
    district()
    fill_period(Period.parse("2018-04", "2019-03"), {"Burglary": 10, "Anti-social behaviour": 5})
    fill_period(Period.parse("2019-04", "2020-03"), {"Burglary": 11, "Drugs": 1, "Anti-social behaviour": 5})
    add_counts(D(2019, 5, 1), {"Burglary": 50}, name="Sevenoaks", code="E07000111")  # another district


@pytest.mark.django_db
def test_crime_series_json_contract(two_years):
    data = json.loads(run("--district", "E07000115", "--from", "2019-02", "--to", "2019-04"))
    assert data == [
        {"month": "2019-02", "count": 10, "rolling_12": None},
        {"month": "2019-03", "count": 10, "rolling_12": 120},
        {"month": "2019-04", "count": 12, "rolling_12": 122},
    ]
    asb = json.loads(
        run(
            "--district",
            "Tonbridge and Malling",
            "--from",
            "2019-04",
            "--to",
            "2019-04",
            "--crime-type",
            "Anti-social behaviour",
        )
    )
    assert asb == [{"month": "2019-04", "count": 5, "rolling_12": 60}]


@pytest.mark.django_db
def test_crime_series_csv_leaves_unknown_rolling_totals_empty(two_years):
    text = run(
        "--district",
        "E07000115",
        "--from",
        "2018-04",
        "--to",
        "2019-03",
        "--format",
        "csv",
        "--crime-type",
        "Burglary",
    )
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["month", "count", "rolling_12"]
    assert rows[1] == ["2018-04", "10", ""] and rows[-1] == ["2019-03", "10", "120"]


@pytest.mark.django_db
def test_crime_series_refuses_an_unknown_type(two_years):
    with pytest.raises(CommandError, match="--crime-type: 'Burglaries' is not a police.uk crime type"):
        run("--district", "E07000115", "--from", "2019-04", "--to", "2019-05", "--crime-type", "Burglaries")
    with pytest.raises(CommandError, match="--district"):
        run("--district", "Nowhere", "--from", "2019-04", "--to", "2019-05")
