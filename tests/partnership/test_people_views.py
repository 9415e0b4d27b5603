import pytest
from django.core import mail
from django.urls import reverse

from partnership.models import Invitation, Membership, Role

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"partnership:{name}", args=["test-csp", *args])


def test_people_page_lists_members_and_waiting_invitations(client, world):
    client.force_login(world.coordinator)
    client.post(
        url("invite"),
        {"email": "new@example.org", "organisation": world.organisation.pk, "role": Role.MEMBER},
    )
    body = client.get(url("people")).content.decode()
    assert world.lead_officer.email in body
    assert "new@example.org" in body
    assert len(mail.outbox) == 1


def test_invite_form_errors(client, world):
    client.force_login(world.coordinator)
    body = client.post(url("invite"), {"email": "bad", "role": ""}).content.decode()
    assert "There is a problem" in body
    assert "Enter an e-mail address in the right format" in body
    assert "Choose the organisation they work for" in body
    assert mail.outbox == []


def test_change_role_and_organisation(client, world):
    membership = Membership.objects.get(user=world.member, partnership=world.partnership)
    client.force_login(world.coordinator)
    response = client.post(
        url("membership_edit", membership.pk),
        {"role": Role.LEAD_OFFICER, "organisation": world.organisation.pk},
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert (membership.role, membership.organisation) == (Role.LEAD_OFFICER, world.organisation)
    page = client.get(url("membership_edit", membership.pk)).content.decode()
    assert "History of changes" in page
    assert "<del>Member</del> → <ins>Lead officer</ins>" in page
    assert f"<del>{world.other_organisation.name}</del> → <ins>{world.organisation.name}</ins>" in page


def test_last_coordinator_sees_clear_message(client, world):
    own = Membership.objects.get(user=world.coordinator, partnership=world.partnership)
    client.force_login(world.coordinator)
    body = client.post(
        url("membership_edit", own.pk), {"role": Role.MEMBER, "organisation": world.organisation.pk}
    ).content.decode()
    assert "only coordinator" in body and "There is a problem" in body
    body = client.post(url("membership_deactivate", own.pk)).content.decode()
    assert "only coordinator" in body
    own.refresh_from_db()
    assert own.is_active and own.role == Role.COORDINATOR


def test_deactivate_member(client, world):
    membership = Membership.objects.get(user=world.member, partnership=world.partnership)
    client.force_login(world.coordinator)
    client.post(url("membership_deactivate", membership.pk))
    membership.refresh_from_db()
    assert not membership.is_active
    client.force_login(world.member)
    assert client.get(url("members")).status_code == 404


def test_cancel_invitation(client, world):
    client.force_login(world.coordinator)
    client.post(
        url("invite"),
        {"email": "new@example.org", "organisation": world.organisation.pk, "role": Role.MEMBER},
    )
    invitation = Invitation.objects.get()
    assert client.get(url("invitation_cancel", invitation.pk)).status_code == 405
    client.post(url("invitation_cancel", invitation.pk))
    assert not Invitation.objects.exists()


def test_people_pages_are_not_found_for_others(client, world):
    membership = Membership.objects.get(user=world.member, partnership=world.partnership)
    for user in (world.member, world.lead_officer, world.outsider):
        client.force_login(user)
        assert client.get(url("membership_edit", membership.pk)).status_code == 404
        assert client.post(url("membership_deactivate", membership.pk)).status_code == 404
    membership.refresh_from_db()
    assert membership.is_active
