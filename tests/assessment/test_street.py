"""Hotspots by crime type (LSOA and repeat location), outcomes, and `crime_hotspots`."""

import csv
import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command

from assessment.analysis import Period
from assessment.selectors import DistrictRef
from assessment.selectors.street import lsoa_population, street_aggregates
from assessment.street import (
    StreetAggregates,
    location_hotspots,
    lsoa_hotspots,
    outcome_categories,
    outcome_rows,
)
from crimedata.models import PopulationFigure, PopulationTable
from tests.assessment.helpers import district
from tests.assessment.street_helpers import street, write_months

APR, MAY, MAR = datetime.date(2019, 4, 1), datetime.date(2019, 5, 1), datetime.date(2019, 3, 1)
PERIOD = Period(APR, MAY)  # previous: February and March 2019


def test_lsoa_hotspots_filter_by_type_and_rank_ties_by_code():
    agg = StreetAggregates(
        True,
        (
            ("E01000002", "B", "Burglary", 4, 1),
            ("E01000001", "A", "Burglary", 4, 0),
            ("E01000001", "A", "Anti-social behaviour", 50, 40),
            ("E01000003", "C", "Burglary", 0, 7),
        ),
        (),
        (),
    )
    rows = lsoa_hotspots(agg, ["Burglary"], population={"E01000001": 1600})
    assert [(r["code"], r["count"], r["previous"], r["rate_per_1000"]) for r in rows] == [
        ("E01000001", 4, 0, 2.5),
        ("E01000002", 4, 1, None),
    ]
    assert lsoa_hotspots(agg, ["Anti-social behaviour"], top=1)[0]["count"] == 50
    assert list(rows[0]) == ["code", "name", "count", "previous", "rate_per_1000"]


def test_outcome_groups_and_shares():
    agg = StreetAggregates(
        True,
        (),
        (),
        (
            ("Burglary", "Investigation complete; no suspect identified", 6),
            ("Burglary", "Awaiting court outcome", 2),
            ("Burglary", "A category police.uk adds later", 2),
            ("Drugs", "Offender given a drugs possession warning", 5),
            ("Anti-social behaviour", None, 9),
        ),
    )
    rows = outcome_rows(agg)
    assert [r["crime_type"] for r in rows] == ["Burglary", "Drugs", "All crime"]
    burglary = {g["key"]: (g["count"], str(g["share"])) for g in rows[0]["groups"]}
    assert burglary["no_suspect"] == (6, "60.0") and burglary["charged"] == (2, "20.0")
    assert burglary["other"] == (2, "20.0")
    assert rows[-1]["count"] == 15
    categories = outcome_categories(agg)
    assert categories[0] == {
        "category": "Investigation complete; no suspect identified",
        "group": "No suspect identified",
        "count": 6,
        "share": categories[0]["share"],
    }
    assert outcome_rows(StreetAggregates(True, (), (), ())) == []


@pytest.fixture
def files(db, settings, tmp_path):
    settings.CRIME_DATA_DIR = tmp_path
    district()
    rows = (
        [street(APR, "Burglary", "E01000001", outcome="Under investigation")] * 3
        + [street(MAY, "Burglary", "E01000002", "On or near Mill Lane", 0.3, 51.2)] * 2
        + [street(MAY, "Anti-social behaviour", "E01000002", "On or near Mill Lane", 0.3, 51.2)] * 6
        + [street(MAR, "Burglary", "E01000002", "On or near Mill Lane", 0.3, 51.2)] * 5
        + [street(APR, "Vehicle crime", "E01000001", "On or near Mill Lane", 0.31, 51.2)]  # another point
        + [street(APR, "Burglary", "E01000009", district=("Sevenoaks", "E07000111"))] * 20
        + [street(APR, "Drugs", "E01000003", district=("Tonbridge and Malling", None))]
    )
    write_months(rows)


def test_street_aggregates_from_parquet(files):
    ref = DistrictRef.of(district())
    agg = street_aggregates([ref], PERIOD)
    burglary = lsoa_hotspots(agg, ["Burglary"])
    assert [(r["code"], r["count"], r["previous"]) for r in burglary] == [
        ("E01000001", 3, 0),
        ("E01000002", 2, 5),
    ]
    places = location_hotspots(agg, ["Burglary", "Vehicle crime", "Anti-social behaviour"])
    assert [(r["location"], r["longitude"], r["count"], r["previous"]) for r in places] == [
        ("On or near Mill Lane", 0.3, 8, 5),
        ("On or near High Street", 0.27, 3, 0),
        ("On or near Mill Lane", 0.31, 1, 0),
    ]
    rows = outcome_rows(agg)
    assert rows[-1]["count"] == 7  # 3 + 2 burglaries, 1 vehicle crime, 1 drugs (name only); ASB left out
    assert {g["key"]: g["count"] for g in rows[0]["groups"]}["under_investigation"] == 3


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("crime_hotspots", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_crime_hotspots_json_contracts(files):
    table = PopulationTable.objects.create(name="LSOA residents")
    PopulationFigure.objects.create(
        table=table, area_code="E01000002", area_name="B", year=2018, population=800
    )
    base = ["--district", "Tonbridge and Malling", "--from", "2019-04", "--to", "2019-05"]
    by_lsoa = json.loads(run(*base, "--by", "lsoa", "--crime-type", "Burglary"))
    assert by_lsoa == [
        {
            "code": "E01000001",
            "name": "Tonbridge and Malling 001A",
            "count": 3,
            "previous": 0,
            "rate_per_1000": None,
        },
        {
            "code": "E01000002",
            "name": "Tonbridge and Malling 002A",
            "count": 2,
            "previous": 5,
            "rate_per_1000": 2.5,
        },
    ]
    by_location = json.loads(run(*base, "--by", "location", "--top", "1"))  # all crime: ASB left out
    assert by_location == [
        {
            "location": "On or near High Street",
            "longitude": 0.27,
            "latitude": 51.19,
            "lsoa_code": "E01000001",
            "count": 4,  # 3 burglaries and the drugs offence known by district name only
            "previous": 0,
        }
    ]
    text = run(*base, "--by", "location", "--format", "csv", "--crime-type", "Anti-social behaviour")
    assert list(csv.reader(io.StringIO(text))) == [
        ["location", "longitude", "latitude", "lsoa_code", "count", "previous"],
        ["On or near Mill Lane", "0.3", "51.2", "E01000002", "6", "0"],
    ]


def test_crime_hotspots_refusals(files):
    base = ["--district", "E07000115", "--from", "2019-04", "--to", "2019-05"]
    with pytest.raises(CommandError, match="--top"):
        run(*base, "--by", "lsoa", "--top", "0")
    with pytest.raises(CommandError, match="--crime-type"):
        run(*base, "--by", "lsoa", "--crime-type", "Burglarys")


def test_lsoa_population_prefers_the_latest_year_not_after(db):
    table = PopulationTable.objects.create(name="LSOA residents")
    for year, population in ((2017, 700), (2019, 900), (2021, 1100)):
        PopulationFigure.objects.create(
            table=table, area_code="E01000001", area_name="A", year=year, population=population
        )
    assert lsoa_population(["E01000001"], 2020) == {"E01000001": 900}
    assert lsoa_population(["E01000001"], 2016) == {"E01000001": 700}
    assert lsoa_population([], 2020) == {}
