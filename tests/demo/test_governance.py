"""The demo's meetings and calendar: the seed's series and cadences, three Strategy Group meetings
of 2020/21 marked as example data, actions in their owners' My actions, and the 2020/21 calendar."""

import io

import pytest
from django.urls import reverse

from core.actors import system_user
from demo.governance import governance_load
from demo.partnership import demo_load
from governance.models import Duty, Meeting, MeetingAction, MeetingSeries, MinutesState
from publishing import services as publishing_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():  # type: ignore[no-untyped-def]
    actor = system_user()
    result = demo_load(actor=actor, with_users=True)
    out = io.StringIO()
    governance_load(partnership=result.partnership, actor=actor, stdout=out)
    return result, out.getvalue()


def test_series_and_cadences_from_the_seed(demo):
    result, out = demo
    cadences = dict(
        MeetingSeries.objects.filter(partnership=result.partnership).values_list("name", "cadence")
    )
    assert cadences == {
        "Strategy Group": "Three times a year",
        "Community Safety Unit": "Weekly",
        "Serious and Organised Crime": "Monthly",
        "Young Person's Group": "Monthly",
        "West Kent Domestic Abuse Forum": "Quarterly",
    }
    csu = MeetingSeries.objects.get(name="Community Safety Unit")
    assert csu.case_review and csu.is_confidential
    assert sorted(csu.members.values_list("username", flat=True)) == ["coordinator", "lead.police"]
    assert "5 meeting series" in out
    again = io.StringIO()
    governance_load(partnership=result.partnership, actor=system_user(), stdout=again)
    assert "already loaded" in again.getvalue() and MeetingSeries.objects.count() == 5


def test_three_strategy_group_meetings_marked_as_example_data(client, demo):
    result, _ = demo
    meetings = list(Meeting.objects.filter(series__name="Strategy Group").order_by("starts_at"))
    assert [m.local_start.date().isoformat() for m in meetings] == ["2020-06-16", "2020-10-13", "2021-02-09"]
    assert all(m.is_example for m in meetings)
    assert [m.minutes_state for m in meetings] == [
        MinutesState.APPROVED,
        MinutesState.APPROVED,
        MinutesState.DRAFT,
    ]
    assert meetings[0].minutes_approved_at == meetings[1]
    from accounts.models import User

    client.force_login(User.objects.get(username="member"))
    page = client.get(
        reverse("governance:meeting", args=[result.partnership.slug, meetings[0].pk])
    ).content.decode()
    assert "Example data" in page and "Example minutes" in page and "Apologies" in page
    assert MeetingAction.objects.filter(is_example=True).count() == 3


def test_meeting_actions_show_in_the_lead_officers_my_actions(client, demo):
    result, _ = demo
    from accounts.models import User

    client.force_login(User.objects.get(username="lead.police"))
    page = client.get(
        reverse("planning:my_actions", args=[result.partnership.slug, "2020-21"])
    ).content.decode()
    assert "Review the night-time economy patrol plan before Christmas" in page and "Overdue" in page


def test_the_2020_21_calendar_and_the_plan_due_to_be_sent(client, demo):
    result, _ = demo
    duties = {
        d.key: d
        for d in Duty.objects.filter(plan_year__slug="2020-21", plan_year__partnership=result.partnership)
    }
    assert (
        len(duties) == 9
        and duties["scrutiny"].is_example
        and duties["scrutiny"].due_date.isoformat() == "2020-11-30"
    )
    assert not duties["plan_to_policing_body"].is_example and duties["plan_to_policing_body"].statutory
    from accounts.models import User

    coordinator = User.objects.get(username="coordinator")
    publishing_services.plan_publish(
        plan_year=duties["scrutiny"].plan_year, actor=system_user(), confirmed=True
    )
    client.force_login(coordinator)
    page = client.get(
        reverse("planning:dashboard_year", args=[result.partnership.slug, "2020-21"])
    ).content.decode()
    assert "Send the partnership plan to the local policing body." in page
