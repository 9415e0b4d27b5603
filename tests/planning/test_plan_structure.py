"""Approaches, outcomes, cross-cutting themes, places, and lead and supporting organisations."""

import pytest
from django.urls import reverse

from core.errors import ServiceError
from planning import selectors, services
from planning.models import Action, Approach, Outcome, OwnerRole, Place, Theme
from planning.owners import TO_BE_CONFIRMED, means_none, single_column
from tests.factories import OrganisationFactory, PartnershipFactory, PriorityFactory

Y = {"partnership": "test-csp", "year": "2020-21"}


def test_owner_cells_and_the_single_column():
    assert means_none("") and means_none("  to be CONFIRMED ") and not means_none("Kent Police")

    class Owner:
        def __init__(self, name: str, lead: bool) -> None:
            self.display_name, self.is_lead = name, lead

    assert single_column([Owner("Kent Police", True), Owner("TMBC", False)]) == ["Kent Police", "TMBC"]
    assert single_column([Owner("TMBC", False)]) == [TO_BE_CONFIRMED, "TMBC"]


@pytest.mark.django_db
def test_themes_and_places_are_unique_per_partnership_and_lsoas_are_checked(world):
    coordinator, team = world.coordinator, world.partnership
    services.theme_save(partnership=team, actor=coordinator, name="Reduce reoffending")
    with pytest.raises(ServiceError, match="already a theme called"):
        services.theme_save(partnership=team, actor=coordinator, name="reduce REOFFENDING ")
    with pytest.raises(ServiceError, match="not LSOA codes .*: X1, E0102438"):
        services.place_save(
            partnership=team, actor=coordinator, name="Snodland", lsoa_codes=["X1", "E0102438"]
        )
    place = services.place_save(
        partnership=team,
        actor=coordinator,
        name="Snodland",
        lsoa_codes=["e01024385", "E01024385", " E01024386"],
    )
    assert place.lsoa_codes == ["E01024385", "E01024386"]
    other = PartnershipFactory(slug="elsewhere")
    foreign = Theme.objects.create(partnership=other, name="Elsewhere")
    with pytest.raises(ServiceError, match="another partnership"):
        services.tags_set(world.action, themes=[foreign], places=None, actor=coordinator)


@pytest.mark.django_db
def test_approaches_and_outcomes_belong_to_their_priority(world):
    coordinator = world.coordinator
    early = services.approach_save(priority=world.priority, actor=coordinator, title="Early intervention")
    other_priority = PriorityFactory(plan_year=world.plan_year, title="Other")
    with pytest.raises(ServiceError, match="approach of this priority"):
        services.outcome_save(priority=other_priority, actor=coordinator, text="x", approach=early)
    outcome = services.outcome_save(
        priority=world.priority, actor=coordinator, text="Fewer victims", approach=early
    )
    action = services.action_create(
        plan_year=world.plan_year,
        priority=world.priority,
        text="Mentoring",
        owners=[(world.organisation, "Test Borough Council")],
        actor=coordinator,
        approach=early,
    )
    with pytest.raises(ServiceError, match="approach of another priority"):
        services.action_create(
            plan_year=world.plan_year,
            priority=other_priority,
            text="x",
            owners=[],
            actor=coordinator,
            approach=early,
        )
    moved = services.action_edit(
        action=action, expected_version=action.version, actor=coordinator, priority=other_priority
    )
    assert moved.approach is None  # the old priority's approach does not follow the action
    services.action_edit(
        action=moved,
        expected_version=moved.version,
        actor=coordinator,
        priority=world.priority,
        approach=early,
    )
    services.approach_delete(approach=early, actor=coordinator)
    assert Action.objects.get(pk=action.pk).approach is None
    assert Outcome.objects.get(pk=outcome.pk).approach is None
    assert not Approach.objects.exists()


