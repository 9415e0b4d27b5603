"""The meeting rules: names, places, attendance, papers, minutes approved at a later meeting,
actions with owners and due dates, overdue flags, the pre-filled Strategy Group agenda."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.errors import AccessDenied, ServiceError
from governance import selectors, services
from governance.models import AgendaItem, Attendance, AttendanceStatus, MinutesState, is_overdue
from planning import services as planning_services
from planning.models import Status
from tests.factories import ActionFactory, OrganisationFactory
from tests.governance.helpers import meeting, series, when

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%test paper\n"


def test_overdue_is_after_the_due_date_and_not_done():
    day = datetime.date(2020, 7, 10)
    assert not is_overdue(day, None, day)
    assert is_overdue(day, None, day + datetime.timedelta(days=1))
    assert not is_overdue(day, day, day + datetime.timedelta(days=30))


def test_series_names_are_unique_and_people_must_be_members(world):
    series(world)
    with pytest.raises(ServiceError, match="already has a meeting series"):
        series(world, "strategy group")
    with pytest.raises(ServiceError, match="member of the partnership"):
        series(world, "Other", members=[world.outsider])
    with pytest.raises(ServiceError, match="Enter the series name"):
        series(world, "  ")
    with pytest.raises(AccessDenied):
        services.meeting_series_create(
            actor=world.lead_officer, partnership=world.partnership, fields=services.SeriesFields(name="X")
        )


def test_a_meeting_needs_a_place_or_an_https_link(world):
    group = series(world)
    with pytest.raises(ServiceError, match="where the meeting is held"):
        services.meeting_create(
            actor=world.coordinator, series=group, fields=services.MeetingFields(starts_at=when())
        )
    with pytest.raises(ServiceError, match="https://"):
        services.meeting_create(
            actor=world.coordinator,
            series=group,
            fields=services.MeetingFields(starts_at=when(), online_link="http://example.org/meet"),
        )


def test_attendance_per_organisation_with_substitutes(world):
    held = meeting(world, series(world))
    with pytest.raises(ServiceError, match="name of the substitute"):
        services.attendance_record(
            actor=world.coordinator,
            meeting=held,
            rows=[(world.organisation, AttendanceStatus.SUBSTITUTE, "")],
        )
    assert not Attendance.objects.filter(meeting=held).exists()
    services.attendance_record(
        actor=world.coordinator,
        meeting=held,
        rows=[
            (world.organisation, AttendanceStatus.SUBSTITUTE, "A. Deputy"),
            (world.other_organisation, AttendanceStatus.APOLOGIES, ""),
        ],
    )
    assert dict(Attendance.objects.filter(meeting=held).values_list("organisation__name", "status")) == {
        "Test Borough Council": "substitute",
        "Test Police": "apologies",
    }
    services.attendance_record(
        actor=world.coordinator, meeting=held, rows=[(world.other_organisation, "", "")]
    )
    assert Attendance.objects.filter(meeting=held).count() == 1
    stranger = OrganisationFactory(partnership=world.other_partnership)
    with pytest.raises(ServiceError, match="partnership's organisations"):
        services.attendance_record(actor=world.coordinator, meeting=held, rows=[(stranger, "present", "")])


def test_papers_are_checked_and_stored_privately_under_random_names(world, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    held = meeting(world, series(world))
    fake = SimpleUploadedFile("report.pdf", b"<html>not a pdf</html>")
    with pytest.raises(ServiceError, match="contents do not match"):
        services.agenda_item_save(actor=world.coordinator, meeting=held, title="Report", paper=fake)
    with pytest.raises(ServiceError, match="not a PDF, Word"):
        services.agenda_item_save(
            actor=world.coordinator, meeting=held, title="Report", paper=SimpleUploadedFile("x.exe", b"MZ")
        )
    assert not AgendaItem.objects.filter(meeting=held).exists()
    item = services.agenda_item_save(
        actor=world.coordinator, meeting=held, title="Report", paper=SimpleUploadedFile("Q1 report.pdf", PDF)
    )
    assert item.paper.name.startswith("governance/papers/") and item.paper.name.endswith(".pdf")
    assert "Q1" not in item.paper.name and item.paper_name == "Q1 report.pdf"
    with pytest.raises(ServiceError, match="page of CSP Hub"):
        services.agenda_item_save(
            actor=world.coordinator, meeting=held, item=item, title="Report", link="https://evil.example/"
        )


def test_minutes_are_approved_at_a_later_meeting_of_the_series_and_then_frozen(world):
    group = series(world)
    first = meeting(world, group, when(2020, 5, 12))
    second = meeting(world, group, when(2020, 9, 15))
    item = services.agenda_item_save(
        actor=world.coordinator, meeting=first, title="Performance", minutes="Noted."
    )
    first.refresh_from_db()
    assert first.minutes_state == MinutesState.DRAFT
    with pytest.raises(ServiceError, match="later meeting"):
        services.minutes_approve(
            actor=world.coordinator, meeting=first, approved_at=meeting(world, group, when(2020, 4, 1))
        )
    other = meeting(world, series(world, "Young Person's Group"), when(2020, 10, 1))
    with pytest.raises(ServiceError, match="same series"):
        services.minutes_approve(actor=world.coordinator, meeting=first, approved_at=other)
    services.minutes_approve(actor=world.coordinator, meeting=first, approved_at=second)
    first.refresh_from_db()
    assert (first.minutes_state, first.minutes_approved_at_id) == (MinutesState.APPROVED, second.pk)
    with pytest.raises(ServiceError, match="already been approved"):
        services.minutes_approve(actor=world.coordinator, meeting=first, approved_at=second)
    with pytest.raises(ServiceError, match="approved and can no longer change"):
        services.agenda_item_save(
            actor=world.coordinator, meeting=first, item=item, title="Performance", minutes="Changed"
        )


def test_minutes_need_writing_before_approval(world):
    group = series(world)
    first, second = meeting(world, group, when(2020, 5, 12)), meeting(world, group, when(2020, 9, 15))
    with pytest.raises(ServiceError, match="Write the minutes"):
        services.minutes_approve(actor=world.coordinator, meeting=first, approved_at=second)


def test_meeting_action_owner_must_work_for_the_owner_organisation(world):
    held = meeting(world, series(world))
    with pytest.raises(ServiceError, match="does not work for"):
        services.meeting_action_create(
            actor=world.coordinator,
            meeting=held,
            text="Do it",
            owner_organisation=world.other_organisation,
            owner_person=world.lead_officer,
            due_date=datetime.date(2020, 6, 1),
        )
    with pytest.raises(ServiceError, match="before the meeting"):
        services.meeting_action_create(
            actor=world.coordinator,
            meeting=held,
            text="Do it",
            owner_organisation=world.organisation,
            due_date=datetime.date(2020, 1, 1),
        )


def test_prefilled_agenda_lists_actions_at_risk_missing_updates_and_overdue_meeting_actions(world):
    group = series(world, prefill_agenda=True)
    risky = ActionFactory(
        priority=world.priority, text="Reduce knife crime", owners=[world.other_organisation]
    )
    at_risk = Status.objects.get(partnership=world.partnership, name="At risk")
    period = world.plan_year.periods.get(code="Q1")
    planning_services.action_update_record(
        action=risky, period=period, status=at_risk, narrative="Behind", actor=world.coordinator
    )
    earlier = meeting(world, group, when(2020, 4, 20))
    services.meeting_action_create(
        actor=world.coordinator,
        meeting=earlier,
        text="Circulate the draft plan",
        owner_organisation=world.organisation,
        due_date=datetime.date(2020, 5, 1),
    )
    titles = selectors.prefilled_agenda(world.coordinator, group, datetime.date(2020, 6, 1))
    text = "\n".join(titles)
    assert titles[0] == "Apologies and attendance" and titles[-1] == "Any other business"
    assert "Action at risk (At risk): Reduce knife crime" in text
    assert "Missing Q1" in text and "Test Borough Council, 1 action" in text  # world.action has no update
    assert "Overdue meeting action (due 1 May 2020, Test Borough Council): Circulate the draft plan" in text
    assert "Overdue meeting action" not in "\n".join(
        selectors.prefilled_agenda(world.coordinator, group, datetime.date(2020, 5, 1))
    )


def test_prefilled_agenda_lists_projects_needing_a_decision(world):
    from projects import services as project_services

    group = series(world, prefill_agenda=True)
    project_services.project_create(
        actor=world.coordinator, plan_year=world.plan_year, title="Youth diversion"
    )
    titles = selectors.prefilled_agenda(world.coordinator, group, datetime.date(2020, 6, 1))
    assert "Project needing a decision (approve or decline): Youth diversion" in titles
    assert titles[-1] == "Any other business"


def test_prefilled_agenda_goes_by_what_a_status_means_not_its_name(world):
    """Off track (called "Red" here) is listed like at risk; on track and completed are not."""
    from planning.models import StatusMeaning

    group = series(world, prefill_agenda=True)
    period = world.plan_year.periods.get(code="Q1")
    red = Status.objects.create(partnership=world.partnership, name="Red", meaning=StatusMeaning.OFF_TRACK)
    fine = Status.objects.filter(partnership=world.partnership, meaning=StatusMeaning.ON_TRACK).first()
    assert fine is not None
    for text, status in (("Open the hub", red), ("Run the patrols", fine)):
        action = ActionFactory(priority=world.priority, text=text, owners=[world.organisation])
        planning_services.action_update_record(
            action=action, period=period, status=status, narrative="Noted", actor=world.coordinator
        )
    text = "\n".join(selectors.prefilled_agenda(world.coordinator, group, datetime.date(2020, 6, 1)))
    assert "Action off track (Red): Open the hub" in text
    assert "Run the patrols" not in text
