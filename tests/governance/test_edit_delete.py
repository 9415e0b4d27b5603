"""Changing and deleting meeting series, meetings and meeting actions (agenda items have their own
tests): who may, what stays part of the record, history and audit naming the actor, and the
confirmation pages (GET asks, POST deletes)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.errors import AccessDenied, ServiceError
from core.models import AuditEvent, AuditEventType
from governance import services, services_edit
from governance.models import AgendaItem, Attendance, AttendanceStatus, Meeting, MeetingAction, MeetingSeries
from tests.governance.helpers import confidential, meeting, series, when

pytestmark = pytest.mark.django_db
DUE = datetime.date(2020, 6, 1)


def add_action(world, held, text="Send the figures"):  # type: ignore[no-untyped-def]
    return services.meeting_action_create(
        actor=world.coordinator,
        meeting=held,
        text=text,
        owner_organisation=world.organisation,
        owner_person=world.lead_officer,
        due_date=DUE,
    )


def test_a_series_with_meetings_cannot_be_deleted_an_empty_one_can(world):
    group = series(world)
    held = meeting(world, group)
    with pytest.raises(ServiceError, match="has 1 meeting: a series with meetings cannot be deleted"):
        services_edit.meeting_series_delete(actor=world.coordinator, series=group)
    with pytest.raises(AccessDenied):
        services_edit.meeting_series_delete(actor=world.lead_officer, series=group)
    services_edit.meeting_delete(actor=world.coordinator, meeting=held)
    services_edit.meeting_series_delete(actor=world.coordinator, series=group)
    assert not MeetingSeries.objects.exists()
    assert MeetingSeries.history.filter(history_type="-", history_user=world.coordinator).exists()


def test_a_coordinator_outside_a_confidential_series_cannot_delete_it(world):
    csu = confidential(world, [world.lead_officer])
    csu.members.remove(world.coordinator)
    with pytest.raises(AccessDenied):
        services_edit.meeting_series_delete(actor=world.coordinator, series=csu)


def test_deleting_a_meeting_deletes_its_items_papers_attendance_and_actions(
    world, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path)
    group = series(world)
    held = meeting(world, group, agenda=["Performance report"])
    item = services.agenda_item_save(
        actor=world.coordinator,
        meeting=held,
        title="Budget",
        paper=SimpleUploadedFile("budget.pdf", b"%PDF-1.4\n%paper\n"),
    )
    services.attendance_record(
        actor=world.coordinator, meeting=held, rows=[(world.organisation, AttendanceStatus.PRESENT, "")]
    )
    add_action(world, held)
    storage = AgendaItem._meta.get_field("paper").storage
    name, pk = item.paper.name, held.pk
    assert storage.exists(name)
    with pytest.raises(AccessDenied):
        services_edit.meeting_delete(actor=world.member, meeting=held)
    with django_capture_on_commit_callbacks(execute=True):
        services_edit.meeting_delete(actor=world.coordinator, meeting=held)
    assert not storage.exists(name)
    assert not Meeting.objects.exists() and not AgendaItem.objects.exists()
    assert not Attendance.objects.exists() and not MeetingAction.objects.exists()
    for model in (Meeting, AgendaItem, Attendance, MeetingAction):
        assert model.history.filter(history_type="-", history_user=world.coordinator).exists()
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.DELETED, object_id=str(pk), actor_username=world.coordinator.username
    ).exists()


def test_meetings_that_are_part_of_the_record_are_not_deleted(world):
    group = series(world)
    first = meeting(world, group, at=when(month=5))
    later = meeting(world, group, at=when(month=9))
    services.agenda_item_save(actor=world.coordinator, meeting=first, title="Plan", minutes="Agreed.")
    services.minutes_approve(actor=world.coordinator, meeting=first, approved_at=later)
    first.refresh_from_db()
    with pytest.raises(ServiceError, match="minutes of this meeting have been approved"):
        services_edit.meeting_delete(actor=world.coordinator, meeting=first)
    with pytest.raises(ServiceError, match="approved the minutes of the meeting of 12 May 2020"):
        services_edit.meeting_delete(actor=world.coordinator, meeting=later)
    third = meeting(world, group, at=when(month=11))
    duty = services.duty_create(
        actor=world.coordinator, plan_year=world.plan_year, fields=services.DutyFields(title="Scrutiny")
    )
    services.duty_complete(
        actor=world.coordinator, duty=duty, done_on=datetime.date(2020, 11, 12), meeting=third
    )
    with pytest.raises(ServiceError, match="evidence that “Scrutiny” was done"):
        services_edit.meeting_delete(actor=world.coordinator, meeting=third)
    assert Meeting.objects.count() == 3


def test_changing_an_action(world):
    held = meeting(world, series(world))
    action = add_action(world, held)
    changed = services_edit.meeting_action_edit(
        actor=world.coordinator,
        action=action,
        text="  Send the Q1 figures ",
        owner_organisation=world.other_organisation,
        owner_person=None,
        due_date=datetime.date(2020, 7, 1),
    )
    changed.refresh_from_db()
    assert (changed.text, changed.owner_organisation, changed.owner_person, changed.due_date) == (
        "Send the Q1 figures", world.other_organisation, None, datetime.date(2020, 7, 1)
    )  # fmt: skip
    assert changed.history.filter(history_user=world.coordinator).count() == 2
    kwargs = {"actor": world.coordinator, "action": action, "owner_organisation": world.organisation}
    with pytest.raises(ServiceError, match="does not work for"):
        services_edit.meeting_action_edit(
            **kwargs, text="x", owner_person=world.other_lead_officer, due_date=DUE
        )
    with pytest.raises(ServiceError, match="cannot be before the meeting"):
        services_edit.meeting_action_edit(**kwargs, text="x", due_date=datetime.date(2020, 1, 1))
    with pytest.raises(ServiceError, match="Enter the action"):
        services_edit.meeting_action_edit(**kwargs, text="  ", due_date=DUE)
    with pytest.raises(AccessDenied):
        services_edit.meeting_action_edit(
            actor=world.lead_officer,
            action=action,
            owner_organisation=world.organisation,
            text="x",
            due_date=DUE,
        )


def test_actions_of_approved_minutes_keep_their_wording_and_stay(world):
    group = series(world)
    first = meeting(world, group, at=when(month=5))
    later = meeting(world, group, at=when(month=9))
    action = add_action(world, first)
    spare = add_action(world, first, "Book the room")
    services_edit.meeting_action_delete(actor=world.coordinator, action=spare)
    assert not MeetingAction.objects.filter(pk=spare.pk).exists()
    services.agenda_item_save(actor=world.coordinator, meeting=first, title="Plan", minutes="Agreed.")
    services.minutes_approve(actor=world.coordinator, meeting=first, approved_at=later)
    action.refresh_from_db()
    with pytest.raises(ServiceError, match="wording stays as minuted"):
        services_edit.meeting_action_edit(
            actor=world.coordinator,
            action=action,
            text="Other",
            owner_organisation=world.organisation,
            due_date=DUE,
        )
    moved = services_edit.meeting_action_edit(
        actor=world.coordinator,
        action=action,
        text=action.text,
        owner_organisation=world.organisation,
        due_date=datetime.date(2020, 10, 1),
    )
    assert moved.due_date == datetime.date(2020, 10, 1)
    with pytest.raises(ServiceError, match="actions are part of the record"):
        services_edit.meeting_action_delete(actor=world.coordinator, action=action)
    with pytest.raises(AccessDenied):
        services_edit.meeting_action_delete(actor=world.lead_officer, action=action)


def test_confirmation_pages(client, world):
    group = series(world)
    held = meeting(world, group)
    action = add_action(world, held, "Circulate <the> plan")
    client.force_login(world.coordinator)
    slug = world.partnership.slug
    page = client.get(reverse("governance:series_delete", args=[slug, group.pk])).content.decode()
    assert "a series with meetings cannot be deleted" in page and "Delete the series</button>" not in page
    assert client.post(reverse("governance:series_delete", args=[slug, group.pk])).status_code == 200
    assert MeetingSeries.objects.filter(pk=group.pk).exists()
    url = reverse("governance:meeting_action_delete", args=[slug, held.pk, action.pk])
    page = client.get(url).content.decode()
    assert "Delete the action “Circulate &lt;the&gt; plan”?" in page and "Delete the action</button>" in page
    assert client.post(url).status_code == 302 and not MeetingAction.objects.exists()
    url = reverse("governance:meeting_delete", args=[slug, held.pk])
    page = client.get(url).content.decode()
    assert "Deleted with it: 0 agenda items (with their papers and minutes)" in page
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == reverse(
        "governance:series", args=[slug, group.pk]
    )
    response = client.post(reverse("governance:series_delete", args=[slug, group.pk]))
    assert response.status_code == 302 and not MeetingSeries.objects.exists()


def test_the_action_form_shows_errors_in_a_summary(client, world):
    held = meeting(world, series(world))
    action = add_action(world, held)
    client.force_login(world.coordinator)
    url = reverse("governance:meeting_action_edit", args=[world.partnership.slug, held.pk, action.pk])
    page = client.get(url).content.decode()
    assert 'value="Send the figures"' in page
    data = {
        "text": "Send the figures",
        "owner_organisation": str(world.organisation.pk),
        "owner_person": "",
        "due_date_day": "1",
        "due_date_month": "1",
        "due_date_year": "2020",
    }
    page = client.post(url, data).content.decode()
    assert "govuk-error-summary" in page and "cannot be before the meeting" in page
    response = client.post(url, {**data, "due_date_month": "8"})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.due_date == datetime.date(2020, 8, 1) and action.owner_person is None
