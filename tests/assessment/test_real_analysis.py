"""Hotspots, repeat locations, outcomes and series on the real data.police.uk sample files
(../shared/police-uk) equal an independent count with the csv module. Skipped when absent."""

import csv
import io
import json
from collections import Counter

import pytest
from django.core.management import call_command

from crimedata.services import police_uk_import
from tests.conftest import POLICE_UK_DIR, requires_police_uk

pytestmark = [pytest.mark.django_db, pytest.mark.realdata, requires_police_uk()]
TM = "Tonbridge and Malling"


def records(name: str) -> list[dict[str, str]]:
    with (POLICE_UK_DIR / name).open(newline="", encoding="utf-8") as handle:
        return [r for r in csv.DictReader(handle) if r["LSOA name"].startswith(TM + " ")]


def run(command: str, *args: str) -> list[dict]:
    out = io.StringIO()
    call_command(command, "--district", TM, *args, stdout=out, stderr=io.StringIO())
    return json.loads(out.getvalue())


def test_real_files_hotspots_outcomes_and_series_match_an_independent_count(settings, tmp_path):
    settings.CRIME_DATA_DIR = tmp_path
    police_uk_import(user=None, paths=sorted(POLICE_UK_DIR.glob("*-street.csv")))
    september = records("2019-09-kent-street.csv")
    november = records("2019-11-kent-street.csv")
    crimes = [r for r in september if r["Crime type"] != "Anti-social behaviour"]

    # Top LSOAs of all crime, September 2019 (August not imported: previous 0).
    by_lsoa = Counter((r["LSOA code"], r["LSOA name"]) for r in crimes)
    expected = sorted(by_lsoa.items(), key=lambda item: (-item[1], item[0][0]))[:10]
    got = run("crime_hotspots", "--from", "2019-09", "--to", "2019-09", "--by", "lsoa")
    assert [(r["code"], r["name"], r["count"], r["previous"]) for r in got] == [
        (code, name, n, 0) for (code, name), n in expected
    ]

    # Top repeat locations of burglary, November against September–October (only September imported).
    def key(r: dict[str, str]) -> tuple[str, float, float]:
        return (r["Location"], float(r["Longitude"]), float(r["Latitude"]))

    burglary_now = Counter(key(r) for r in november if r["Crime type"] == "Burglary")
    burglary_before = Counter(key(r) for r in september if r["Crime type"] == "Burglary")
    got = run(
        "crime_hotspots",
        "--from",
        "2019-11",
        "--to",
        "2019-11",
        "--by",
        "location",
        "--top",
        "5",
        "--crime-type",
        "Burglary",
    )
    top = sorted(burglary_now.items(), key=lambda item: (-item[1], item[0]))[:5]
    assert [(r["location"], r["longitude"], r["latitude"], r["count"]) for r in got] == [
        (*k, n) for k, n in top
    ]
    # The period before November is October (not imported): previous is 0 throughout.
    assert all(r["previous"] == 0 for r in got) and burglary_before  # September is not "before" November

    # Outcomes: share of each last outcome category among crimes in September.
    from assessment.analysis import Period
    from assessment.selectors import resolve_district
    from assessment.selectors.street import street_aggregates
    from assessment.street import outcome_categories

    aggregates = street_aggregates([resolve_district(TM)], Period.parse("2019-09", "2019-09"))
    ours = {r["category"]: r["count"] for r in outcome_categories(aggregates)}
    theirs = Counter(r["Last outcome category"] or "No outcome recorded" for r in crimes)
    assert ours == dict(theirs)

    # The monthly series equals the rows per month (October not imported: no rolling total anywhere).
    series = run("crime_series", "--from", "2019-09", "--to", "2019-11")
    assert series == [
        {"month": "2019-09", "count": len(crimes), "rolling_12": None},
        {"month": "2019-10", "count": 0, "rolling_12": None},
        {
            "month": "2019-11",
            "count": sum(1 for r in november if r["Crime type"] != "Anti-social behaviour"),
            "rolling_12": None,
        },
    ]
