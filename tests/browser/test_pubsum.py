"""The public summary of an assessment passes axe signed out (with its map, text alternative and
table, under the page's strict policy), and so do the coordinator's publish page and its error; the
map page's optional tile layer loads tiles under the policy, passes axe, and stays hidden without
JavaScript."""

import io

import pytest
from PIL import Image

from assessment import services
from assessment.models import SUMMARY_SECTION_KEYS
from assessment.services.summary import summary_publish
from tests.assessment.helpers import district
from tests.assessment.map_helpers import APR, MAY, street_rows, write_street_parquet
from tests.browser.helpers import assert_accessible, assert_accessible_without_js, sign_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser
TITLE = "All crime (excluding anti-social behaviour) in Tonbridge and Malling, April 2019 to May 2019"


@pytest.fixture
def assessment(world, settings, tmp_path):
    settings.CRIME_DATA_DIR = tmp_path / "store"
    world.partnership.districts.add(district())
    write_street_parquet(street_rows())
    created = services.assessment_create(
        partnership=world.partnership, slug="2021-22", actor=world.coordinator
    )
    return services.assessment_edit(
        assessment=created, actor=world.coordinator, data_from=APR, data_to=MAY, summary="Crime **fell**."
    )


def test_public_summary_passes_axe_signed_out(page, world, assessment):
    summary_publish(assessment=assessment, actor=world.coordinator, sections=SUMMARY_SECTION_KEYS)
    page.goto("/p/test-csp/assessment/2021-22/")
    assert page.get_by_role("heading", name=f"Map: {TITLE}").is_visible()
    assert page.get_by_role("img", name=TITLE).is_visible()
    assert page.get_by_role("link", name="Download this summary as a PDF").is_visible()
    assert_accessible(page, "public summary, signed out")


def test_publish_page_passes_axe(page, world, assessment):
    sign_in(page, world.coordinator.username, PASSWORD)
    page.goto("/partnerships/test-csp/assessment/2021-22/public-summary/")
    for box in page.get_by_role("checkbox").all():
        box.uncheck()
    page.get_by_role("button", name="Publish the public summary").click()
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    assert_accessible(page, "publish page with an error")
    page.get_by_role("checkbox", name="Summary").check()
    page.get_by_role("button", name="Publish the public summary").click()
    assert page.get_by_text("Published version 1 of the public summary.").is_visible()
    assert_accessible(page, "publish page with a version")


@pytest.fixture
def tiles(settings):
    settings.MAP_TILE_URL = "https://tiles.example/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = "© Example tiles"


def test_tile_map_over_the_svg_map_passes_axe(page, world, assessment, tiles):
    png = io.BytesIO()
    Image.new("RGB", (256, 256), "#dddddd").save(png, "PNG")
    asked: list[str] = []

    def fulfil(route):  # type: ignore[no-untyped-def]
        asked.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=png.getvalue())

    page.route("https://tiles.example/**", fulfil)
    sign_in(page, world.member.username, PASSWORD)
    page.goto("/partnerships/test-csp/assessment/map/?crime_type=Burglary&start=2019-04&end=2019-05&kind=hex")
    region = page.get_by_role(
        "region", name="Interactive map: Burglary in Tonbridge and Malling, April 2019 to May 2019"
    )
    region.wait_for()
    page.locator(".leaflet-tile-loaded").first.wait_for()
    assert asked and page.locator(".leaflet-interactive").count() > 0
    assert page.get_by_text("© Example tiles").is_visible()
    assert page.get_by_role(
        "img", name="Burglary in Tonbridge and Malling, April 2019 to May 2019"
    ).is_visible()
    assert_accessible(page, "map page with the tile layer")


def test_tile_map_stays_hidden_without_javascript(nojs_page, axe_page, world, assessment, tiles):
    for p in (nojs_page, axe_page):
        sign_in(p, world.member.username, PASSWORD)
    nojs_page.goto("/partnerships/test-csp/assessment/map/?crime_type=Burglary&start=2019-04&end=2019-05")
    assert nojs_page.get_by_role("img").first.is_visible()
    assert not nojs_page.locator("#csp-tile-map").is_visible()
    assert_accessible_without_js(nojs_page, axe_page, "map page with tiles, no JavaScript")
