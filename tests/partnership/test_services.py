import pytest

from core.errors import AccessDenied, ServiceError
from partnership import services
from partnership.models import Invitation, Membership, Organisation, Role
from partnership.selectors import organisation_known_names
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def coordinator_membership(world):
    return Membership.objects.get(user=world.coordinator, partnership=world.partnership)


def test_last_coordinator_cannot_be_demoted_or_removed(world):
    membership = coordinator_membership(world)
    with pytest.raises(ServiceError, match="only coordinator"):
        services.membership_change(
            membership=membership, actor=world.coordinator, role=Role.MEMBER, organisation=world.organisation
        )
    with pytest.raises(ServiceError, match="only coordinator"):
        services.membership_deactivate(membership=membership, actor=world.coordinator)
    membership.refresh_from_db()
    assert membership.role == Role.COORDINATOR and membership.is_active


def test_coordinator_can_step_down_once_there_is_another(world):
    lead = Membership.objects.get(user=world.lead_officer, partnership=world.partnership)
    services.membership_change(
        membership=lead, actor=world.coordinator, role=Role.COORDINATOR, organisation=world.organisation
    )
    own = coordinator_membership(world)
    services.membership_change(membership=own, actor=world.coordinator, role=Role.MEMBER, organisation=None)
    own.refresh_from_db()
    assert own.role == Role.MEMBER
    assert own.history.first().history_user == world.coordinator


def test_only_coordinators_change_roles(world):
    membership = Membership.objects.get(user=world.member, partnership=world.partnership)
    with pytest.raises(AccessDenied):
        services.membership_change(
            membership=membership, actor=world.lead_officer, role=Role.COORDINATOR, organisation=None
        )
    with pytest.raises(AccessDenied):
        services.membership_deactivate(membership=membership, actor=world.outsider)


def test_organisation_of_another_partnership_is_refused(world):
    membership = Membership.objects.get(user=world.member, partnership=world.partnership)
    foreign = OrganisationFactory(partnership=world.other_partnership)
    with pytest.raises(ServiceError, match="organisation of this partnership"):
        services.membership_change(
            membership=membership, actor=world.coordinator, role=Role.MEMBER, organisation=foreign
        )


def test_deactivated_coordinator_does_not_count(world):
    second = UserFactory(username="second")
    extra = MembershipFactory(
        user=second, partnership=world.partnership, organisation=world.organisation, role=Role.COORDINATOR
    )
    services.membership_deactivate(membership=extra, actor=world.coordinator)
    with pytest.raises(ServiceError):
        services.membership_deactivate(membership=coordinator_membership(world), actor=world.coordinator)


def test_organisation_other_names_synced_with_history(world):
    org = services.organisation_save(
        partnership=world.partnership,
        actor=world.coordinator,
        other_names=["Lookahead", " lookahead ", "", "Look-Ahead"],
        name="Look Ahead",
        short_name="",
        org_type="voluntary_sector",
    )
    assert sorted(organisation_known_names(org)) == ["Look Ahead", "Look-Ahead", "Lookahead"]
    services.organisation_save(
        partnership=world.partnership,
        actor=world.coordinator,
        organisation=org,
        other_names=["Lookahead"],
        phone="01732 1",
    )
    org.refresh_from_db()
    assert [n.name for n in org.other_names.all()] == ["Lookahead"]
    assert org.phone == "01732 1"
    assert org.history.first().history_user == world.coordinator


def test_organisation_names_must_not_clash(world):
    with pytest.raises(ServiceError, match="“TBC” is already a name of Test Borough Council"):
        services.organisation_save(
            partnership=world.partnership, actor=world.coordinator, other_names=["TBC"], name="New body"
        )
    with pytest.raises(ServiceError, match="Test Police"):
        services.organisation_save(partnership=world.partnership, actor=world.coordinator, name="test police")
    assert not Organisation.objects.filter(name="New body").exists()


def test_invitation_to_existing_member_is_refused(world):
    with pytest.raises(ServiceError, match="already a member"):
        services.invitation_create(
            partnership=world.partnership,
            actor=world.coordinator,
            email=world.member.email.upper(),
            role=Role.MEMBER,
            organisation=None,
            accept_url=lambda token: token,
        )


def test_new_invitation_replaces_waiting_one(world):
    kwargs = {
        "partnership": world.partnership,
        "actor": world.coordinator,
        "email": "x@example.org",
        "role": Role.MEMBER,
        "organisation": None,
        "accept_url": lambda token: token,
    }
    services.invitation_create(**kwargs)
    second, _ = services.invitation_create(**kwargs)
    assert list(Invitation.objects.filter(partnership=world.partnership)) == [second]


def test_glossary_terms_unique_ignoring_case(world):
    services.glossary_term_save(
        partnership=world.partnership, actor=world.coordinator, term="ASB", meaning="x"
    )
    with pytest.raises(ServiceError, match="already has"):
        services.glossary_term_save(
            partnership=world.partnership, actor=world.coordinator, term="asb", meaning="y"
        )
    with pytest.raises(AccessDenied):
        services.glossary_term_save(
            partnership=world.partnership, actor=world.member, term="CSP", meaning="y"
        )
