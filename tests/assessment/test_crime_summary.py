"""The crime_summary command's JSON contract, table and CSV formats, on synthetic counts."""

import csv
import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command

from assessment.analysis import Period
from crimedata.models import CRIME_TYPES, DistrictAlias, ForceMonth
from tests.assessment.helpers import add_counts, district, fill_period, kent

pytestmark = pytest.mark.django_db
CURRENT = Period.parse("2019-04", "2020-03")


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("crime_summary", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def tm_data():
    district()
    fill_period(
        CURRENT, {"Burglary": 10, "Violence and sexual offences": 20, "Drugs": 3, "Anti-social behaviour": 7}
    )
    fill_period(
        CURRENT.previous(), {"Burglary": 12, "Violence and sexual offences": 15, "Anti-social behaviour": 7}
    )
    # Rows with no code but the district's name count; another district's rows do not.
    add_counts(datetime.date(2019, 5, 1), {"Robbery": 2}, code=None)
    add_counts(datetime.date(2019, 5, 1), {"Robbery": 50}, name="Sevenoaks", code="E07000111")


def test_json_contract(tm_data):
    data = json.loads(run("--district", "Tonbridge and Malling", "--from", "2019-04", "--to", "2020-03"))
    assert list(data) == [
        "district",
        "district_code",
        "from",
        "to",
        "all_crime",
        "victim_based",
        "other_against_society",
        "asb",
        "by_crime_type",
        "by_month",
        "previous",
        "change",
    ]
    assert (data["district"], data["district_code"], data["from"], data["to"]) == (
        "Tonbridge and Malling",
        "E07000115",
        "2019-04",
        "2020-03",
    )
    assert data["victim_based"] == 12 * 30 + 2
    assert data["other_against_society"] == 36
    assert data["all_crime"] == 12 * 33 + 2
    assert data["asb"] == 84
    assert list(data["by_crime_type"]) == CRIME_TYPES and data["by_crime_type"]["Shoplifting"] == 0
    assert list(data["by_month"]) == [f"{m:%Y-%m}" for m in CURRENT.months()]
    assert data["by_month"]["2019-05"] == 40 + 2 and data["by_month"]["2019-04"] == 40
    previous = data["previous"]
    assert "previous" not in previous and "change" not in previous
    assert (previous["from"], previous["to"], previous["district"]) == (
        "2018-04",
        "2019-03",
        "Tonbridge and Malling",
    )
    assert previous["victim_based"] == 12 * 27 and previous["other_against_society"] == 0
    assert data["change"]["victim_based"] == {"count": 362 - 324, "percent": 11.7}
    assert data["change"]["other_against_society"] == {"count": 36, "percent": None}
    assert data["change"]["asb"] == {"count": 0, "percent": 0.0}
    assert set(data["change"]) == {"all_crime", "victim_based", "other_against_society", "asb"}


def test_code_and_old_name_shepway(tm_data):
    by_code = json.loads(run("--district", "e07000115", "--from", "2019-04", "--to", "2020-03"))
    assert by_code["district"] == "Tonbridge and Malling" and by_code["all_crime"] == 398
    # Shepway is the old name of Folkestone and Hythe (alias seeded by crimedata's migration).
    fh = district("Folkestone and Hythe", "E07000112")
    DistrictAlias.objects.get_or_create(alias="Shepway", defaults={"district": fh})
    add_counts(datetime.date(2019, 4, 1), {"Burglary": 4}, name="Folkestone and Hythe", code="E07000112")
    add_counts(datetime.date(2019, 4, 1), {"Burglary": 1}, name="Shepway", code=None)
    data = json.loads(run("--district", "Shepway", "--from", "2019-04", "--to", "2019-04"))
    assert (data["district"], data["district_code"]) == (fh.name, "E07000112")
    assert data["by_crime_type"]["Burglary"] == 5


def test_previous_is_null_when_no_month_of_it_was_imported(db):
    district()
    fill_period(Period.parse("2019-04", "2019-06"), {"Burglary": 1})
    data = json.loads(run("--district", "E07000115", "--from", "2019-04", "--to", "2019-06"))
    assert data["previous"] is None and data["change"] is None
    # One imported month of the previous period is enough (its counts are then real zeros).
    ForceMonth.objects.create(force=kent(), month=datetime.date(2019, 2, 1), parquet_path="x.parquet")
    data = json.loads(run("--district", "E07000115", "--from", "2019-04", "--to", "2019-06"))
    assert data["previous"]["all_crime"] == 0
    assert data["change"]["all_crime"] == {"count": 3, "percent": None}


def test_unknown_district_and_bad_month(db):
    with pytest.raises(CommandError, match="no district called 'Atlantis'"):
        run("--district", "Atlantis", "--from", "2019-04", "--to", "2020-03")
    district()
    with pytest.raises(CommandError, match="YYYY-MM"):
        run("--district", "E07000115", "--from", "2019-4", "--to", "2020-03")
    with pytest.raises(CommandError, match="before it starts"):
        run("--district", "E07000115", "--from", "2020-04", "--to", "2020-03")


def test_table_and_csv(tm_data):
    table = run("--district", "E07000115", "--from", "2019-04", "--to", "2020-03", "--format", "table")
    assert table.splitlines()[0] == "Tonbridge and Malling (E07000115), 2019-04 to 2020-03"
    line = next(line for line in table.splitlines() if line.startswith("Victim-based crime"))
    assert line.split()[-4:] == ["362", "324", "+38", "(+11.7%)"]
    rows = list(
        csv.DictReader(
            io.StringIO(
                run("--district", "E07000115", "--from", "2019-04", "--to", "2020-03", "--format", "csv")
            )
        )
    )
    totals = {r["name"]: r for r in rows if r["section"] == "total"}
    assert totals["Victim-based crime"]["count"] == "362"
    assert totals["Victim-based crime"]["percent_change"] == "11.7"
    assert totals["Other crimes against society"]["percent_change"] == ""
    assert len([r for r in rows if r["section"] == "crime type"]) == 14
    assert len([r for r in rows if r["section"] == "month"]) == 12


def test_table_marks_example_data(tm_data):
    ForceMonth.objects.update(is_example=True)
    table = run("--district", "E07000115", "--from", "2019-04", "--to", "2020-03", "--format", "table")
    assert table.startswith("Example data — not official figures")
    data = json.loads(run("--district", "E07000115", "--from", "2019-04", "--to", "2020-03"))
    assert "example" not in json.dumps(data).lower()  # the JSON contract has no extra keys
