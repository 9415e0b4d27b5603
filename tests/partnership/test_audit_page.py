"""The audit page: only the partnership's data protection lead; filters, pages, CSV export."""

import csv
import datetime
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from core.audit import audit_record
from core.models import AuditEvent, AuditEventType
from partnership import services
from partnership.models import Grant, Membership

pytestmark = pytest.mark.django_db


def url(name="audit"):
    return reverse(f"partnership:{name}", args=["test-csp"])


@pytest.fixture
def dpo(world):
    """The member, made data protection lead by the coordinator."""
    membership = Membership.objects.get(user=world.member, partnership=world.partnership)
    services.role_grant_add(actor=world.coordinator, membership=membership, grant=Grant.DATA_PROTECTION_LEAD)
    return world.member


def event(world, user, kind=AuditEventType.VIEWED, partnership=None, **extra):
    return audit_record(actor=user, event=kind, partnership=partnership or world.partnership, **extra)


def test_only_the_data_protection_lead_sees_the_page(client, world, dpo):
    for user in (world.coordinator, world.lead_officer, world.outsider, world.site_admin):
        client.force_login(user)
        assert client.get(url()).status_code == 404, user
        assert client.get(url("audit_export")).status_code == 404, user
    client.force_login(dpo)
    assert client.get(url()).status_code == 200


def test_lists_only_this_partnerships_events_and_records_the_search(client, world, dpo):
    event(world, world.lead_officer, object_type="planning.action", object_id=world.action.pk)
    event(
        world,
        world.outsider,
        partnership=world.other_partnership,
        object_type="planning.action",
        object_id=999,
    )
    audit_record(actor=None, event=AuditEventType.SIGN_IN_FAILED, username="mallory")
    client.force_login(dpo)
    body = client.get(url()).content.decode()
    assert world.lead_officer.username in body
    assert "#999" not in body and "mallory" not in body
    searched = AuditEvent.objects.get(event_type=AuditEventType.SEARCHED, actor_id=dpo.pk)
    assert searched.partnership_id == world.partnership.pk
    assert searched.object_type == "core.auditevent"


def test_filters_by_person_record_event_and_dates(client, world, dpo):
    old = event(world, world.lead_officer, object_type="planning.action", object_id=world.action.pk)
    event(
        world,
        world.coordinator,
        AuditEventType.CHANGED,
        object_type="planning.action",
        object_id=world.action.pk,
    )
    event(world, world.lead_officer, object_type="partnership.organisation", object_id=world.organisation.pk)
    client.force_login(dpo)
    today = timezone.localdate().isoformat()
    query = {
        "person": world.lead_officer.username.upper(),
        "object_type": "planning.action",
        "object_id": str(world.action.pk),
        "event_type": "viewed",
        "date_from": today,
        "date_to": today,
    }
    page = client.get(url(), query).context["page"]
    assert [e.pk for e in page] == [old.pk]
    detail = json.loads(AuditEvent.objects.filter(event_type=AuditEventType.SEARCHED).latest("pk").detail)
    assert detail["object_type"] == "planning.action" and detail["event_type"] == "viewed"
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    assert list(client.get(url(), {"date_from": tomorrow}).context["page"]) == []


def test_bad_filters_get_clear_messages(client, world, dpo):
    client.force_login(dpo)
    body = client.get(url(), {"date_from": "31/02/2026", "event_type": "nonsense"}).content.decode()
    assert "There is a problem" in body
    assert "Enter the date as year-month-day" in body
    assert "Choose an event from the list" in body
    body = client.get(url(), {"date_from": "2026-11-30", "date_to": "2026-11-01"}).content.decode()
    assert "must be the same as or after" in body
    assert client.get(url("audit_export"), {"date_from": "yesterday"}).status_code == 400


def test_paginated(client, world, dpo):
    for _ in range(55):
        event(world, world.lead_officer)
    client.force_login(dpo)
    first = client.get(url(), {"event_type": "viewed"})
    assert first.context["page"].paginator.count == 55 and len(first.context["page"]) == 50
    assert "page=2" in first.content.decode() and "event_type=viewed" in first.content.decode()
    second = client.get(url(), {"event_type": "viewed", "page": 2}).context["page"]
    assert len(second) == 5


def test_export_is_spreadsheet_safe_and_recorded(client, world, dpo):
    event(world, world.lead_officer, object_type="planning.action", object_id=1, purpose="=HYPERLINK(1)")
    client.force_login(dpo)
    response = client.get(url("audit_export"), {"object_type": "planning.action", "event_type": "viewed"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert response["Cache-Control"] == "no-store, private"
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["When", "Event", "Username"]
    assert len(rows) == 2 and rows[1][5] == "'=HYPERLINK(1)"
    exported = AuditEvent.objects.get(event_type=AuditEventType.EXPORTED)
    assert exported.actor_id == dpo.pk and exported.partnership_id == world.partnership.pk
    assert json.loads(exported.detail) == {
        "event_type": "viewed",
        "object_type": "planning.action",
        "rows": 1,
    }


def test_menu_shows_the_audit_log_to_the_lead_only(client, world, dpo):
    client.force_login(dpo)
    assert url() in client.get(reverse("partnership:members", args=["test-csp"])).content.decode()
    client.force_login(world.coordinator)
    assert url() not in client.get(reverse("partnership:members", args=["test-csp"])).content.decode()
