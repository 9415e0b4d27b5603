"""The crime map page passes axe with a hexagon map, an LSOA choropleth of rates and its error
state, and its downloads are offered as links (the map also works without JavaScript)."""

import json

import pytest

from assessment.analysis import Period
from assessment.maps.example import example_boundaries
from assessment.selectors import DistrictRef
from assessment.selectors.maps import lsoa_centres
from crimedata.boundaries import boundaries_import
from crimedata.models import PopulationFigure, PopulationTable
from tests.assessment.helpers import district
from tests.assessment.map_helpers import APR, LSOAS, MAY, street_rows, write_street_parquet
from tests.browser.helpers import assert_accessible, assert_accessible_without_js, sign_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser
MAP = "/partnerships/test-csp/assessment/map/"


@pytest.fixture
def mapped(world, settings, tmp_path):
    settings.CRIME_DATA_DIR = tmp_path / "store"
    world.partnership.districts.add(district())
    write_street_parquet(street_rows())
    return world


def test_map_pages_pass_axe(page, mapped, tmp_path):
    sign_in(page, mapped.member.username, PASSWORD)
    page.goto(MAP + "?crime_type=Burglary&start=2019-04&end=2019-05&kind=hex")
    assert page.get_by_role(
        "img", name="Burglary in Tonbridge and Malling, April 2019 to May 2019"
    ).is_visible()
    assert page.get_by_role("link", name="Map as PNG").count() == 1
    assert_accessible(page, "hexagon map")
    path = tmp_path / "lsoas.geojson"
    path.write_text(
        json.dumps(example_boundaries(lsoa_centres([DistrictRef.of(district())], Period(APR, MAY))))
    )
    boundaries_import(user=None, path=path, name="Example hexagon LSOAs", source="generated", is_example=True)
    table = PopulationTable.objects.create(name="Example LSOA population", is_example=True)
    for code, *_ in LSOAS:
        PopulationFigure.objects.create(
            table=table, area_code=code, area_name=code, year=2019, population=1_500
        )
    page.goto(MAP + f"?start=2019-04&end=2019-05&kind=lsoa&population_table={table.pk}")
    assert page.get_by_text("Example data — not official figures.").is_visible()
    assert page.get_by_role("columnheader", name="Per 1,000 residents").is_visible()
    assert_accessible(page, "LSOA map of rates")
    page.goto(MAP + "?start=2019-13&end=2019-05")
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    assert_accessible(page, "map form with errors")


def test_map_page_without_javascript(nojs_page, axe_page, mapped):
    for p in (nojs_page, axe_page):
        sign_in(p, mapped.member.username, PASSWORD)
    nojs_page.goto(MAP)
    assert nojs_page.get_by_role("img").first.is_visible()
    assert_accessible_without_js(nojs_page, axe_page, "map without JavaScript")


def test_assessment_page_with_its_map_passes_axe(page, mapped):
    from assessment import services

    assessment = services.assessment_create(
        partnership=mapped.partnership, slug="2021-22", actor=mapped.coordinator
    )
    services.assessment_edit(assessment=assessment, actor=mapped.coordinator, data_from=APR, data_to=MAY)
    sign_in(page, mapped.member.username, PASSWORD)
    page.goto(f"/partnerships/test-csp/assessment/{assessment.slug}/")
    title = "All crime (excluding anti-social behaviour) in Tonbridge and Malling, April 2019 to May 2019"
    assert page.get_by_role("heading", name=f"Map: {title}").is_visible()
    assert page.get_by_role("img", name=title).is_visible()
    assert_accessible(page, "assessment with its map")
