"""Stricter sessions for holders of a sensitive role (the data protection lead)."""

import datetime
from unittest import mock

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from accounts.signals import LAST_SEEN_AT, SIGNED_IN_AT
from partnership import services
from partnership.models import Grant, Membership

pytestmark = pytest.mark.django_db
PAGE = "/partnerships/test-csp/members/"


@pytest.fixture
def dpo(world):
    membership = Membership.objects.get(user=world.member, partnership=world.partnership)
    services.role_grant_add(actor=world.coordinator, membership=membership, grant=Grant.DATA_PROTECTION_LEAD)
    return world.member


def later(**delta):
    return mock.patch("django.utils.timezone.now", return_value=timezone.now() + datetime.timedelta(**delta))


def signed_out(response):
    return response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_idle_sensitive_session_is_signed_out_with_a_message(client, dpo):
    client.force_login(dpo)
    assert client.get(PAGE).status_code == 200
    with later(minutes=29):
        assert client.get(PAGE).status_code == 200  # activity moves the idle clock on
    with later(minutes=29 + 31):
        response = client.get(PAGE)
    assert signed_out(response)
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"]).content.decode()
    assert "had not used" in page and "30 minutes" in page


def test_absolute_lifetime_even_when_active(client, dpo):
    client.force_login(dpo)
    session = client.session
    session[SIGNED_IN_AT] -= 12 * 3600 + 1
    session.save()
    response = client.get(PAGE)
    assert signed_out(response)
    assert "more than 12 hours ago" in client.get(response["Location"]).content.decode()


def test_people_without_a_sensitive_role_keep_their_session(client, world):
    client.force_login(world.lead_officer)
    with later(hours=13):
        assert client.get(PAGE).status_code == 200


@override_settings(SENSITIVE_SESSION_IDLE_MINUTES=5)
def test_idle_limit_is_a_setting(client, dpo):
    client.force_login(dpo)
    session = client.session
    session[LAST_SEEN_AT] -= 6 * 60
    session.save()
    assert signed_out(client.get(PAGE))


@override_settings(TWO_FACTOR_REQUIRED_GRANTS=[Grant.DATA_PROTECTION_LEAD])
def test_two_factor_required_per_role(client, world, dpo):
    client.force_login(dpo)
    response = client.get(PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor_setup"))
    assert client.get(reverse("accounts:two_factor_setup")).status_code == 200  # account pages stay open
    client.force_login(world.lead_officer)  # no such role: no second factor needed
    assert client.get(PAGE).status_code == 200


def test_two_factor_not_required_by_default(client, dpo):
    client.force_login(dpo)
    assert client.get(PAGE).status_code == 200
