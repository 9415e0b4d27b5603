"""A new partnership's coordinator sets it up in a real browser: from the first signed-in page to a
dashboard with a plan year, one priority and one action, in at most 9 POSTs; each page passes axe."""

import pytest

from partnership.models import Role
from tests.browser.helpers import assert_accessible, follow, sign_in
from tests.conftest import PASSWORD
from tests.factories import MembershipFactory, OrganisationFactory, PartnershipFactory, UserFactory

pytestmark = pytest.mark.browser


def test_new_coordinator_sets_up_a_plan_year_with_a_priority_and_an_action(page, db):
    partnership = PartnershipFactory(slug="new-csp", name="New Community Safety Partnership")
    council = OrganisationFactory(partnership=partnership, name="New Borough Council")
    for username, role in [("newcoord", Role.COORDINATOR), ("newmember", Role.MEMBER)]:
        MembershipFactory(
            user=UserFactory(username=username), partnership=partnership, organisation=council, role=role
        )
    sign_in(page, "newcoord", PASSWORD)
    assert page.url.endswith("/partnerships/new-csp/set-up/"), page.url
    assert_accessible(page, "set-up page")
    posts: list[str] = []
    page.on("request", lambda request: posts.append(request.url) if request.method == "POST" else None)

    page.get_by_label("Which year does your first plan year start in?").fill("2021")
    follow(page.get_by_role("button", name="Create the plan year"))
    assert page.get_by_role("heading", name="Next steps").is_visible()
    assert_accessible(page, "set-up checklist")

    follow(page.get_by_role("link", name="Add a priority"))
    page.get_by_label("Title").fill("Domestic abuse")
    follow(page.get_by_role("button", name="Save priority"))
    page.goto("/partnerships/new-csp/set-up/")
    follow(page.get_by_role("link", name="Add an action"))
    page.locator("#id_priority").select_option(label="Domestic abuse")
    page.get_by_label("Action", exact=True).fill("Train every housing officer")
    page.locator("#id_owner_1").select_option(label="New Borough Council")
    follow(page.get_by_role("button", name="Save action"))

    page.goto("/")
    assert page.get_by_role("heading", name="Dashboard 2021/22").is_visible()
    assert page.get_by_role("rowheader", name="Domestic abuse").is_visible()
    assert_accessible(page, "dashboard of the new plan year")
    assert len(posts) <= 9, posts
    assert len(posts) == 3, posts


def test_member_of_a_partnership_without_a_plan_year_sees_no_plan_year_yet(page, db):
    partnership = PartnershipFactory(slug="new-csp", name="New Community Safety Partnership")
    council = OrganisationFactory(partnership=partnership, name="New Borough Council")
    MembershipFactory(
        user=UserFactory(username="newmember"),
        partnership=partnership,
        organisation=council,
        role=Role.MEMBER,
    )
    sign_in(page, "newmember", PASSWORD)
    assert page.get_by_role("heading", name="No plan year yet").is_visible()
    assert_accessible(page, "no plan year yet")


def test_roll_forward_and_close_confirmation_are_accessible(page, world):
    sign_in(page, "coord", PASSWORD)
    page.goto("/partnerships/test-csp/years/2020-21/roll-forward/")
    follow(page.get_by_role("button", name="Tick every action not completed"))
    assert page.locator(f"#action-{world.action.pk}").is_checked()
    assert_accessible(page, "roll forward with not-completed actions ticked")
    page.goto("/partnerships/test-csp/years/2020-21/settings/")
    page.get_by_label("Closed").check()
    follow(page.get_by_role("button", name="Save state"))
    assert page.get_by_role("heading", name="Close 2020/21 without every year-end update?").is_visible()
    assert_accessible(page, "close confirmation")
    follow(page.get_by_role("button", name="Close 2020/21 anyway"))
    assert page.get_by_text("Plan year 2020/21 saved.").is_visible()
