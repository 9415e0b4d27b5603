"""Most similar groups and the LSOA → ward lookup (all-or-nothing imports), comparators, wards,
and the DuckDB cursor: one connection per process, a cursor per thread."""

import io
import threading

import pytest
from django.core.management import CommandError, call_command

from assessment.analysis import Period
from assessment.models import ComparatorGroup, LsoaWard
from assessment.selectors import DistrictRef
from assessment.selectors.comparators import england_and_wales, force_average, similar_groups, ward_rows
from assessment.street import StreetAggregates
from crimedata.models import PopulationFigure, PopulationTable
from crimedata.store import duckdb_cursor
from tests.assessment.helpers import district, fill_period

pytestmark = pytest.mark.django_db
YEAR = Period.plan_year(2019)


def write(tmp_path, text: str):
    path = tmp_path / "file.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_comparator_group_import_replaces_and_refuses_bad_rows(tmp_path):
    path = write(tmp_path, "LAD23CD,LAD23NM\nE07000115,Tonbridge and Malling\nE07000111,Sevenoaks\n")
    call_command("import_comparator_group", str(path), "--name", "Family", "--example", stdout=io.StringIO())
    group = ComparatorGroup.objects.get(name="Family")
    assert group.is_example and group.members.count() == 2
    bad = write(tmp_path, "LAD23CD,LAD23NM\nE07000115,Tonbridge and Malling\nE0700011,Sevenoaks\n")
    with pytest.raises(CommandError, match=r'Nothing imported.*line 3.*"E0700011" is not an ONS code'):
        call_command("import_comparator_group", str(bad), "--name", "Family", stdout=io.StringIO())
    assert ComparatorGroup.objects.get(name="Family").members.count() == 2  # unchanged
    twice = write(tmp_path, "code,name\nE07000115,A\nE07000115,B\n")
    with pytest.raises(CommandError, match="listed twice"):
        call_command("import_comparator_group", str(twice), "--name", "Other", stdout=io.StringIO())
    assert not ComparatorGroup.objects.filter(name="Other").exists()


def test_ward_lookup_import(tmp_path):
    path = write(tmp_path, "LSOA21CD,WD23CD,WD23NM,LAD23CD\nE01000001,E05000001,Castle,E07000115\n")
    call_command("import_ward_lookup", str(path), stdout=io.StringIO())
    assert LsoaWard.objects.get(lsoa_code="E01000001").ward_name == "Castle"
    bad = write(tmp_path, "LSOA21CD,WD23NM\nE01000001,Castle\n")
    with pytest.raises(CommandError, match=r"line 1: no ward code \(e.g. WD23CD\) column"):
        call_command("import_ward_lookup", str(bad), stdout=io.StringIO())


def test_ward_rows_sum_lsoas_through_the_lookup():
    LsoaWard.objects.create(lsoa_code="E01000001", ward_code="E05000001", ward_name="Castle")
    LsoaWard.objects.create(lsoa_code="E01000002", ward_code="E05000001", ward_name="Castle")
    agg = StreetAggregates(
        True,
        (
            ("E01000001", "A", "Burglary", 3, 1),
            ("E01000002", "B", "Anti-social behaviour", 5, 2),
            ("E01000002", "B", "Drugs", 9, 9),  # neither victim-based nor ASB
            ("E01000009", "C", "Burglary", 7, 0),  # not in the lookup
        ),
        (),
        (),
    )
    result = ward_rows(agg)
    assert result is not None and result["unmatched"] == 1
    assert result["rows"] == [
        {
            "code": "E05000001",
            "name": "Castle",
            "victim_based": 3,
            "victim_before": 1,
            "asb": 5,
            "asb_before": 2,
        }
    ]
    assert ward_rows(StreetAggregates(True, (("E01000009", "C", "Burglary", 1, 0),), (), ())) is None


def test_similar_group_ranks_members_with_complete_data():
    tm, sev = district(), district("Sevenoaks", "E07000111")
    fill_period(YEAR, {"Burglary": 20})
    fill_period(YEAR, {"Burglary": 5}, name="Sevenoaks", code="E07000111")
    table = PopulationTable.objects.create(name="Residents")
    for d, population in ((tm, 120_000), (sev, 120_000)):
        PopulationFigure.objects.create(
            table=table, area_code=d.code, area_name=d.name, year=2019, population=population
        )
    group = ComparatorGroup.objects.create(name="Family")
    group.members.create(district_code=tm.code, district_name=tm.name)
    group.members.create(district_code=sev.code, district_name=sev.name)
    group.members.create(district_code="E07000001", district_name="Far Away")  # another force, no data
    [found] = similar_groups([DistrictRef.of(tm)], YEAR, table)
    assert (found["rank"], found["of"], found["incomplete"]) == (2, 2, ["Far Away"])
    rates = {r["area"]: (r["count"], r["rate"]) for r in found["rows"]}
    assert rates == {"Sevenoaks": (60, 0.5), "Tonbridge and Malling": (240, 2.0), "Far Away": (None, None)}
    assert similar_groups([DistrictRef.of(tm)], YEAR, None)[0]["rank"] is None


def test_england_and_wales_says_what_is_missing():
    district()
    fill_period(YEAR, {"Burglary": 20})
    result = england_and_wales(YEAR, None)
    assert result["rate"] is None and "No population table is chosen." in result["missing"]
    assert any("forces have no data for some or all months of 2019/20" in m for m in result["missing"])


def test_force_average_over_districts_with_population():
    rates = {
        "totals": {
            "victim_based": [
                {"count": 100, "population": 10_000},
                {"count": 300, "population": 30_000},
                {"count": 999, "population": None},
            ]
        }
    }
    average = force_average(rates)
    assert average is not None
    assert average["victim_based"] == {
        "count": 400,
        "population": 40_000,
        "rate": 10.0,
        "districts": 2,
        "of": 3,
    }
    assert force_average(None) is None


def test_one_duckdb_connection_per_process_and_a_cursor_per_thread():
    first = duckdb_cursor()
    assert duckdb_cursor() is first  # the same thread reuses its cursor
    others: list = []
    thread = threading.Thread(target=lambda: others.append(duckdb_cursor()))
    thread.start()
    thread.join()
    assert others[0] is not first
    assert others[0].execute("SELECT 41 + 1").fetchone() == (42,)
    assert first.execute("SELECT 1").fetchone() == (1,)
