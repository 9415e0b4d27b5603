"""A coordinator adds a theme, a place, an approach and an outcome, and an action under the approach
with a lead to be confirmed; every page (forms with errors too) passes axe."""

import pytest

from planning.models import Action
from tests.browser.helpers import assert_accessible, follow, sign_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_coordinator_shapes_a_priority(page, world):
    sign_in(page, "coord", PASSWORD)
    page.goto("/partnerships/test-csp/themes/")
    assert_accessible(page, "themes and places, empty")
    follow(page.get_by_role("link", name="Add a theme"))
    follow(page.get_by_role("button", name="Save"))
    assert page.get_by_role("link", name="Enter the theme's name").is_visible()
    assert_accessible(page, "theme form with an error")
    page.get_by_label("Name").fill("Protect vulnerable people")
    follow(page.get_by_role("button", name="Save"))
    follow(page.get_by_role("link", name="Add a place"))
    page.get_by_label("Name").fill("Snodland")
    page.get_by_label("LSOAs it covers").fill("E01024385, nonsense")
    follow(page.get_by_role("button", name="Save"))
    assert page.get_by_text("These are not LSOA codes").first.is_visible()
    assert_accessible(page, "place form with an error")
    page.get_by_label("LSOAs it covers").fill("E01024385")
    follow(page.get_by_role("button", name="Save"))
    assert page.get_by_role("rowheader", name="Snodland").is_visible()
    assert_accessible(page, "themes and places")

    page.goto(f"/partnerships/test-csp/years/2020-21/priorities/{world.priority.pk}/")
    assert_accessible(page, "priority page")
    follow(page.get_by_role("link", name="Add an approach"))
    page.get_by_label("Title").fill("Early intervention")
    follow(page.get_by_role("button", name="Save"))
    follow(page.get_by_role("link", name="Add an outcome"))
    assert_accessible(page, "outcome form")
    page.get_by_label("Outcome").fill("Fewer young people drawn into violence")
    page.get_by_label("Under the approach").select_option(label="Early intervention")
    follow(page.get_by_role("button", name="Save"))
    assert page.get_by_role("heading", name="Early intervention").is_visible()

    page.goto("/partnerships/test-csp/years/2020-21/actions/new/")
    assert_accessible(page, "action form with approach, lead and supporting, themes and places")
    page.get_by_label("Priority").select_option(label="Violent crime")
    page.get_by_label("Action", exact=True).fill("Mentoring in schools")
    page.get_by_label("Approach").select_option(label="Violent crime: Early intervention")
    page.locator("#id_owner_2").select_option(label="Test Police")  # supporting organisation 1
    page.get_by_label("Protect vulnerable people").check()
    follow(page.get_by_role("button", name="Save action"))
    action = Action.objects.get(text="Mentoring in schools")
    assert action.approach.title == "Early intervention" and not action.owners.filter(role="lead").exists()
    page.goto(f"/partnerships/test-csp/years/2020-21/priorities/{world.priority.pk}/")
    assert page.get_by_role("cell", name="To be confirmed").is_visible()
    assert_accessible(page, "priority page with an approach, an outcome and an action")
