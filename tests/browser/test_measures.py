"""A coordinator adds a measure with a baseline and target, records two values and reads its page
(progress in words, trend chart beside its table); each page passes axe, errors included."""

import pytest

from partnership.models import Role
from tests.browser.helpers import assert_accessible, follow, sign_in
from tests.conftest import PASSWORD
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    PlanYearFactory,
    UserFactory,
)

pytestmark = pytest.mark.browser


def test_coordinator_adds_a_measure_with_a_target_and_values(page, db):
    partnership = PartnershipFactory(slug="new-csp", name="New Community Safety Partnership")
    council = OrganisationFactory(partnership=partnership, name="New Borough Council")
    year = PlanYearFactory(partnership=partnership, slug="2021-22")
    partnership.current_plan_year = year
    partnership.save()
    MembershipFactory(
        user=UserFactory(username="newcoord"),
        partnership=partnership,
        organisation=council,
        role=Role.COORDINATOR,
    )
    sign_in(page, "newcoord", PASSWORD)
    page.goto("/partnerships/new-csp/key-figures/")
    assert_accessible(page, "measures page, empty")
    follow(page.get_by_role("link", name="Add a measure or key figure"))
    assert_accessible(page, "measure form")
    page.get_by_label("Name").fill("Repeat victims of domestic abuse")
    page.get_by_label("Target value").fill("lots")
    follow(page.get_by_role("button", name="Save figure"))
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    assert_accessible(page, "measure form with errors")
    page.get_by_label("Unit").fill("%")
    page.get_by_label("Lower is better").check()
    page.get_by_label("Baseline value").fill("30")
    page.get_by_label("Target value").fill("20")
    page.locator("#id_value").fill("30")
    follow(page.get_by_role("button", name="Save figure"))
    for label, value in (("Q1 2021/22", "26"), ("Q2 2021/22", "24")):
        follow(page.get_by_role("link", name="Add a value"))
        page.get_by_label("Period", exact=True).fill(label)
        page.get_by_label("Value", exact=True).fill(value)
        follow(page.get_by_role("button", name="Save value"))
    assert page.get_by_text("Amber: Improving but not on target").first.is_visible()
    assert page.get_by_role("img", name="Repeat victims of domestic abuse: values by period").is_visible()
    assert_accessible(page, "measure page with values and chart")
    follow(page.get_by_role("link", name="Add a value"))
    follow(page.get_by_role("button", name="Save value"))
    assert_accessible(page, "value form with errors")
    page.goto("/partnerships/new-csp/key-figures/")
    assert page.get_by_text("Amber: Improving but not on target").is_visible()
    assert_accessible(page, "measures page")
