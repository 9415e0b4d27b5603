"""The crime analysis page with every analyst's section, the empty state and a period without data
pass axe (the demo's pages are also in the axe sweep)."""

import pytest

from tests.assessment.test_analysis_page import data  # noqa: F401 - the fixture
from tests.browser.helpers import assert_accessible, sign_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_analysis_sections_are_accessible(page, world, data):  # noqa: F811
    sign_in(page, world.member.username, PASSWORD)
    page.goto(
        f"/partnerships/test-csp/assessment/analysis/?start=2019-04&end=2020-03&population_table={data.pk}"
    )
    assert page.get_by_role("heading", name="Is the change meaningful?").is_visible()
    assert page.get_by_role("heading", name="Outcomes").is_visible()
    assert_accessible(page, "crime analysis with every section")
    page.get_by_role("link", name="Burglary").first.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Hotspots by crime type: burglary").is_visible()
    assert_accessible(page, "crime analysis, burglary")
    page.goto("/partnerships/test-csp/assessment/analysis/?start=2015-04&end=2016-03")
    assert page.get_by_text("No month of 2015/16 has been imported").is_visible()
    assert_accessible(page, "crime analysis, a period without data")
    page.goto("/partnerships/test-csp/assessment/analysis/?crime_type=Nothing")
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    assert_accessible(page, "crime analysis, an unknown crime type")
