import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core.models import AuditEvent, AuditEventType
from partnership import services
from partnership.models import Invitation, Membership, Role
from partnership.selectors import token_hash
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def invite(client, world, email="newperson@example.org", role=Role.LEAD_OFFICER):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("partnership:invite", args=["test-csp"]),
        {"email": email, "organisation": world.organisation.pk, "role": role},
    )
    assert response.status_code == 302, response.content.decode()
    client.logout()
    link = re.search(r"http://testserver(/accounts/invitations/\S+/)", mail.outbox[-1].body).group(1)
    return link


def test_invitation_email_has_link_and_only_hash_is_stored(client, world):
    link = invite(client, world)
    message = mail.outbox[-1]
    assert message.to == ["newperson@example.org"]
    assert "Test Community Safety Partnership" in message.subject
    assert "expires after 14 days" in message.body
    token = link.rstrip("/").rsplit("/", 1)[1]
    invitation = Invitation.objects.get()
    assert invitation.token_hash == token_hash(token)
    assert token not in invitation.token_hash
    assert invitation.expires - timezone.now() > datetime.timedelta(days=13, hours=23)


def test_new_person_accepts_and_becomes_member(client, world):
    link = invite(client, world)
    page = client.get(link)
    assert "Create your account" in page.content.decode()
    bad = client.post(
        link, {"first_name": "", "last_name": "X", "username": "np", "password1": "a", "password2": "b"}
    )
    assert "Enter your first name" in bad.content.decode()
    response = client.post(
        link,
        {
            "first_name": "New",
            "last_name": "Person",
            "username": "newperson",
            "password1": "a-long-good-passphrase",
            "password2": "a-long-good-passphrase",
        },
    )
    assert response["Location"] == reverse("planning:dashboard", args=["test-csp"])
    user = get_user_model().objects.get(username="newperson")
    assert user.email == "newperson@example.org"
    membership = Membership.objects.get(user=user)
    assert (membership.role, membership.organisation) == (Role.LEAD_OFFICER, world.organisation)
    assert client.session["_auth_user_id"] == str(user.pk)
    # The link cannot be used twice.
    client.logout()
    again = client.get(link)
    assert again.status_code == 410
    assert "already been used" in again.content.decode()


def test_existing_signed_in_user_accepts(client, world):
    existing = UserFactory(username="existing", email="existing@example.org")
    link = invite(client, world, email="existing@example.org", role=Role.MEMBER)
    client.force_login(existing)
    page = client.get(link)
    assert "Accept the invitation" in page.content.decode()
    response = client.post(link)
    assert response.status_code == 302
    assert Membership.objects.get(user=existing, partnership=world.partnership).role == Role.MEMBER
    assert Invitation.objects.get().accepted_by == existing


def test_new_account_refused_when_email_has_an_account(client, world):
    UserFactory(username="existing", email="existing@example.org")
    link = invite(client, world, email="existing@example.org")
    response = client.post(
        link,
        {
            "first_name": "A",
            "last_name": "B",
            "username": "other",
            "password1": "a-long-good-passphrase",
            "password2": "a-long-good-passphrase",
        },
    )
    assert "Sign in to accept the invitation" in response.content.decode()
    assert not get_user_model().objects.filter(username="other").exists()


def test_expired_invitation_is_refused_with_clear_message(client, world):
    link = invite(client, world)
    Invitation.objects.update(expires=timezone.now() - datetime.timedelta(minutes=1))
    response = client.get(link)
    assert response.status_code == 410
    assert "This invitation expired on" in response.content.decode()
    assert "invite you again" in response.content.decode()


def test_unknown_token_is_not_found(client, db):
    response = client.get(reverse("accounts:accept_invitation", args=["made-up-token"]))
    assert response.status_code == 404
    assert "not valid" in response.content.decode()


def test_existing_member_cannot_accept_twice(client, world):
    someone = UserFactory(username="someone", email="someone@example.org")
    link = invite(client, world, email="someone@example.org")
    MembershipFactory(user=someone, partnership=world.partnership, organisation=world.organisation)
    client.force_login(someone)
    response = client.post(link, follow=True)
    assert "already a member" in response.content.decode()


def test_member_of_another_partnership_cannot_accept_an_invitation_to_someone_else(client, world):
    """The outsider (coordinator of other-csp) holds a link test-csp sent to someone else."""
    link = invite(client, world, email="someone@example.org")
    client.force_login(world.outsider)
    for response in (client.get(link), client.post(link)):
        assert response.status_code == 403
        assert "sent to a different e-mail address" in response.content.decode()
    assert not Membership.objects.filter(user=world.outsider, partnership=world.partnership).exists()
    assert Invitation.objects.get().accepted_at is None
    denied = AuditEvent.objects.filter(event_type=AuditEventType.ACCESS_DENIED, actor_id=world.outsider.pk)
    assert denied.count() == 2
    event = denied.first()
    assert (event.partnership_id, event.object_type) == (world.partnership.pk, "partnership.invitation")
    assert event.purpose == "accept invitation"


def test_invited_address_matches_whatever_its_case(client, world):
    person = UserFactory(username="mixed", email="Mixed.Case@Example.org")
    link = invite(client, world, email="mixed.case@example.org", role=Role.MEMBER)
    client.force_login(person)
    assert client.post(link).status_code == 302
    assert Membership.objects.filter(user=person, partnership=world.partnership, is_active=True).exists()


def test_service_refuses_another_address(world):
    invitation, _ = services.invitation_create(
        partnership=world.partnership,
        actor=world.coordinator,
        email="invited@example.org",
        role=Role.MEMBER,
        organisation=None,
        accept_url=lambda token: token,
    )
    with pytest.raises(services.InvitationRefused):
        services.invitation_accept(invitation=invitation, actor=world.member)
    assert AuditEvent.objects.filter(event_type=AuditEventType.ACCESS_DENIED).count() == 1


def test_former_member_is_reactivated(client, world):
    former = UserFactory(username="former", email="former@example.org")
    MembershipFactory(
        user=former, partnership=world.partnership, organisation=world.organisation, is_active=False
    )
    link = invite(client, world, email="former@example.org", role=Role.COORDINATOR)
    client.force_login(former)
    client.post(link)
    membership = Membership.objects.get(user=former, partnership=world.partnership)
    assert membership.is_active and membership.role == Role.COORDINATOR