@pytest.mark.django_db
def test_the_first_owner_leads_unless_the_lead_is_to_be_confirmed(world):
    owners = [(world.organisation, "TBC"), (world.other_organisation, "Kent Police")]
    led = services.action_create(
        plan_year=world.plan_year, priority=world.priority, text="Led", owners=owners, actor=world.coordinator
    )
    assert [(o.organisation, o.role) for o in led.owners.order_by("order")] == [
        (world.organisation, OwnerRole.LEAD),
        (world.other_organisation, OwnerRole.SUPPORTING),
    ]
    unled = services.action_create(
        plan_year=world.plan_year,
        priority=world.priority,
        text="Unled",
        owners=owners,
        actor=world.coordinator,
        has_lead=False,
    )
    assert set(unled.owners.values_list("role", flat=True)) == {OwnerRole.SUPPORTING}
    bare = services.action_create(
        plan_year=world.plan_year,
        priority=world.priority,
        text="Nobody yet",
        owners=[],
        actor=world.coordinator,
    )
    assert not bare.owners.exists()
    # without a lead, every owner contributes and the coordinator writes the update
    services.action_contribution_record(action=unled, actor=world.lead_officer, narrative="Ours")
    assert selectors.reportable(world.lead_officer, unled) == "contribution"
    assert selectors.reportable(world.coordinator, unled) == "update"


@pytest.mark.django_db
def test_coordinator_builds_a_priority_with_approaches_outcomes_and_tags(client, world):
    client.force_login(world.coordinator)
    theme = Theme.objects.create(partnership=world.partnership, name="Protect the vulnerable")
    place = Place.objects.create(partnership=world.partnership, name="Tonbridge town centre")
    base = reverse("planning:priority", kwargs={**Y, "pk": world.priority.pk})
    client.post(base + "approaches/new/", {"title": "Managing perpetrators"})
    approach = Approach.objects.get()
    response = client.post(
        base + "outcomes/new/", {"text": "Fewer repeat offenders", "approach": approach.pk}
    )
    assert response.status_code == 302 and response.url == base
    page = client.post(base + "outcomes/new/", {"text": ""}).content.decode()
    assert "There is a problem" in page and "Enter the outcome" in page
    support = OrganisationFactory(partnership=world.partnership, name="Test Charity")
    response = client.post(
        reverse("planning:action_create", kwargs=Y),
        {
            "priority": world.priority.pk,
            "approach": approach.pk,
            "text": "Run a perpetrator programme",
            "owner_1": "",
            "owner_2": support.pk,
            "themes": [theme.pk],
            "places": [place.pk],
        },
    )
    assert response.status_code == 302
    action = Action.objects.get(text="Run a perpetrator programme")
    assert (
        action.approach == approach
        and list(action.themes.all()) == [theme]
        and list(action.places.all()) == [place]
    )
    assert action.owners.get().role == OwnerRole.SUPPORTING
    page = client.get(base).content.decode()
    assert "Managing perpetrators" in page and "Fewer repeat offenders" in page
    assert "Run a perpetrator programme" in page and TO_BE_CONFIRMED in page and "Test Charity" in page
    detail = client.get(reverse("planning:action", kwargs={**Y, "pk": action.pk})).content.decode()
    assert "Lead organisation" in detail and TO_BE_CONFIRMED in detail and "Protect the vulnerable" in detail
    themes_page = client.get(reverse("planning:themes", kwargs={"partnership": "test-csp"})).content.decode()
    assert "Protect the vulnerable" in themes_page and "Tonbridge town centre" in themes_page


@pytest.mark.django_db
def test_roll_forward_keeps_roles_approach_and_tags(world):
    coordinator = world.coordinator
    theme = services.theme_save(partnership=world.partnership, actor=coordinator, name="Reoffending")
    early = services.approach_save(priority=world.priority, actor=coordinator, title="Early help")
    action = services.action_create(
        plan_year=world.plan_year,
        priority=world.priority,
        text="Carried work",
        owners=[(world.other_organisation, "Kent Police"), (world.organisation, "TMBC")],
        actor=coordinator,
        has_lead=False,
        approach=early,
        themes=[theme],
    )
    target = services.plan_year_roll_forward(
        source=world.plan_year, action_ids=[action.pk], priority_ids=[], actor=coordinator
    )
    carried = Action.objects.get(plan_year=target, carried_from=action)
    assert carried.approach.title == "Early help" and carried.approach.priority == carried.priority
    assert list(carried.themes.all()) == [theme]
    assert set(carried.owners.values_list("role", flat=True)) == {OwnerRole.SUPPORTING}
