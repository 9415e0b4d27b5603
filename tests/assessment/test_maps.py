"""Crime maps from Parquet rows: counts on the map equal an independent count, LSOA choropleths
with counts and rates, the page with its table and downloads, and the `crime_map` command."""

import io
import json
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from PIL import Image

from assessment.analysis import Period
from assessment.mapping import build_map
from assessment.maps.example import example_boundaries
from assessment.selectors import DistrictRef
from assessment.selectors.maps import lsoa_centres, map_points
from crimedata.boundaries import boundaries_import
from crimedata.models import PopulationFigure, PopulationTable
from tests.assessment.helpers import district
from tests.assessment.map_helpers import APR, LSOAS, MAY, street_rows, write_street_parquet

pytestmark = pytest.mark.django_db
PERIOD = Period(APR, MAY)


@pytest.fixture
def rows(settings, tmp_path):
    settings.CRIME_DATA_DIR = tmp_path / "store"
    data = street_rows()
    write_street_parquet(data)
    return data


@pytest.fixture
def ref():
    return DistrictRef.of(district())


def independent(rows, crime_type=None):
    """Tonbridge and Malling rows of a type (or all but ASB), counted in Python."""
    return [
        r for r in rows
        if r[7] == "Tonbridge and Malling" and (r[1] == crime_type if crime_type else r[1] != "Anti-social behaviour")
    ]  # fmt: skip


def test_hex_map_counts_equal_an_independent_count(rows, ref):
    points, unmapped = map_points([ref], PERIOD, "all")
    expected = independent(rows)
    assert sum(n for _, _, n, _, _ in points) + unmapped == len(expected)
    assert unmapped == sum(1 for r in expected if r[4] is None) == 1
    result = build_map([ref], PERIOD)
    m = result["map"]
    assert m.kind == "hex" and m.total == len(expected) - 1 and m.unmapped == 1
    assert sum(c["count"] for c in result["classes"]) == m.total
    asb = build_map([ref], PERIOD, crime_type="Anti-social behaviour")["map"]
    assert asb.total == len(independent(rows, "Anti-social behaviour")) == 4
    assert "anti-social behaviour incidents" in asb.desc
    may = build_map([ref], Period(MAY, MAY))["map"]
    assert may.total == sum(1 for r in expected if r[0] == MAY and r[4] is not None)


def install_example_boundaries(tmp_path, ref):
    path = tmp_path / "lsoas.geojson"
    path.write_text(json.dumps(example_boundaries(lsoa_centres([ref], PERIOD))))
    return boundaries_import(
        user=None, path=path, name="Example hexagon LSOAs", source="generated", is_example=True
    )


def test_choropleth_counts_and_rates_per_lsoa(rows, ref, tmp_path):
    install_example_boundaries(tmp_path, ref)
    result = build_map([ref], PERIOD, crime_type="Burglary")
    m = result["map"]
    assert m.kind == "lsoa"
    counts = {row["code"]: row["count"] for row in result["rows"]}
    for code, *_ in LSOAS:
        assert counts[code] == sum(1 for r in independent(rows, "Burglary") if r[2] == code)
    assert [row["code"] for row in result["rows"]][0] == "E01099004"  # highest first
    assert "Example hexagon LSOAs" in result["example_sources"]
    table = PopulationTable.objects.create(name="Example LSOA population", is_example=True)
    for code, *_ in LSOAS[:3]:
        PopulationFigure.objects.create(
            table=table, area_code=code, area_name=code, year=2019, population=1_500
        )
    rates = build_map([ref], PERIOD, crime_type="Burglary", population_table=table)
    by_code = {row["code"]: row for row in rates["rows"]}
    assert by_code["E01099002"]["value"] == Decimal("4.7")  # 7 burglaries per 1,500 residents
    assert by_code["E01099004"]["value"] is None and by_code["E01099004"]["class"] == "No figure"
    assert "1 of 4 LSOAs have no figure" in rates["notes"][0]
    hexes = build_map([ref], PERIOD, crime_type="Burglary", kind="hex")
    assert hexes["kind"] == "hex"


