"""The append-only audit log: plain values, refused UPDATE/DELETE, pruning and flushing."""

import datetime

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from core.actors import system_user
from core.audit import audit_record
from core.history import save_as
from core.management.commands.audit_prune import retention_cutoff
from core.models import AuditEvent, AuditEventType
from partnership.models import Organisation
from tests.factories import PartnershipFactory, UserFactory


def event(**kwargs):  # type: ignore[no-untyped-def]
    return audit_record(
        actor=kwargs.pop("actor", None), event=kwargs.pop("event", AuditEventType.VIEWED), **kwargs
    )


@pytest.mark.django_db
def test_event_keeps_plain_values_when_the_user_goes():
    user = UserFactory(username="alice")
    partnership = PartnershipFactory(slug="csp-a")
    recorded = event(actor=user, partnership=partnership, obj=partnership, purpose="reading")
    user.delete()
    recorded.refresh_from_db()
    assert (recorded.actor_username, recorded.partnership_slug) == ("alice", "csp-a")
    assert recorded.object_type == "partnership.partnership"
    assert recorded.object_id == str(partnership.pk)
    assert recorded.purpose == "reading"


@pytest.mark.django_db
def test_update_and_delete_are_refused_by_the_database():
    recorded = event(detail={"q": "x"})
    for attempt in (
        lambda: AuditEvent.objects.filter(pk=recorded.pk).update(purpose="changed"),
        lambda: AuditEvent.objects.filter(pk=recorded.pk).delete(),
        lambda: recorded.delete(),
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            attempt()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditevent SET purpose = 'x'")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditevent")
    recorded.refresh_from_db()
    assert recorded.purpose == ""


@pytest.mark.django_db(transaction=True)
def test_flush_between_tests_still_empties_the_table():
    # A transactional test is flushed afterwards (TRUNCATE on PostgreSQL, the SQLite backend's rule).
    event()
    assert AuditEvent.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_table_is_empty_after_a_flush():
    assert AuditEvent.objects.count() == 0


@pytest.mark.django_db
def test_audit_prune_removes_only_events_past_retention(settings, capsys):
    settings.AUDIT_RETENTION_YEARS = 6
    new = event(purpose="new")
    seven_years_ago = timezone.now() - datetime.timedelta(days=7 * 366)
    AuditEvent.objects.create(
        occurred_at=seven_years_ago, event_type=AuditEventType.VIEWED
    )  # inserts are allowed
    call_command("audit_prune", "--dry-run")
    assert "1 audit events are older than" in capsys.readouterr().out
    call_command("audit_prune")
    assert "Removed 1 audit events" in capsys.readouterr().out
    assert list(AuditEvent.objects.values_list("pk", flat=True)) == [new.pk]
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=new.pk).delete()


def test_retention_cutoff_handles_leap_days():
    moment = datetime.datetime(2028, 2, 29, 12, tzinfo=datetime.UTC)
    assert retention_cutoff(moment, 6) == datetime.datetime(2022, 2, 28, 12, tzinfo=datetime.UTC)


@pytest.mark.django_db
def test_writes_to_restricted_records_are_audited_with_their_actor():
    user = UserFactory(username="coordinator")
    partnership = PartnershipFactory(slug="csp-b")
    organisation = save_as(Organisation(partnership=partnership, name="Fire and Rescue"), user)
    organisation.name = "Kent Fire and Rescue"
    save_as(organisation, system_user())
    events = AuditEvent.objects.filter(object_type="partnership.organisation").order_by("pk")
    assert [(e.event_type, e.actor_username, e.partnership_slug) for e in events] == [
        (AuditEventType.CREATED, "coordinator", "csp-b"),
        (AuditEventType.CHANGED, "csphub-system", "csp-b"),
    ]


@pytest.mark.django_db
def test_requests_give_events_their_id_and_address(client, world):
    client.force_login(world.coordinator)
    response = client.get(f"/partnerships/{world.partnership.slug}/members/", REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store, private"
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    save_as(Organisation(partnership=world.partnership, name="Outside any request"), world.coordinator)
    outside = AuditEvent.objects.latest("pk")
    assert outside.request_id == "" and outside.ip_address is None
