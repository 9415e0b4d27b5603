"""A coordinator sets up a Strategy Group, holds a meeting with a pre-filled agenda, records
attendance, minutes and actions, in a real browser; every meeting page passes axe."""

import pytest

from partnership.models import Role
from tests.browser.helpers import assert_accessible, follow, sign_in
from tests.conftest import PASSWORD
from tests.factories import (
    ActionFactory,
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    PlanYearFactory,
    PriorityFactory,
    UserFactory,
)

pytestmark = pytest.mark.browser


def test_coordinator_runs_a_strategy_group_meeting(page, db, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    partnership = PartnershipFactory(slug="new-csp", name="New Community Safety Partnership")
    council = OrganisationFactory(partnership=partnership, name="New Borough Council")
    police = OrganisationFactory(partnership=partnership, name="New Police")
    MembershipFactory(
        user=UserFactory(username="newcoord"),
        partnership=partnership,
        organisation=council,
        role=Role.COORDINATOR,
    )
    year = PlanYearFactory(partnership=partnership, slug="2020-21")
    partnership.current_plan_year = year
    partnership.save()
    ActionFactory(
        priority=PriorityFactory(plan_year=year, title="Violent crime"),
        text="Patrol the town centre",
        owners=[police],
    )
    sign_in(page, "newcoord", PASSWORD)

    page.goto("/partnerships/new-csp/meetings/")
    assert_accessible(page, "meetings (none yet)")
    follow(page.get_by_role("link", name="Add a meeting series"))
    follow(page.get_by_role("button", name="Save meeting series"))
    assert page.get_by_text("Enter the series name").first.is_visible()
    assert_accessible(page, "add a series with an error")
    page.get_by_label("Name", exact=True).fill("Strategy Group")
    page.get_by_label("How often it meets").fill("Three times a year")
    page.get_by_label("New Borough Council", exact=True).check()
    page.get_by_label("New Police", exact=True).check()
    page.get_by_label("Pre-fill new agendas").check()
    follow(page.get_by_role("button", name="Save meeting series"))
    assert page.get_by_role("heading", name="Strategy Group").is_visible()
    assert_accessible(page, "series page")
    follow(page.get_by_role("link", name="Edit the series"))
    assert_accessible(page, "edit a series")
    page.go_back()

    follow(page.get_by_role("link", name="Add a meeting"))
    page.get_by_label("Day").fill("12")
    page.get_by_label("Month").fill("5")
    page.get_by_label("Year").fill("2020")
    page.get_by_label("Start time").fill("10:00")
    follow(page.get_by_role("button", name="Save meeting"))
    assert page.get_by_text("Enter where the meeting is held").first.is_visible()
    assert_accessible(page, "add a meeting with an error")
    page.get_by_label("Place").fill("Gibson Building, Kings Hill")
    follow(page.get_by_role("button", name="Save meeting"))
    assert page.get_by_role("heading", name="3. Missing Q1 update: New Police, 1 action").is_visible()
    assert_accessible(page, "meeting page with a pre-filled agenda")
    meeting_url = page.url

    follow(page.get_by_role("link", name="Record attendance"))
    assert_accessible(page, "attendance")
    page.get_by_label("Attendance of New Police").select_option("apologies")
    follow(page.get_by_role("button", name="Save attendance"))
    follow(page.get_by_role("link", name="Add an agenda item"))
    assert_accessible(page, "add an agenda item")
    page.get_by_label("Title").fill("Performance report")
    page.get_by_label("Minutes").fill("The group noted the report.")
    follow(page.get_by_role("button", name="Save agenda item"))
    follow(page.get_by_role("link", name="Delete Performance report"))
    assert_accessible(page, "delete an agenda item")
    page.goto(meeting_url)
    follow(page.get_by_role("link", name="Add an action"))
    page.get_by_label("Action").fill("Circulate the draft plan")
    page.get_by_label("Owner organisation").select_option(label="New Borough Council")
    page.get_by_label("Day").fill("1")
    page.get_by_label("Month").fill("6")
    page.get_by_label("Year").fill("2020")
    follow(page.get_by_role("button", name="Save action"))
    assert page.get_by_text("Overdue").first.is_visible()
    assert_accessible(page, "meeting page with attendance, minutes and an overdue action")
    follow(page.get_by_role("link", name="Edit date and place"))
    assert_accessible(page, "edit a meeting")

    page.goto("/partnerships/new-csp/my-actions/")
    assert page.get_by_text("Circulate the draft plan").is_visible()
    assert_accessible(page, "My actions with a meeting action")
    page.goto("/account/calendar-feed/")
    assert_accessible(page, "calendar feed (none)")
    follow(page.get_by_role("button", name="Make a feed address"))
    assert page.locator("#feed-url").is_visible()
    assert_accessible(page, "calendar feed address shown once")


def test_coordinator_keeps_the_calendar_and_records_the_plan_sent(page, db):
    from publishing.services import plan_publish

    partnership = PartnershipFactory(slug="cal-csp", name="Calendar Community Safety Partnership")
    council = OrganisationFactory(partnership=partnership, name="Calendar Borough Council")
    coordinator = UserFactory(username="calcoord")
    MembershipFactory(user=coordinator, partnership=partnership, organisation=council, role=Role.COORDINATOR)
    year = PlanYearFactory(partnership=partnership, slug="2020-21")
    partnership.current_plan_year = year
    partnership.save()
    ActionFactory(
        priority=PriorityFactory(plan_year=year, title="Violent crime"), text="Patrol", owners=[council]
    )
    sign_in(page, "calcoord", PASSWORD)

    page.goto("/partnerships/cal-csp/calendar/")
    assert_accessible(page, "calendar (empty)")
    follow(page.get_by_role("button", name="Add the standard items"))
    assert page.get_by_text("Local practice — check the law").first.is_visible()
    assert_accessible(page, "calendar with the standard items")
    follow(page.get_by_role("link", name="Publish the ASB Case Review figures"))
    assert_accessible(page, "edit a statutory calendar item")
    page.goto("/partnerships/cal-csp/calendar/2020-21/new/")
    follow(page.get_by_role("button", name="Save calendar item"))
    assert_accessible(page, "add a calendar item with an error")

    plan_publish(plan_year=year, actor=coordinator, confirmed=True)
    page.goto("/partnerships/cal-csp/")
    assert page.get_by_text("Send the partnership plan to the local policing body.").is_visible()
    assert_accessible(page, "dashboard with the calendar")
    page.goto("/partnerships/cal-csp/plan-documents/2020-21/")
    follow(page.get_by_role("link", name="Record it as sent"))
    assert_accessible(page, "record the plan as sent")
    follow(page.get_by_role("button", name="Record as sent"))
    assert page.get_by_text("Version 1 sent to").is_visible()
    assert_accessible(page, "plan page with the plan sent")


def test_engagement_log_public_page_and_equality_impact_assessment(page, db):
    partnership = PartnershipFactory(slug="eng-csp", name="Engagement Community Safety Partnership")
    council = OrganisationFactory(partnership=partnership, name="Engagement Borough Council")
    MembershipFactory(
        user=UserFactory(username="engcoord"),
        partnership=partnership,
        organisation=council,
        role=Role.COORDINATOR,
    )
    partnership.current_plan_year = PlanYearFactory(partnership=partnership, slug="2020-21")
    partnership.save()
    sign_in(page, "engcoord", PASSWORD)

    page.goto("/partnerships/eng-csp/engagement/")
    assert_accessible(page, "engagement log (empty)")
    follow(page.get_by_role("link", name="Add to the log"))
    follow(page.get_by_role("button", name="Save"))
    assert_accessible(page, "add to the log with errors")
    page.get_by_label("You said, we did").check()
    page.get_by_label("Title").fill("Street lighting")
    page.get_by_label("Day").fill("1")
    page.get_by_label("Month").fill("9")
    page.get_by_label("Year").fill("2020")
    page.locator("#id_you_said").fill("The underpass is dark")
    page.locator("#id_we_did").fill("New lights were fitted")
    follow(page.get_by_role("button", name="Save"))
    follow(page.get_by_role("button", name="Publish Street lighting"))
    assert page.get_by_text("Published", exact=True).is_visible()
    assert_accessible(page, "engagement log with a published item")
    page.goto("/p/eng-csp/you-said-we-did/")
    assert page.get_by_text("New lights were fitted").is_visible()
    assert_accessible(page, "public you said, we did page")

    page.goto("/partnerships/eng-csp/equality-impact/")
    assert_accessible(page, "equality impact assessments (none)")
    follow(page.get_by_role("link", name="Add an equality impact assessment"))
    follow(page.get_by_role("button", name="Save assessment"))
    assert_accessible(page, "add an equality impact assessment with errors")
    page.get_by_label("Assessment of").select_option(label="Plan year 2020/21")
    page.get_by_label("Age", exact=True).check()
    page.get_by_label("Findings").fill("No adverse impact found.")
    follow(page.get_by_role("button", name="Save assessment"))
    assert page.get_by_text("No adverse impact found.").is_visible()
    assert_accessible(page, "equality impact assessment")