def test_place_map_covers_its_lsoas_only(rows, ref):
    result = build_map(
        [ref], PERIOD, area_name="Town centre", lsoa_codes=["E01099001", "E01099002"], kind="hex"
    )
    assert result["map"].total == 3 + 7  # the no-location row of 001A is not on the map
    assert result["map"].unmapped == 1 and result["title"].startswith(
        "All crime (excluding anti-social behaviour) in Town centre"
    )


def url(name):
    return reverse(f"assessment:{name}", args=["test-csp"])


def test_map_page_shows_map_table_and_downloads(client, world, rows, ref):
    world.partnership.districts.add(district())
    client.force_login(world.member)
    query = {"crime_type": "Burglary", "start": "2019-04", "end": "2019-05", "kind": "hex"}
    page = client.get(url("map"), query).content.decode()
    assert page.count("<h1") == 1 and 'role="img"' in page and "Map as SVG" in page
    assert "Burglary in Tonbridge and Malling, April 2019 to May 2019" in page
    assert "busiest of" in page and "On or near Street 3" in page
    svg = client.get(url("map_svg"), query)
    assert svg["Content-Type"].startswith("image/svg+xml") and "attachment" in svg["Content-Disposition"]
    assert svg["Cache-Control"] == "no-store, private"
    ET.fromstring(svg.content.split(b"?>", 1)[1])  # noqa: S314 - our own output
    png = client.get(url("map_png"), query)
    assert png["Content-Type"] == "image/png" and Image.open(io.BytesIO(png.content)).format == "PNG"
    bad = client.get(url("map"), {"start": "2019-13", "end": "2019-05"}).content.decode()
    assert "govuk-error-summary" in bad and "is not a month" in bad
    rates = client.get(
        url("map"), {"kind": "hex", "population_table": PopulationTable.objects.create(name="P").pk}
    )
    assert "Rates need LSOA areas" in rates.content.decode()


def test_map_page_without_crime_data_says_nothing_to_map(client, world, settings, tmp_path):
    settings.CRIME_DATA_DIR = tmp_path
    world.partnership.districts.add(district())
    client.force_login(world.member)
    page = client.get(url("map")).content.decode()
    assert "Nothing to map" in page


def test_crime_map_command_writes_svg_and_png(rows, ref, tmp_path):
    svg = tmp_path / "map.svg"
    out = io.StringIO()
    call_command(
        "crime_map",
        "--district",
        "E07000115",
        "--from",
        "2019-04",
        "--to",
        "2019-05",
        "--crime-type",
        "Burglary",
        "--format",
        "svg",
        "--output",
        str(svg),
        stdout=out,
    )
    root = ET.fromstring(svg.read_bytes().split(b"?>", 1)[1])  # noqa: S314 - our own output
    assert (
        root.find("{http://www.w3.org/2000/svg}title").text
        == "Burglary in Tonbridge and Malling, April 2019 to May 2019"
    )
    assert "36 crimes in" in out.getvalue() and "(1 not on the map)" in out.getvalue()  # 3 + 7 + 11 + 15
    png = tmp_path / "map.png"
    call_command(
        "crime_map",
        "--district",
        "Tonbridge and Malling",
        "--from",
        "2019-04",
        "--to",
        "2019-05",
        "--format",
        "png",
        "--output",
        str(png),
        stdout=io.StringIO(),
    )
    assert Image.open(png).format == "PNG"
    with pytest.raises(CommandError, match="--crime-type"):
        call_command(
            "crime_map",
            "--district",
            "E07000115",
            "--from",
            "2019-04",
            "--to",
            "2019-05",
            "--crime-type",
            "Arson",
            "--format",
            "svg",
            "--output",
            str(svg),
        )
    with pytest.raises(CommandError, match="--district"):
        call_command(
            "crime_map",
            "--district",
            "Nowhere",
            "--from",
            "2019-04",
            "--to",
            "2019-05",
            "--format",
            "svg",
            "--output",
            str(svg),
        )


