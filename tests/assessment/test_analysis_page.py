"""The analyst's sections on the crime analysis and assessment pages, their downloads, the empty
state, and the cache (built once per crime-data version)."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from assessment import services
from assessment.analysis import Period
from assessment.models import ComparatorGroup, ComparatorMember
from crimedata.models import PopulationFigure, PopulationTable
from planning.models import Place
from tests.assessment.helpers import district, fill_period
from tests.assessment.street_helpers import street, write_months

pytestmark = pytest.mark.django_db
APR19 = datetime.date(2019, 4, 1)


def url(name: str, *args: object) -> str:
    return reverse(f"assessment:{name}", args=["test-csp", *args])


@pytest.fixture
def data(world, settings, tmp_path):
    settings.CRIME_DATA_DIR = tmp_path
    world.partnership.districts.add(district())
    district("Sevenoaks", "E07000111")
    write_months(
        [street(APR19, "Burglary", "E01000001", "On or near <b>Mill</b> Lane", outcome="Under investigation")]
        * 4
        + [street(APR19, "Burglary", "E01000002", '=HYPERLINK("x")', 0.3, 51.2)] * 2
    )
    fill_period(Period.plan_year(2018), {"Burglary": 100, "Anti-social behaviour": 20})
    fill_period(Period.plan_year(2019), {"Burglary": 160, "Anti-social behaviour": 20})
    fill_period(Period.plan_year(2019), {"Burglary": 50}, name="Sevenoaks", code="E07000111")
    table = PopulationTable.objects.create(name="Residents", is_example=True)
    for code, population in (("E07000115", 130000), ("E07000111", 120000), ("E01000001", 1600)):
        PopulationFigure.objects.create(
            table=table, area_code=code, area_name=code, year=2019, population=population
        )
    group = ComparatorGroup.objects.create(name="Most similar group: Tonbridge and Malling", is_example=True)
    for code, name in (("E07000115", "Tonbridge and Malling"), ("E07000111", "Sevenoaks")):
        ComparatorMember.objects.create(group=group, district_code=code, district_name=name)
    return table


def query(table, **extra) -> dict:
    return {"start": "2019-04", "end": "2020-03", "population_table": table.pk, **extra}


def test_analysis_page_shows_every_section(client, world, data):
    Place.objects.create(
        partnership=world.partnership, name="Town centre", kind="Ward", lsoa_codes=["E01000001"]
    )
    client.force_login(world.member)
    html = client.get(url("analysis"), query(data)).content.decode()
    for heading in (
        "Is the change meaningful?",
        "Monthly series: all crime (excluding anti-social behaviour)",
        "Hotspots by crime type",
        "Outcomes",
        "Comparators",
        "Wards",
    ):
        assert heading in html
    assert "Significant increase" in html  # burglary 1,200 → 1,920
    assert "Within normal variation" in html  # ASB 240 → 240
    assert "On or near &lt;b&gt;Mill&lt;/b&gt; Lane" in html and "<b>Mill</b>" not in html
    assert "has the 2nd lowest victim-based crime rate of the 2 districts" in html
    assert "(example data)" in html and "Example most similar group" in html
    assert "forces have no data" not in html or "England and Wales average is shown only when" in html
    assert "No LSOA to ward lookup" in html
    assert "Town centre" in html and "E01000001" in html  # the partnership's places
    assert html.count("Download this table as") >= 12


def test_table_downloads_carry_the_filters_and_are_formula_safe(client, world, data):
    client.force_login(world.member)
    response = client.get(
        url("analysis_table", "hotspots_location", "csv"), query(data, crime_type="Burglary")
    )
    assert response.status_code == 200 and response["Content-Disposition"].endswith('2019-04-to-2020-03.csv"')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Repeat locations with the most burglary, 2019/20"]
    assert ["Crime type (series and hotspots by type)", "Burglary"] in rows
    assert ["Population table", "Residents"] in rows
    header = rows.index(["Location", "Longitude", "Latitude", "LSOA code", "Count", "Period before"])
    assert rows[header + 1][0] == "On or near <b>Mill</b> Lane" and rows[header + 1][4] == "4"
    assert rows[header + 2][0] == '\'=HYPERLINK("x")'
    lsoas = client.get(url("analysis_table", "hotspots_lsoa", "csv"), query(data, crime_type="Burglary"))
    lsoa_rows = list(csv.reader(io.StringIO(lsoas.content.decode("utf-8-sig"))))
    assert ["Tonbridge and Malling 001A", "E01000001", "4", "0", "2.5"] in lsoa_rows  # 4 per 1,600 residents
    without_table = client.get(
        url("analysis_table", "hotspots_lsoa", "csv"), {"start": "2019-04", "end": "2020-03"}
    )
    assert ["Tonbridge and Malling 001A", "E01000001", "4", "0", ""] in list(
        csv.reader(io.StringIO(without_table.content.decode("utf-8-sig")))
    )
    xlsx = client.get(url("analysis_table", "series", "xlsx"), query(data))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert ["Month", "Count", "Rolling 12-month total"] in values
    assert ["2020-03", 160, 1920] in values
    assert client.get(url("analysis_table", "nothing", "csv"), query(data)).status_code == 404
    assert client.get(url("analysis_table", "series", "pdf"), query(data)).status_code == 404


def test_chart_downloads(client, world, data):
    client.force_login(world.member)
    svg = client.get(url("analysis_chart", "rolling", "svg"), query(data))
    assert (
        svg.status_code == 200
        and svg.content.startswith(b"<svg")
        and b"rolling 12-month total" in svg.content
    )
    png = client.get(url("analysis_chart", "seasonal", "png"), query(data))
    assert png.status_code == 200 and png.content.startswith(b"\x89PNG")


def test_outsiders_get_no_downloads(client, world, data):
    client.force_login(world.outsider)
    assert client.get(url("analysis_table", "totals", "csv"), query(data)).status_code == 404


def test_empty_state_explains_what_to_import(client, world, settings, tmp_path):
    settings.CRIME_DATA_DIR = tmp_path
    world.partnership.districts.add(district())
    client.force_login(world.member)
    html = client.get(url("analysis")).content.decode()
    assert "No police.uk crime data has been imported for Tonbridge and Malling yet" in html
    assert "Harm rank" not in html and "Is the change meaningful?" not in html
    assessment = services.assessment_create(
        partnership=world.partnership, slug="2021-22", actor=world.coordinator
    )
    page = client.get(url("detail", assessment.slug)).content.decode()
    assert "No police.uk crime data has been imported" in page and "Harm rank" not in page


def test_a_period_without_data_says_which_months_exist(client, world, data):
    client.force_login(world.member)
    html = client.get(url("analysis"), {"start": "2015-04", "end": "2016-03"}).content.decode()
    assert "No month of 2015/16 has been imported" in html
    assert "Crime data is available from April 2018 to March 2020" in html


def test_assessment_page_has_the_sections_and_download_links(client, world, data):
    assessment = services.assessment_create(
        partnership=world.partnership, slug="2020-21", actor=world.coordinator
    )  # data April 2018 – March 2019
    client.force_login(world.member)
    html = client.get(url("detail", assessment.slug)).content.decode()
    assert "Is the change meaningful?" in html and "Hotspots by crime type" in html and "Outcomes" in html
    assert url("analysis_table", "series", "csv") + "?start=2018-04&amp;end=2019-03" in html


def test_the_analysis_is_built_once_per_crime_data_version(
    client, world, data, django_assert_max_num_queries
):
    client.force_login(world.member)
    client.get(url("analysis"), query(data))
    with django_assert_max_num_queries(25):
        client.get(url("analysis"), query(data))
    fill_period(Period.parse("2020-04", "2020-04"), {"Burglary": 7})  # an import: a new version
    html = client.get(url("analysis"), query(data, start="2020-04", end="2020-04")).content.decode()
    assert "Significant" in html or "Within normal variation" in html or "cannot be tested" in html


def test_word_and_pdf_carry_the_sections(client, world, data):
    from tests.publishing.helpers import docx_text, pdf_texts

    assessment = services.assessment_create(
        partnership=world.partnership, slug="2021-22", actor=world.coordinator
    )
    services.assessment_edit(
        assessment=assessment,
        actor=world.coordinator,
        data_from=datetime.date(2019, 4, 1),
        data_to=datetime.date(2020, 3, 1),
        population_table=data,
    )
    client.force_login(world.member)
    text = docx_text(client.get(url("docx", "2021-22")).content)
    for words in (
        "Is the change meaningful?",
        "Significant increase",
        "Monthly series",
        "Outcomes",
        "Hotspots by crime type",
        "On or near <b>Mill</b> Lane",
    ):
        assert words in text, words
    pdf = " ".join(pdf_texts(client.get(url("pdf", "2021-22")).content))
    assert "Is the change meaningful?" in pdf and "Download this table" not in pdf
