"""My actions, the period page and the dashboard's missing reports read the database a fixed number
of times, however many actions, owners, updates and contributions the plan year holds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from planning.models import Contribution, Update
from tests.factories import ActionFactory, open_only

Y = {"partnership": "test-csp", "year": "2020-21"}


def _grow(world, count: int) -> None:  # type: ignore[no-untyped-def]
    """`count` actions of the lead officer's organisation, half of them joint actions led by the
    other organisation, with Q1 updates and contributions on some."""
    q1 = world.plan_year.periods.get(code="Q1")
    updates, contributions = [], []
    for n in range(count):
        joint = n % 2 == 1
        owners = [world.other_organisation, world.organisation] if joint else [world.organisation]
        action = ActionFactory(priority=world.priority, owners=owners)
        if n % 3 == 0:
            updates.append(Update(action=action, period=q1, narrative=f"Done {n}"))
        if joint and n % 4 == 1:
            contributions.append(
                Contribution(action=action, period=q1, organisation=world.organisation, narrative="Ours")
            )
    Update.objects.bulk_create(updates)
    Contribution.objects.bulk_create(contributions)


def _queries(client, url: str) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "url"),
    [
        ("lead_officer", reverse("planning:my_actions", kwargs=Y)),
        ("lead_officer", reverse("planning:my_period_updates", kwargs={**Y, "code": "Q1"})),
        ("coordinator", reverse("planning:dashboard_year", kwargs=Y)),
    ],
)
def test_reads_do_not_grow_with_the_plan(client, world, who, url):
    open_only(world.plan_year, "Q1", "Q2")
    client.force_login(getattr(world, who))
    _grow(world, 6)
    client.get(url)  # warms per-process caches
    small = _queries(client, url)
    _grow(world, 40)
    assert _queries(client, url) == small
