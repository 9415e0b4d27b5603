"""Planning on the access kernel: one door per record, audited reads, searches and denials."""

import json

import pytest
from django.urls import reverse

from core.access import REGISTRY, NotFound, Purpose
from core.actors import system_user
from core.models import AuditEvent, AuditEventType
from planning import access
from planning.models import (
    Action,
    ActionOwner,
    Measure,
    PlanYear,
    PlanYearState,
    Priority,
    ReportingPeriod,
    Status,
    SubTheme,
    Update,
)
from tests.factories import ActionFactory, PlanYearFactory, UpdateFactory, open_period

Y = {"partnership": "test-csp", "year": "2020-21"}
PLANNING_MODELS = [
    PlanYear,
    ReportingPeriod,
    Status,
    Priority,
    SubTheme,
    Action,
    ActionOwner,
    Update,
    Measure,
]


def _events(event: str, object_type: str = "") -> list[AuditEvent]:
    found = AuditEvent.objects.filter(event_type=event)
    if object_type:
        found = found.filter(object_type=object_type)
    return list(found.order_by("pk"))


def _url(name: str, pk: int) -> str:
    return reverse(name, kwargs={**Y, "pk": pk})


def test_every_planning_model_is_restricted_once_and_actions_and_updates_are_audited():
    for model in PLANNING_MODELS:
        assert model in REGISTRY, model
        assert REGISTRY[model].audit_reads == (model in (Action, Update)), model


@pytest.mark.django_db
def test_action_page_writes_exactly_one_viewed_event_however_many_updates(client, world):
    periods = {p.code: p for p in world.plan_year.periods.all()}
    for code in ("Q1", "Q2", "Q3"):
        UpdateFactory(action=world.action, period=periods[code], narrative=f"Done in {code}")
    client.force_login(world.member)
    response = client.get(_url("planning:action", world.action.pk))
    assert response.status_code == 200 and "Done in Q3" in response.content.decode()
    viewed = _events(AuditEventType.VIEWED)
    assert [(e.object_type, e.object_id, e.actor_username) for e in viewed] == [
        ("planning.action", str(world.action.pk), "member")
    ]
    assert viewed[0].partnership_slug == "test-csp"


@pytest.mark.django_db
def test_update_form_views_the_action_when_there_is_no_update_yet(client, world):
    client.force_login(world.lead_officer)
    assert client.get(_url("planning:action_update", world.action.pk)).status_code == 200
    viewed = _events(AuditEventType.VIEWED)
    assert [(e.object_type, e.object_id, e.purpose) for e in viewed] == [
        ("planning.action", str(world.action.pk), "report")
    ]


@pytest.mark.django_db
def test_update_form_views_the_update_it_shows(client, world):
    update = UpdateFactory(action=world.action, period=open_period(world.plan_year), narrative="Half done")
    client.force_login(world.lead_officer)
    response = client.get(_url("planning:action_update", world.action.pk))
    assert response.status_code == 200 and "Half done" in response.content.decode()
    viewed = _events(AuditEventType.VIEWED)
    assert [(e.object_type, e.object_id) for e in viewed] == [("planning.update", str(update.pk))]


@pytest.mark.django_db
def test_action_list_writes_one_searched_event_with_its_filters(client, world):
    ActionFactory(priority=world.priority, text="Another action")
    client.force_login(world.member)
    url = reverse("planning:action_list", kwargs=Y)
    response = client.get(url, {"q": "monthly", "priority": str(world.priority.pk)})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Hold a monthly meeting" in body and "Another action" not in body
    searched = _events(AuditEventType.SEARCHED)
    assert len(searched) == 1 and searched[0].object_type == "planning.action"
    detail = json.loads(searched[0].detail)
    assert detail["text"] == "monthly" and detail["priority_id"] == world.priority.pk
    assert detail["plan_year"] == "2020-21" and "status_id" not in detail  # unused filters left out
    assert _events(AuditEventType.VIEWED) == []


@pytest.mark.django_db
def test_door_records_access_denied_only_for_a_record_that_exists(client, world):
    client.force_login(world.member)  # may see the action, may not report on it
    existing = client.get(_url("planning:action_update", world.action.pk))
    missing = client.get(_url("planning:action_update", world.action.pk + 1000))
    assert existing.status_code == missing.status_code == 404
    assert existing.content == missing.content
    denied = _events(AuditEventType.ACCESS_DENIED)
    assert [(e.object_type, e.object_id, e.purpose, e.actor_username) for e in denied] == [
        ("planning.action", str(world.action.pk), "report", "member")
    ]


