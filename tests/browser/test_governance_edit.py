"""In a real browser: a coordinator changes and deletes meeting actions, meetings and a series
(confirmation pages, refusals and errors), sees the engagement linked to the Strategic
Assessment's community views, and the plan's preview with its equality impact assessment
appendix; every page passes axe."""

import datetime

import pytest
from django.utils import timezone

from assessment import services as assessment_services
from governance import services
from governance.models import EngagementKind
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


def test_coordinator_changes_and_deletes_meetings(page, db):
    partnership = PartnershipFactory(slug="edit-csp", name="Edit Community Safety Partnership")
    council = OrganisationFactory(partnership=partnership, name="Edit Borough Council")
    coordinator = UserFactory(username="editcoord")
    MembershipFactory(user=coordinator, partnership=partnership, organisation=council, role=Role.COORDINATOR)
    year = PlanYearFactory(partnership=partnership, slug="2020-21")
    partnership.current_plan_year = year
    partnership.save()
    group = services.meeting_series_create(
        actor=coordinator, partnership=partnership, fields=services.SeriesFields(name="Strategy Group")
    )
    held = services.meeting_create(
        actor=coordinator,
        series=group,
        fields=services.MeetingFields(
            starts_at=timezone.make_aware(datetime.datetime(2020, 5, 12, 10)), place="Kings Hill"
        ),
    )
    services.meeting_action_create(
        actor=coordinator,
        meeting=held,
        text="Circulate the draft plan",
        owner_organisation=council,
        due_date=datetime.date(2020, 6, 1),
    )
    sign_in(page, "editcoord", PASSWORD)

    page.goto(f"/partnerships/edit-csp/meetings/{held.pk}/")
    follow(page.get_by_role("link", name="Change the action: Circulate the draft plan"))
    assert_accessible(page, "change a meeting action")
    page.get_by_label("Month").fill("1")
    follow(page.get_by_role("button", name="Save action"))
    assert page.get_by_text("cannot be before the meeting").first.is_visible()
    assert_accessible(page, "change a meeting action with an error")
    page.get_by_label("Month").fill("7")
    follow(page.get_by_role("button", name="Save action"))
    assert page.get_by_text("1 July 2020").is_visible()
    follow(page.get_by_role("link", name="Delete the action: Circulate the draft plan"))
    assert_accessible(page, "delete a meeting action")
    follow(page.get_by_role("button", name="Delete the action"))
    assert page.get_by_text("No actions agreed yet.").is_visible()

    page.goto(f"/partnerships/edit-csp/meetings/series/{group.pk}/")
    follow(page.get_by_role("link", name="Delete the series"))
    assert page.get_by_text("a series with meetings cannot be deleted").is_visible()
    assert_accessible(page, "delete a series with meetings (refused)")
    page.goto(f"/partnerships/edit-csp/meetings/{held.pk}/")
    follow(page.get_by_role("link", name="Delete the meeting"))
    assert_accessible(page, "delete a meeting")
    follow(page.get_by_role("button", name="Delete the meeting"))
    follow(page.get_by_role("link", name="Delete the series"))
    assert_accessible(page, "delete an empty series")
    follow(page.get_by_role("button", name="Delete the series"))
    assert page.get_by_text("Deleted the Strategy Group.").is_visible()


def test_community_views_show_linked_engagement_and_the_plan_prints_its_eia(page, db):
    partnership = PartnershipFactory(slug="link-csp", name="Link Community Safety Partnership")
    council = OrganisationFactory(partnership=partnership, name="Link Borough Council")
    coordinator = UserFactory(username="linkcoord")
    MembershipFactory(user=coordinator, partnership=partnership, organisation=council, role=Role.COORDINATOR)
    year = PlanYearFactory(partnership=partnership, slug="2020-21")
    partnership.current_plan_year = year
    partnership.save()
    assessment = assessment_services.assessment_create(
        partnership=partnership, slug="2021-22", actor=coordinator
    )
    view = assessment_services.community_view_create(
        assessment=assessment, actor=coordinator, theme="Speeding", source="Residents' survey"
    )
    services.engagement_save(
        actor=coordinator,
        partnership=partnership,
        fields=services.EngagementFields(
            kind=EngagementKind.SURVEY,
            title="Roads survey 2020",
            held_on=datetime.date(2020, 6, 3),
            community_views=[view],
        ),
    )
    services.eia_save(
        actor=coordinator,
        partnership=partnership,
        fields=services.EiaFields(
            characteristics=["age"],
            findings="No adverse impact found.",
            plan_year=year,
            print_as_appendix=True,
        ),
    )
    sign_in(page, "linkcoord", PASSWORD)

    page.goto("/partnerships/link-csp/assessment/2021-22/")
    assert page.get_by_role("link", name="Survey: Roads survey 2020").is_visible()
    assert_accessible(page, "assessment with linked engagement")
    page.goto(f"/partnerships/link-csp/assessment/2021-22/community/{view.pk}/")
    assert page.get_by_role("link", name="Survey: Roads survey 2020").is_visible()
    assert_accessible(page, "community view form with linked engagement")
    follow(page.get_by_role("link", name="Survey: Roads survey 2020"))
    assert page.get_by_text("Roads survey 2020").first.is_visible()
    page.goto("/partnerships/link-csp/plan-documents/2020-21/preview/")
    assert page.get_by_role("heading", name="Appendix 1: Equality impact assessment").is_visible()
    assert_accessible(page, "plan preview with an equality impact assessment appendix")
