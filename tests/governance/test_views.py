"""The meeting pages: series, meetings with a pre-filled agenda, papers, attendance, minutes,
actions in their owners' My actions, the .ics file and the personal calendar feed."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from icalendar import Calendar

from core.models import AuditEvent, AuditEventType
from governance import services
from governance.models import (
    AgendaItem,
    Attendance,
    CalendarFeed,
    Meeting,
    MeetingAction,
    MeetingSeries,
    MinutesState,
)
from tests.governance.helpers import confidential, meeting, series, when

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%paper\n"


def url(name, world, *args):  # type: ignore[no-untyped-def]
    return reverse(f"governance:{name}", args=[world.partnership.slug, *args])


def test_coordinator_adds_a_series_and_a_meeting_with_a_prefilled_agenda(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        url("series_create", world),
        {
            "name": "Strategy Group",
            "purpose": "Strategic issues and the action plans",
            "cadence": "Three times a year",
            "chair": str(world.coordinator.pk),
            "confidentiality": "partnership",
            "member_organisations": [str(world.organisation.pk), str(world.other_organisation.pk)],
            "members": [str(world.lead_officer.pk)],
            "prefill_agenda": "on",
        },
    )
    group = MeetingSeries.objects.get(name="Strategy Group")
    assert response.status_code == 302 and group.prefill_agenda and group.chair == world.coordinator
    response = client.post(
        url("meeting_create", world, group.pk),
        {
            "date_day": "12",
            "date_month": "5",
            "date_year": "2020",
            "time": "10:00",
            "duration_minutes": "120",
            "place": "Gibson Building, Kings Hill",
            "prefill": "on",
        },
    )
    held = Meeting.objects.get(series=group)
    assert response.status_code == 302
    titles = list(AgendaItem.objects.filter(meeting=held).values_list("title", flat=True))
    assert titles[0] == "Apologies and attendance" and any(t.startswith("Missing Q1 update") for t in titles)
    page = client.get(url("meeting", world, held.pk)).content.decode()
    assert "Strategy Group, 12 May 2020" in page and "Missing Q1 update" in page


def test_bad_meeting_input_gives_a_clear_message_and_saves_nothing(client, world):
    group = series(world)
    client.force_login(world.coordinator)
    page = client.post(
        url("meeting_create", world, group.pk),
        {"date_day": "12", "date_month": "5", "date_year": "2020", "time": "25:00", "duration_minutes": "60"},
    ).content.decode()
    assert "Enter the start time as hours and minutes" in page and not Meeting.objects.exists()
    page = client.post(
        url("meeting_create", world, group.pk),
        {"date_day": "12", "date_month": "5", "date_year": "2020", "time": "10:00", "duration_minutes": "60"},
    ).content.decode()
    assert "Enter where the meeting is held" in page and not Meeting.objects.exists()


def test_confidential_meetings_are_not_found_for_non_members(client, world):
    csu = confidential(world, members=[world.lead_officer])
    held = meeting(world, csu)
    client.force_login(world.member)
    assert client.get(url("meeting", world, held.pk)).status_code == 404
    assert client.get(url("series", world, csu.pk)).status_code == 404
    assert "Community Safety Unit" not in client.get(url("series_list", world)).content.decode()
    client.force_login(world.lead_officer)
    assert client.get(url("meeting", world, held.pk)).status_code == 200
    assert "Community Safety Unit" in client.get(url("series_list", world)).content.decode()


def test_papers_upload_and_download_only_through_the_meeting(client, world, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    held = meeting(world, series(world))
    client.force_login(world.coordinator)
    response = client.post(
        url("agenda_item_create", world, held.pk),
        {"title": "Performance report", "paper": SimpleUploadedFile("Q1 <report>.pdf", PDF), "minutes": ""},
    )
    assert response.status_code == 302
    item = AgendaItem.objects.get(meeting=held)
    client.force_login(world.member)
    download = client.get(url("paper", world, held.pk, item.pk))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == PDF
    assert (
        download["Cache-Control"] == "no-store, private" and "attachment" in download["Content-Disposition"]
    )
    client.force_login(world.outsider)
    assert client.get(url("paper", world, held.pk, item.pk)).status_code == 404


def test_attendance_form_records_each_organisation(client, world):
    held = meeting(world, series(world))
    client.force_login(world.coordinator)
    bad = client.post(url("attendance", world, held.pk), {f"status-{world.organisation.pk}": "substitute"})
    assert "Enter the name of the substitute" in bad.content.decode() and not Attendance.objects.exists()
    client.post(
        url("attendance", world, held.pk),
        {f"status-{world.organisation.pk}": "present", f"status-{world.other_organisation.pk}": "apologies"},
    )
    page = client.get(url("meeting", world, held.pk)).content.decode()
    assert "Present" in page and "Apologies" in page


def test_meeting_actions_show_in_the_owners_my_actions_flagged_when_overdue(client, world):
    held = meeting(world, series(world))
    client.force_login(world.coordinator)
    client.post(
        url("meeting_action_create", world, held.pk),
        {
            "text": "Send the ASB figures",
            "owner_organisation": str(world.organisation.pk),
            "owner_person": str(world.lead_officer.pk),
            "due_date_day": "1",
            "due_date_month": "6",
            "due_date_year": "2020",
        },
    )
    action = MeetingAction.objects.get()
    mine = reverse("planning:my_actions", args=[world.partnership.slug])
    client.force_login(world.lead_officer)
    page = client.get(mine).content.decode()
    assert "Meeting actions" in page and "Send the ASB figures" in page and "Overdue" in page
    client.force_login(world.other_lead_officer)
    assert "Send the ASB figures" not in client.get(mine).content.decode()
    assert (
        client.post(url("meeting_action_done", world, held.pk, action.pk), {"done": "1"}).status_code == 404
    )
    client.force_login(world.lead_officer)
    client.post(url("meeting_action_done", world, held.pk, action.pk), {"done": "1"})
    action.refresh_from_db()
    assert action.done_on is not None
    page = client.get(mine).content.decode()
    assert "Send the ASB figures" in page and "Overdue" not in page


def test_minutes_approval_is_recorded_on_the_page(client, world):
    group = series(world)
    first, second = meeting(world, group, when(2020, 5, 12)), meeting(world, group, when(2020, 9, 15))
    services.agenda_item_save(actor=world.coordinator, meeting=first, title="Performance", minutes="Noted.")
    client.force_login(world.coordinator)
    client.post(url("minutes_approve", world, first.pk), {"approved_at": str(second.pk)})
    first.refresh_from_db()
    assert first.minutes_state == MinutesState.APPROVED and first.minutes_approved_at == second
    assert (
        "Approved at the meeting of 15 September 2020"
        in client.get(url("meeting", world, first.pk)).content.decode()
    )
    assert "approved the minutes of" in client.get(url("meeting", world, second.pk)).content.decode()


def test_meeting_ics(client, world):
    held = meeting(world, series(world))
    client.force_login(world.member)
    response = client.get(url("meeting_ics", world, held.pk))
    assert response["Content-Type"].startswith("text/calendar")
    event = next(c for c in Calendar.from_ical(response.content).walk() if c.name == "VEVENT")
    assert str(event["summary"]) == "Strategy Group"
    assert event.decoded("dtstart") == when().astimezone(datetime.UTC)
    assert str(event["location"]) == "Council offices, Kings Hill"


def test_personal_feed_token_hashed_revocable_and_listing_my_meetings(client, world):
    mine = series(world, member_organisations=[world.organisation])
    held = meeting(world, mine, when(2030, 1, 10))
    other = meeting(
        world,
        series(world, "Young Person's Group", member_organisations=[world.other_organisation]),
        when(2030, 2, 1),
    )
    csu = meeting(world, confidential(world, members=[world.other_lead_officer]), when(2030, 3, 1))
    client.force_login(world.lead_officer)
    client.post(reverse("governance_feed:calendar_feed_change"), {"action": "create"})
    page = client.get(reverse("governance_feed:calendar_feed")).content.decode()
    feed_url = page.split('<code id="feed-url">')[1].split("</code>")[0]
    token = feed_url.rsplit("/", 1)[1].removesuffix(".ics")
    stored = CalendarFeed.objects.get(user=world.lead_officer)
    assert token not in stored.token_hash and stored.token_hash == services.feed_hash(token)
    assert feed_url not in client.get(reverse("governance_feed:calendar_feed")).content.decode()  # shown once
    client.logout()
    response = client.get(reverse("governance_feed:feed", args=[token]))
    assert response.status_code == 200
    uids = {str(c["uid"]) for c in Calendar.from_ical(response.content).walk() if c.name == "VEVENT"}
    assert uids == {f"meeting-{held.pk}@testserver"}
    assert other.pk and csu.pk
    assert client.get(reverse("governance_feed:feed", args=[token[:-2] + "xx"])).status_code == 404
    client.force_login(world.lead_officer)
    client.post(reverse("governance_feed:calendar_feed_change"), {"action": "revoke"})
    client.logout()
    assert client.get(reverse("governance_feed:feed", args=[token])).status_code == 404
    assert not CalendarFeed.objects.exists()


def test_series_list_writes_one_search_event(client, world):
    series(world)
    client.force_login(world.member)
    client.get(url("series_list", world))
    assert (
        AuditEvent.objects.filter(
            event_type=AuditEventType.SEARCHED, object_type="governance.meetingseries"
        ).count()
        == 1
    )


def _approved(world, confidential_series=False):  # type: ignore[no-untyped-def]
    group = confidential(world, members=[world.member]) if confidential_series else series(world)
    first, second = meeting(world, group, when(2020, 5, 12)), meeting(world, group, when(2020, 9, 15))
    services.agenda_item_save(
        actor=world.coordinator, meeting=first, title="Performance <b>", minutes="Noted <script>x</script>."
    )
    return first, second


def test_approved_minutes_of_open_series_download_as_tagged_pdf_and_word(client, world):
    import io

    import docx
    from pypdf import PdfReader

    first, second = _approved(world)
    client.force_login(world.member)
    assert client.get(url("minutes_pdf", world, first.pk)).status_code == 404  # still a draft
    services.minutes_approve(actor=world.coordinator, meeting=first, approved_at=second)
    pdf = client.get(url("minutes_pdf", world, first.pk))
    assert pdf.status_code == 200 and pdf["Cache-Control"] == "no-store, private"
    root = PdfReader(io.BytesIO(pdf.content)).trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
    word = client.get(url("minutes_docx", world, first.pk))
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(word.content)).paragraphs)
    assert "1. Performance <b>" in text and "Noted <script>x</script>." in text
    assert "Approved at the meeting of 15 September 2020." in text
    from governance.documents import Minutes, minutes_html

    html = minutes_html(
        Minutes(
            meeting=first, items=list(AgendaItem.objects.filter(meeting=first)), attendance=[], actions=[]
        )
    )
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_minutes_of_confidential_series_never_download(client, world):
    first, second = _approved(world, confidential_series=True)
    services.minutes_approve(actor=world.coordinator, meeting=first, approved_at=second)
    client.force_login(world.member)
    assert client.get(url("meeting", world, first.pk)).status_code == 200
    assert client.get(url("minutes_pdf", world, first.pk)).status_code == 404
    assert client.get(url("minutes_docx", world, first.pk)).status_code == 404


def test_a_feed_with_members_only_meetings_is_audited(client, world):
    csu = confidential(world, members=[world.lead_officer])
    meeting(world, csu, when(2030, 3, 1))
    token = services.calendar_feed_create(actor=world.lead_officer)
    client.get(reverse("governance_feed:feed", args=[token]))
    event = AuditEvent.objects.get(event_type=AuditEventType.SEARCHED, object_type="governance.meeting")
    assert event.actor_username == "lead" and "calendar_feed" in event.detail
