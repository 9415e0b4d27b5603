"""A coordinator adds a strategy over two plan years, chooses it on a year's settings, checks and
publishes it, in a real browser; each new page (and the public strategy) passes axe."""

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


def test_coordinator_adds_and_publishes_a_strategy(page, db):
    partnership = PartnershipFactory(slug="new-csp", name="New Community Safety Partnership")
    council = OrganisationFactory(partnership=partnership, name="New Borough Council")
    MembershipFactory(
        user=UserFactory(username="newcoord"),
        partnership=partnership,
        organisation=council,
        role=Role.COORDINATOR,
    )
    partnership.current_plan_year = PlanYearFactory(partnership=partnership, slug="2021-22")
    partnership.save()
    sign_in(page, "newcoord", PASSWORD)

    page.goto("/partnerships/new-csp/years/2021-22/settings/")
    follow(page.get_by_role("link", name="Strategies of New Community Safety Partnership"))
    assert_accessible(page, "strategy list (none yet)")
    follow(page.get_by_role("link", name="Add a strategy"))
    assert_accessible(page, "add a strategy")
    page.get_by_label("Title").fill("Community Safety Strategy")
    page.get_by_label("Start year").fill("2021")
    page.get_by_label("End year").fill("2020")
    follow(page.get_by_role("button", name="Save strategy"))
    assert page.get_by_text("The end year must be after the start year").first.is_visible()
    assert_accessible(page, "add a strategy with an error")
    page.get_by_label("End year").fill("2023")
    page.get_by_label("Vision").fill("Everyone is and feels safe.")
    follow(page.get_by_role("button", name="Save strategy"))
    assert page.get_by_role("heading", name="Community Safety Strategy 2021–2023").is_visible()
    assert page.get_by_role("heading", name="Delivery plan 2022/23").is_visible()
    assert_accessible(page, "strategy page")

    follow(page.get_by_role("link", name="Edit the strategy"))
    assert_accessible(page, "edit a strategy")
    page.goto("/partnerships/new-csp/strategies/")
    assert_accessible(page, "strategy list")
    page.goto("/partnerships/new-csp/strategies/2021-2023/delete/")
    assert_accessible(page, "delete a strategy with plan years (refused)")
    page.goto("/partnerships/new-csp/years/2021-22/settings/")
    assert page.get_by_label("Strategy").input_value() != ""
    assert_accessible(page, "plan year settings with the strategy choice")

    page.goto("/partnerships/new-csp/strategy-documents/2021-2023/")
    assert_accessible(page, "strategy document")
    follow(page.get_by_role("link", name="Check and publish the strategy"))
    assert_accessible(page, "publish the strategy")
    page.get_by_label("I have read the checklist and want to publish this strategy now").check()
    follow(page.get_by_role("button", name="Publish the strategy"))
    assert page.get_by_text("as version 1").is_visible()
    follow(page.get_by_role("link", name="Withdraw version 1"))
    assert_accessible(page, "withdraw a strategy version")

    page.goto("/partnerships/new-csp/strategy-documents/2021-2023/preview/")
    assert_accessible(page, "draft strategy preview")
    page.goto("/p/new-csp/strategy/2021-2023/")
    assert page.get_by_role("heading", name="Vision").is_visible()
    assert_accessible(page, "public strategy")
    page.goto("/p/new-csp/strategy/2021-2023/versions/")
    assert_accessible(page, "public strategy versions")
