"""Joint actions: each other owner adds its own contribution, the lead writes the update, and each
organisation's missing report is tracked on its own."""

import pytest
from django.urls import reverse

from core.errors import AccessDenied, ConflictError, ServiceError
from partnership.models import Role
from planning import selectors, services
from planning.models import Contribution, Update
from tests.factories import ActionFactory, MembershipFactory, OrganisationFactory, UserFactory

Y = {"partnership": "test-csp", "year": "2020-21"}


@pytest.fixture
def joint(world):  # type: ignore[no-untyped-def]
    """A joint action led by Test Police, with Test Borough Council and Test Charity as owners."""
    charity = OrganisationFactory(partnership=world.partnership, name="Test Charity")
    charity_lead = UserFactory(username="charitylead")
    MembershipFactory(
        user=charity_lead, partnership=world.partnership, organisation=charity, role=Role.LEAD_OFFICER
    )
    action = ActionFactory(
        priority=world.priority,
        text="Joint patrols",
        owners=[world.other_organisation, world.organisation, charity],
    )
    return action, charity, charity_lead


def _missing(world):  # type: ignore[no-untyped-def]
    [q1] = selectors.missing_updates(world.plan_year)
    return {org.name: [a.text for a in actions] for org, actions in q1.groups}


@pytest.mark.django_db
def test_two_contributions_both_show_and_each_clears_only_its_own_missing_update(client, world, joint):
    action, charity, charity_lead = joint
    assert _missing(world)["Test Charity"] == ["Joint patrols"]
    services.action_contribution_record(
        action=action, actor=world.lead_officer, narrative="Council CCTV checks"
    )
    missing = _missing(world)
    assert "Joint patrols" not in missing["Test Borough Council"]
    assert missing["Test Charity"] == ["Joint patrols"] and missing["Test Police"] == ["Joint patrols"]
    services.action_contribution_record(action=action, actor=charity_lead, narrative="Street pastors out")
    missing = _missing(world)
    assert "Test Charity" not in missing and missing["Test Police"] == ["Joint patrols"]

    client.force_login(world.other_lead_officer)  # the lead organisation writes the combined update
    form_url = reverse("planning:action_update", kwargs={**Y, "pk": action.pk})
    page = client.get(form_url).content.decode()
    assert "Council CCTV checks" in page and "Street pastors out" in page
    assert page.index("Test Borough Council") < page.index("Test Charity")
    client.post(form_url, {"narrative": "Patrols, CCTV and pastors every weekend", "version": 0})
    assert "Test Police" not in _missing(world)

    page = client.get(reverse("planning:action", kwargs={**Y, "pk": action.pk})).content.decode()
    assert "Patrols, CCTV and pastors every weekend" in page
    assert "Contributions from the other owners" in page
    assert "Council CCTV checks" in page and "Street pastors out" in page


@pytest.mark.django_db
def test_only_other_owners_contribute_and_only_the_lead_writes_the_update(world, joint):
    action, *_ = joint
    with pytest.raises(AccessDenied, match="joint action"):
        services.action_update_record(action=action, actor=world.lead_officer, narrative="x", status=None)
    with pytest.raises(ServiceError, match="lead organisation writes"):
        services.action_contribution_record(action=action, actor=world.other_lead_officer, narrative="x")
    with pytest.raises(ServiceError, match="one owner"):
        services.action_contribution_record(action=world.action, actor=world.lead_officer, narrative="x")
    with pytest.raises(AccessDenied, match="Only the supporting owners"):
        services.action_contribution_record(
            action=world.action, actor=world.other_lead_officer, narrative="x"
        )
    with pytest.raises(ServiceError, match="Choose the organisation"):
        services.action_contribution_record(action=action, actor=world.coordinator, narrative="x")
    services.action_contribution_record(
        action=action, actor=world.coordinator, narrative="Phoned in", organisation=world.organisation
    )
    assert Contribution.objects.get().organisation == world.organisation
    assert not Update.objects.exists()


@pytest.mark.django_db
def test_contribution_form_keeps_concurrent_edits(client, world, joint):
    action, *_ = joint
    client.force_login(world.lead_officer)
    url = reverse("planning:action_contribution", kwargs={**Y, "pk": action.pk})
    assert "Add Test Borough Council's contribution for Quarter 1" in client.get(url).content.decode()
    assert (
        client.post(url, {"narrative": "", "version": 0})
        .content.decode()
        .count("Enter your organisation&#x27;s contribution")
        >= 1
    )
    assert client.post(url, {"narrative": "First", "version": 0}).status_code == 302
    services.action_contribution_record(
        action=action, actor=world.lead_officer, narrative="Second", expected_version=1
    )
    page = client.post(url, {"narrative": "Mine", "version": 1}).content.decode()
    assert "Saved by someone else" in page and "Second" in page
    assert Contribution.objects.get().narrative == "Second"
    with pytest.raises(ConflictError):
        services.action_contribution_record(action=action, actor=world.lead_officer, narrative="x")
