"""The public summary of an assessment passes axe signed out (with its map, text alternative and
table, under the page's strict policy), and so do the coordinator's publish page and its error."""

import pytest

from assessment import services
from assessment.models import SUMMARY_SECTION_KEYS
from assessment.services.summary import summary_publish
from tests.assessment.helpers import district
from tests.assessment.map_helpers import APR, MAY, street_rows, write_street_parquet
from tests.browser.helpers import assert_accessible, sign_in
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