def test_assessment_page_pdf_and_word_show_the_map_with_its_heading(
    client, world, rows, assessment, tmp_path
):
    import docx

    from assessment import report
    from assessment.documents.pdf import assessment_html
    from assessment.documents.word import assessment_docx
    from assessment.services import assessment_edit

    assessment_edit(assessment=assessment, actor=world.coordinator, data_from=APR, data_to=MAY)
    install_example_boundaries(tmp_path, DistrictRef.of(district()))
    client.force_login(world.member)
    page = client.get(reverse("assessment:detail", args=["test-csp", assessment.slug])).content.decode()
    title = "All crime (excluding anti-social behaviour) in Tonbridge and Malling, April 2019 to May 2019"
    assert f"Map: {title}" in page and "Map other crime types" in page
    assert "Example hexagon LSOAs" in page  # the boundaries are marked as example data
    document = report.build_document(assessment)
    html = assessment_html(document)
    assert f'<div class="csp-keep-together"><h3 class="govuk-heading-m" id="map">Map: {title}</h3>' in html
    assert "break-inside: avoid" in html and "Map other crime types" not in html
    word = docx.Document(io.BytesIO(assessment_docx(document)))
    headings = [p for p in word.paragraphs if p.text == f"Map: {title}"]
    assert headings and headings[0].paragraph_format.keep_with_next
    described = [el.get("descr") for el in word.element.body.iter() if el.tag.endswith("}docPr")]
    assert any(d and d.startswith("Map of 4 LSOAs shaded by crimes") for d in described)


def _pages_of_heading_and_next_picture(html: str, heading: str) -> tuple[int, int]:
    from weasyprint import HTML

    found: dict[str, int] = {}

    def walk(box: object, page: int) -> None:
        text = getattr(box, "text", None)
        if text and heading in text:
            found.setdefault("heading", page)
        if "heading" in found and "Replaced" in type(box).__name__:
            found.setdefault("picture", page)
        for child in getattr(box, "children", None) or []:
            walk(child, page)

    for number, page in enumerate(HTML(string=html).render().pages):
        walk(page._page_box, number)
    return found["heading"], found["picture"]


def test_pdf_keeps_the_map_heading_with_its_map(world, rows, assessment, tmp_path):
    from assessment import report
    from assessment.documents.pdf import assessment_html
    from assessment.services import assessment_edit

    assessment_edit(assessment=assessment, actor=world.coordinator, data_from=APR, data_to=MAY)
    html = assessment_html(report.build_document(assessment))
    marker = '<div class="csp-keep-together"><h3 class="govuk-heading-m" id="map">'
    assert marker in html
    pages = set()
    for filler in range(
        0, 64, 8
    ):  # move the heading down its page, past the point where the map no longer fits
        padded = html.replace(marker, "<p>Filler line.</p>" * filler + marker)
        heading, picture = _pages_of_heading_and_next_picture(padded, "Map: All crime")
        assert heading == picture, f"with {filler} lines before it the heading is on page {heading + 1}"
        pages.add(heading)
    assert len(pages) > 1  # the map did have to move to a new page, and took its heading with it


def test_map_page_for_a_place_maps_its_lsoas(client, world, rows):
    from planning.services.structure import place_save

    world.partnership.districts.add(district())
    place = place_save(
        partnership=world.partnership,
        actor=world.coordinator,
        name="Tonbridge <town> centre",
        lsoa_codes=["E01099003", "E01099004"],
    )
    place_save(partnership=world.partnership, actor=world.coordinator, name="No LSOAs given")
    client.force_login(world.member)
    page = client.get(url("map")).content.decode()
    assert "Tonbridge &lt;town&gt; centre (place)" in page and "No LSOAs given (place)" not in page
    query = {"area": f"p:{place.pk}", "start": "2019-04", "end": "2019-05", "kind": "hex"}
    page = client.get(url("map"), query).content.decode()
    assert "All crime (excluding anti-social behaviour) in Tonbridge &lt;town&gt; centre" in page
    assert "Hexagon map of 26 crimes" in page  # 11 + 15 burglaries of its two LSOAs
    assert "<town>" not in page
    other = client.get(url("map"), {**query, "area": "p:999999"}).content.decode()
    assert "Select a valid choice" in other


def test_assessment_index_and_analysis_link_to_the_map(client, world, rows):
    world.partnership.districts.add(district())
    client.force_login(world.member)
    assert url("map") in client.get(url("index")).content.decode()
    analysis = client.get(url("analysis"), {"start": "2019-04", "end": "2019-05", "district": "E07000115"})
    assert f"{url('map')}?start=2019-04&amp;end=2019-05&amp;area=d:E07000115" in analysis.content.decode()
