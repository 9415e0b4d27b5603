"""One visibility queryset and one door per partnership model (ADR 0008)."""

import pytest

from core.access import REGISTRY, NotFound, Purpose
from core.models import AuditEvent, AuditEventType
from partnership import access, services
from partnership.models import (
    GlossaryTerm,
    Grant,
    Invitation,
    Membership,
    Organisation,
    OrganisationName,
    Partnership,
    RoleGrant,
)
from tests.factories import GlossaryTermFactory

pytestmark = pytest.mark.django_db


def test_every_partnership_model_is_registered_once():
    models = {Partnership, Organisation, OrganisationName, Membership, RoleGrant, Invitation, GlossaryTerm}
    assert models <= set(REGISTRY)
    assert REGISTRY[Membership].audit_reads and REGISTRY[Invitation].audit_reads
    assert REGISTRY[RoleGrant].partnership_path == "membership__partnership"


def test_organisation_door(world):
    org = world.organisation
    assert access.access_organisation_by_id(world.member, org.pk, partnership=world.partnership) == org
    with pytest.raises(NotFound):
        access.access_organisation_by_id(world.member, org.pk, for_=Purpose.MANAGE)
    with pytest.raises(NotFound):  # the right id under another partnership's URL
        access.access_organisation_by_id(world.outsider, org.pk, partnership=world.other_partnership)
    with pytest.raises(NotFound):
        access.access_organisation_by_id(world.coordinator, 10**9)
    denied = AuditEvent.objects.filter(event_type=AuditEventType.ACCESS_DENIED, object_id=str(org.pk))
    assert denied.count() == 2 and denied.first().partnership_id == world.partnership.pk


def test_membership_door_coordinators_and_oneself(world):
    own = Membership.objects.get(user=world.member, partnership=world.partnership)
    assert access.access_membership_by_id(world.member, own.pk) == own
    assert access.access_membership_by_id(world.coordinator, own.pk, for_=Purpose.MANAGE) == own
    with pytest.raises(NotFound):
        access.access_membership_by_id(world.member, own.pk, for_=Purpose.MANAGE)
    with pytest.raises(NotFound):
        access.access_membership_by_id(world.lead_officer, own.pk)
    assert access.memberships_visible_to(world.coordinator, for_=Purpose.REPORT).count() == 0
    viewed = AuditEvent.objects.filter(event_type=AuditEventType.VIEWED, object_type="partnership.membership")
    assert viewed.count() == 2


def test_glossary_invitation_and_grant_doors(world):
    term = GlossaryTermFactory(partnership=world.partnership, term="ASB", meaning="Anti-social behaviour")
    assert access.access_glossary_term_by_id(world.member, term.pk) == term
    with pytest.raises(NotFound):
        access.access_glossary_term_by_id(world.member, term.pk, for_=Purpose.MANAGE)
    invitation, _ = services.invitation_create(
        partnership=world.partnership,
        actor=world.coordinator,
        email="x@example.org",
        role="member",
        organisation=None,
        accept_url=lambda token: token,
    )
    assert access.access_invitation_by_id(world.coordinator, invitation.pk) == invitation
    with pytest.raises(NotFound):
        access.access_invitation_by_id(world.member, invitation.pk)
    membership = Membership.objects.get(user=world.member, partnership=world.partnership)
    grant = services.role_grant_add(
        actor=world.coordinator, membership=membership, grant=Grant.DATA_PROTECTION_LEAD
    )
    assert access.access_role_grant_by_id(world.member, grant.pk) == grant
    with pytest.raises(NotFound):
        access.access_role_grant_by_id(world.lead_officer, grant.pk)


def test_system_actor_manages_every_partnership_but_holds_no_grant(world):
    from core.actors import system_user

    system = system_user()
    assert access.access_partnership_by_slug(system, "other-csp", for_=Purpose.MANAGE)
    assert (
        access.organisations_visible_to(system, for_=Purpose.MANAGE).filter(pk=world.organisation.pk).exists()
    )
    with pytest.raises(NotFound):
        access.access_partnership_by_slug(system, "test-csp", grant=Grant.DATA_PROTECTION_LEAD)


def test_list_pages_write_one_searched_event(client, world):
    from django.urls import reverse

    client.force_login(world.coordinator)
    for name, model in (("people", "membership"), ("members", "organisation"), ("glossary", "glossaryterm")):
        client.get(reverse(f"partnership:{name}", args=["test-csp"]))
        searched = AuditEvent.objects.filter(
            event_type=AuditEventType.SEARCHED, object_type=f"partnership.{model}"
        )
        assert searched.count() == 1, name
        assert searched.get().partnership_id == world.partnership.pk
