"""Sign-ins and failed sign-ins are installation events in the audit log."""

import pytest
from django.urls import reverse

from core.models import AuditEvent, AuditEventType
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_sign_in_is_recorded_without_a_partnership(client, world):
    response = client.post(reverse("accounts:login"), {"username": "member", "password": PASSWORD})
    assert response.status_code == 302
    event = AuditEvent.objects.get(event_type=AuditEventType.SIGNED_IN)
    assert (event.actor_id, event.actor_username, event.partnership_id) == (world.member.pk, "member", None)
    assert event.ip_address == "127.0.0.1"


def test_failed_sign_in_keeps_the_username_as_typed_and_never_the_password(client, world):
    client.post(reverse("accounts:login"), {"username": "MEMBER", "password": "wrong-secret-guess"})
    event = AuditEvent.objects.get(event_type=AuditEventType.SIGN_IN_FAILED)
    assert event.actor_id is None and event.partnership_id is None
    assert event.actor_username == "MEMBER"
    stored = " ".join(str(v) for v in AuditEvent.objects.values_list().get(pk=event.pk))
    assert "wrong-secret-guess" not in stored
    assert not AuditEvent.objects.filter(event_type=AuditEventType.SIGNED_IN).exists()