@pytest.mark.django_db
def test_action_of_another_partnership_is_not_found_under_this_one(client, world):
    from tests.factories import PlanYearFactory, PriorityFactory

    foreign_year = PlanYearFactory(partnership=world.other_partnership, slug="2020-21")
    foreign = ActionFactory(priority=PriorityFactory(plan_year=foreign_year))
    client.force_login(world.coordinator)
    assert client.get(_url("planning:action", foreign.pk)).status_code == 404
    denied = _events(AuditEventType.ACCESS_DENIED)
    assert [(e.object_id, e.partnership_slug) for e in denied] == [(str(foreign.pk), "other-csp")]
    assert _events(AuditEventType.VIEWED) == []


@pytest.mark.django_db
def test_lead_officer_of_another_organisation_cannot_open_the_update_form(client, world):
    client.force_login(world.other_lead_officer)
    assert client.get(_url("planning:action", world.action.pk)).status_code == 200
    assert client.get(_url("planning:action_update", world.action.pk)).status_code == 404
    response = client.post(
        _url("planning:action_update", world.action.pk), {"narrative": "x", "version": "0"}
    )
    assert response.status_code == 404
    assert not Update.objects.exists()
    assert len(_events(AuditEventType.ACCESS_DENIED, "planning.action")) == 2


@pytest.mark.django_db
def test_members_see_but_cannot_report(client, world):
    client.force_login(world.member)
    page = client.get(_url("planning:action", world.action.pk)).content.decode()
    assert "Hold a monthly meeting" in page
    assert _url("planning:action_update", world.action.pk) not in page
    response = client.post(
        _url("planning:action_update", world.action.pk), {"narrative": "x", "version": "0"}
    )
    assert response.status_code == 404 and not Update.objects.exists()


@pytest.mark.django_db
def test_report_visibility_follows_ownership_and_the_open_period(world):
    def reportable(actor) -> set[int]:  # type: ignore[no-untyped-def]
        return set(access.actions_visible_to(actor, for_=Purpose.REPORT).values_list("pk", flat=True))

    theirs = ActionFactory(priority=world.priority, owners=[world.other_organisation])
    assert reportable(world.lead_officer) == {world.action.pk}
    assert reportable(world.other_lead_officer) == {theirs.pk}
    assert reportable(world.coordinator) == reportable(system_user()) == {world.action.pk, theirs.pk}
    assert reportable(world.member) == reportable(world.outsider) == set()
    assert set(access.actions_visible_to(world.member).values_list("pk", flat=True)) == {
        world.action.pk,
        theirs.pk,
    }
    world.plan_year.state = PlanYearState.CLOSED
    world.plan_year.save()
    assert reportable(world.coordinator) == set()


@pytest.mark.django_db
def test_access_plan_year_current_by_slug_and_for_a_purpose(world):
    assert access.access_plan_year(world.member, "test-csp") == world.plan_year
    assert access.access_plan_year(world.member, "test-csp", "2020-21") == world.plan_year
    for actor, slug, purpose in [
        (world.member, "2020-21", Purpose.MANAGE),
        (world.member, "1999-00", Purpose.VIEW),
        (world.outsider, "2020-21", Purpose.VIEW),
    ]:
        with pytest.raises(NotFound):
            access.access_plan_year(actor, "test-csp", slug, for_=purpose)
    assert access.access_plan_year(world.coordinator, "test-csp", for_=Purpose.MANAGE) == world.plan_year
    assert (
        access.access_plan_year_by_id(system_user(), world.plan_year.pk, for_=Purpose.MANAGE)
        == world.plan_year
    )


@pytest.mark.django_db
def test_a_year_slug_missing_here_is_not_logged_as_a_refusal_of_another_partnerships_year(client, world):
    elsewhere = PlanYearFactory(partnership=world.other_partnership, slug="2031-32")
    client.force_login(world.member)
    url = reverse("planning:dashboard_year", kwargs={"partnership": "test-csp", "year": "2031-32"})
    assert client.get(url).status_code == 404
    refused = AuditEvent.objects.filter(event_type=AuditEventType.ACCESS_DENIED, object_id=str(elsewhere.pk))
    assert not refused.filter(object_type="planning.planyear").exists()
