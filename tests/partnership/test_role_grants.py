"""Further roles held beside the plan role: coordinators give and take away the DPO role."""

import pytest
from django.urls import reverse

from core.errors import AccessDenied, ServiceError
from partnership import access, services
from partnership.models import Grant, Membership, RoleGrant

pytestmark = pytest.mark.django_db
DPO = Grant.DATA_PROTECTION_LEAD


def membership_of(world, user):
    return Membership.objects.get(user=user, partnership=world.partnership)


def test_coordinator_grants_and_removes_with_history(world):
    membership = membership_of(world, world.lead_officer)
    grant = services.role_grant_add(actor=world.coordinator, membership=membership, grant=DPO)
    assert grant.granted_by == world.coordinator
    assert membership.role == "lead_officer"  # the plan role stays
    assert access.holds_grant(world.lead_officer, world.partnership, DPO)
    with pytest.raises(ServiceError, match="already data protection lead"):
        services.role_grant_add(actor=world.coordinator, membership=membership, grant=DPO)
    services.role_grant_remove(actor=world.coordinator, membership=membership, grant=DPO)
    assert not RoleGrant.objects.filter(membership=membership).exists()
    history = RoleGrant.history.filter(membership_id=membership.pk).order_by("history_date")
    assert [(h.history_type, h.history_user) for h in history] == [
        ("+", world.coordinator),
        ("-", world.coordinator),
    ]
    with pytest.raises(ServiceError, match="is not data protection lead"):
        services.role_grant_remove(actor=world.coordinator, membership=membership, grant=DPO)


def test_only_coordinators_of_the_partnership_grant(world):
    membership = membership_of(world, world.member)
    for actor in (world.lead_officer, world.member, world.outsider, world.site_admin):
        with pytest.raises(AccessDenied):
            services.role_grant_add(actor=actor, membership=membership, grant=DPO)
    with pytest.raises(ServiceError, match="not a role that can be given"):
        services.role_grant_add(actor=world.coordinator, membership=membership, grant="safeguarding_lead")
    membership.is_active = False
    membership.save()
    with pytest.raises(ServiceError, match="no longer a member"):
        services.role_grant_add(actor=world.coordinator, membership=membership, grant=DPO)


def test_people_page_buttons_and_membership_page_history(client, world):
    membership = membership_of(world, world.member)
    client.force_login(world.coordinator)
    add = reverse("partnership:role_grant_add", args=["test-csp", membership.pk])
    assert add in client.get(reverse("partnership:people", args=["test-csp"])).content.decode()
    response = client.post(add, {"grant": DPO}, follow=True)
    assert "is now data protection lead" in response.content.decode()
    assert RoleGrant.objects.filter(membership=membership, grant=DPO).exists()
    page = client.get(
        reverse("partnership:membership_edit", args=["test-csp", membership.pk])
    ).content.decode()
    assert "Granted" in page and "Data protection lead" in page
    remove = reverse("partnership:role_grant_remove", args=["test-csp", membership.pk])
    response = client.post(remove, {"grant": DPO, "back": "membership"})
    assert response["Location"] == reverse("partnership:membership_edit", args=["test-csp", membership.pk])
    assert not RoleGrant.objects.filter(membership=membership).exists()
    response = client.post(add, {"grant": "nonsense"}, follow=True)
    assert "is not a role that can be given" in response.content.decode()


def test_account_page_lists_further_roles(client, world):
    membership = membership_of(world, world.member)
    services.role_grant_add(actor=world.coordinator, membership=membership, grant=DPO)
    client.force_login(world.member)
    assert "Data protection lead" in client.get(reverse("accounts:account")).content.decode()
