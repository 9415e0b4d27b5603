"""Who can open which planning page: every role, including a user of another partnership."""

import pytest
from django.urls import reverse

from planning.models import Measure

P = "test-csp"
Y = {"partnership": P, "year": "2020-21"}

# Pages every member of the partnership can read.
READ_PAGES = [
    ("planning:dashboard", {}),
    ("planning:dashboard_year", Y),
    ("planning:action_list", {}),
    ("planning:action_list", Y),
    ("planning:action", "action"),
    ("planning:review", {}),
    ("planning:review", Y),
    ("planning:key_figures", {}),
]
# Pages only coordinators can open.
COORDINATOR_PAGES = [
    ("planning:action_create", Y),
    ("planning:action_edit", "action"),
    ("planning:action_delete", "action"),
    ("planning:priority_create", Y),
    ("planning:priority_edit", "priority"),
    ("planning:priority_delete", "priority"),
    ("planning:year_settings", {}),
    ("planning:year_settings", Y),
    ("planning:period_edit", {**Y, "code": "Q1"}),
    ("planning:statuses", {}),
    ("planning:status_create", {}),
    ("planning:status_edit", "status"),
    ("planning:roll_forward", {}),
    ("planning:roll_forward", Y),
    ("planning:measure_create", {}),
    ("planning:measure_edit", "measure"),
    ("planning:measure_delete", "measure"),
]


def _url(world, name, kwargs):  # type: ignore[no-untyped-def]
    if kwargs == "action":
        kwargs = {**Y, "pk": world.action.pk}
    elif kwargs == "priority":
        kwargs = {**Y, "pk": world.priority.pk}
    elif kwargs == "status":
        kwargs = {"partnership": P, "pk": world.partnership.statuses.first().pk}
    elif kwargs == "measure":
        measure = Measure.objects.create(partnership=world.partnership, name="Crimes", value=1)
        kwargs = {"partnership": P, "pk": measure.pk}
    return reverse(name, kwargs={"partnership": P, **kwargs})


ROLES = ["coordinator", "lead_officer", "other_lead_officer", "member", "outsider", "site_admin"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_page_access_by_role(client, world, role):
    client.force_login(getattr(world, role))
    member = role in ("coordinator", "lead_officer", "other_lead_officer", "member")
    for name, kwargs in READ_PAGES:
        url = _url(world, name, kwargs)
        assert client.get(url).status_code == (200 if member else 404), (role, url)
    for name, kwargs in COORDINATOR_PAGES:
        url = _url(world, name, kwargs)
        assert client.get(url).status_code == (200 if role == "coordinator" else 404), (role, url)
    update_url = reverse("planning:action_update", kwargs={**Y, "pk": world.action.pk})
    allowed = role in ("coordinator", "lead_officer")
    assert client.get(update_url).status_code == (200 if allowed else 404), role


@pytest.mark.django_db
def test_anonymous_is_sent_to_sign_in(client, world):
    for name, kwargs in READ_PAGES + COORDINATOR_PAGES:
        response = client.get(_url(world, name, kwargs))
        assert response.status_code == 302
        assert "sign-in" in response["Location"]


@pytest.mark.django_db
def test_unknown_year_and_foreign_action_are_not_found(client, world):
    from tests.factories import ActionFactory, PlanYearFactory, PriorityFactory

    client.force_login(world.coordinator)
    assert client.get(reverse("planning:dashboard_year", kwargs={**Y, "year": "1999-00"})).status_code == 404
    foreign_year = PlanYearFactory(partnership=world.other_partnership, slug="2020-21")
    foreign = ActionFactory(priority=PriorityFactory(plan_year=foreign_year))
    assert client.get(reverse("planning:action", kwargs={**Y, "pk": foreign.pk})).status_code == 404
    assert client.get(reverse("planning:action_update", kwargs={**Y, "pk": foreign.pk})).status_code == 404


@pytest.mark.django_db
def test_writes_by_non_coordinators_are_not_found_and_change_nothing(client, world):
    client.force_login(world.lead_officer)
    before = world.action.text
    posts = [
        reverse("planning:action_delete", kwargs={**Y, "pk": world.action.pk}),
        reverse("planning:action_move", kwargs={**Y, "pk": world.action.pk}),
        reverse("planning:priority_delete", kwargs={**Y, "pk": world.priority.pk}),
        reverse("planning:year_settings", kwargs=Y),
        reverse("planning:roll_forward", kwargs=Y),
    ]
    for url in posts:
        assert client.post(url, {"direction": "up", "form": "next"}).status_code == 404, url
    world.action.refresh_from_db()
    assert world.action.text == before
    assert world.partnership.plan_years.count() == 1
