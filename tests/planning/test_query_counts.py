"""The dashboard, the action list and the action page read the database a fixed number of times,
however many actions, owners and updates the plan year holds (issue 8, "a quick quarter")."""

import re
from collections.abc import Callable

import pytest
from django.db import connection
from django.db.models.signals import post_init
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from planning import selectors
from planning.models import Place, Theme, Update
from tests.factories import ActionFactory, OrganisationFactory, PriorityFactory, UpdateFactory

Y = {"partnership": "test-csp", "year": "2020-21"}


def _grow(world, count: int) -> None:  # type: ignore[no-untyped-def]
    """Add `count` actions over two priorities, each with two owners and an update for every
    period (a status on all but the last), so every row has something to show."""
    statuses = list(world.partnership.statuses.all())
    periods = list(world.plan_year.periods.order_by("order"))
    priority = PriorityFactory(plan_year=world.plan_year)
    organisation = OrganisationFactory(partnership=world.partnership)
    updates = []
    for n in range(count):
        action = ActionFactory(
            priority=priority if n % 2 else world.priority, owners=[world.organisation, organisation]
        )
        updates += [
            Update(
                action=action,
                period=period,
                narrative=f"Progress {n} in {period.code}",
                status=None if i == len(periods) - 1 else statuses[(n + i) % len(statuses)],
            )
            for i, period in enumerate(periods)
        ]
    Update.objects.bulk_create(updates)


def _queries(client, url: str) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def _same_count_small_and_large(client, world, urls: Callable[[], list[str]]) -> None:  # type: ignore[no-untyped-def]
    _grow(world, 9)  # 10 actions with world.action
    client.get(urls()[0])  # first request warms per-process caches (content types, sessions)
    small = [_queries(client, url) for url in urls()]
    _grow(world, 90)  # 100 actions
    large = [_queries(client, url) for url in urls()]
    assert large == small


def _list(query: str = "") -> str:
    return reverse("planning:action_list", kwargs=Y) + query


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["coordinator", "member"])
def test_action_list_query_count_does_not_grow_with_actions(client, world, role):
    client.force_login(getattr(world, role))
    theme = Theme.objects.create(partnership=world.partnership, name="Youth")
    place = Place.objects.create(partnership=world.partnership, name="Tonbridge")

    def urls() -> list[str]:
        status = world.partnership.statuses.get(name="On track").pk
        return [
            _list(f"?theme={theme.pk}&place={place.pk}"),
            _list("?overdue=on"),
            _list(),
            _list("?q=Progress"),
            _list(f"?owner={world.organisation.pk}"),
            _list(f"?status={status}"),
            _list("?status=none"),
            _list("?page=2"),  # the last page: 10 actions have one, 100 have two
            _list(f"?priority={world.priority.pk}&q=Progress&page=2"),
        ]

    _same_count_small_and_large(client, world, urls)


@pytest.mark.django_db
def test_dashboard_query_count_does_not_grow_with_actions(client, world):
    client.force_login(world.coordinator)
    _same_count_small_and_large(
        client,
        world,
        lambda: [
            reverse("planning:dashboard", kwargs={"partnership": "test-csp"}),
            reverse("planning:dashboard_year", kwargs=Y),
        ],
    )


@pytest.mark.django_db
def test_action_page_query_count_does_not_grow_with_the_plan(client, world):
    client.force_login(world.member)
    periods = list(world.plan_year.periods.order_by("order"))
    for period in periods[:2]:
        UpdateFactory(action=world.action, period=period)
    url = reverse("planning:action", kwargs={**Y, "pk": world.action.pk})
    _same_count_small_and_large(client, world, lambda: [url])


@pytest.mark.django_db
def test_action_list_reads_at_most_a_dozen_queries_for_a_hundred_actions(
    client, world, django_assert_max_num_queries
):
    _grow(world, 99)
    client.force_login(world.coordinator)
    client.get(_list())
    pages = []
    for query in ("", "?page=2"):
        # 21: the theme and place filters (issue 9) read one more query (their UNION).
        with django_assert_max_num_queries(21):
            pages.append(client.get(_list(query)).content.decode())
    # 50 actions a page (ADR 0014): all 100 over the two pages, each once.
    rows = [page.count('<tr class="govuk-table__row" id="action-') for page in pages]
    assert rows == [50, 50]
    ids = [re.findall(r'id="action-(\d+)"', page) for page in pages]
    assert len(set(ids[0]) | set(ids[1])) == 100


@pytest.mark.django_db
def test_action_list_loads_one_update_per_action_not_every_update(client, world):
    _grow(world, 49)  # 50 actions, 250 updates
    client.force_login(world.member)
    loaded: list[Update] = []

    def count(sender, instance, **kwargs):  # type: ignore[no-untyped-def]
        loaded.append(instance)

    post_init.connect(count, sender=Update)
    try:
        page = client.get(_list()).content.decode()
    finally:
        post_init.disconnect(count, sender=Update)
    assert len(loaded) == 49  # the latest of each grown action; world.action has none
    assert page.count("No update yet") == 1


@pytest.mark.django_db
def test_list_rows_show_latest_update_and_latest_status(client, world):
    statuses = {s.name: s for s in world.partnership.statuses.all()}
    periods = {p.code: p for p in world.plan_year.periods.all()}
    UpdateFactory(action=world.action, period=periods["Q1"], status=statuses["At risk"], narrative="First")
    UpdateFactory(action=world.action, period=periods["Q2"], status=None, narrative="Second, no status")
    quiet = ActionFactory(priority=world.priority, text="Nothing reported")
    client.force_login(world.member)
    rows = {a.pk: a for a in selectors.action_list_search(world.member, world.plan_year)}
    assert rows[world.action.pk].latest.narrative == "Second, no status"  # latest period, no status
    assert rows[world.action.pk].status_now == statuses["At risk"]  # latest period that has one
    assert rows[quiet.pk].latest is None and rows[quiet.pk].status_now is None
    page = client.get(_list()).content.decode()
    action_url = reverse("planning:action", kwargs={**Y, "pk": world.action.pk})
    assert f'href="{action_url}"' in page and "Quarter 2:</span> Second, no status" in page


@pytest.mark.django_db
def test_move_buttons_post_to_the_action_move_url(client, world):
    second = ActionFactory(priority=world.priority)
    client.force_login(world.coordinator)
    page = client.get(_list()).content.decode()
    for action in (world.action, second):
        assert f'action="{reverse("planning:action_move", kwargs={**Y, "pk": action.pk})}"' in page


@pytest.mark.django_db
def test_owner_and_text_filters_use_exists_not_distinct(world):
    other = ActionFactory(priority=world.priority, owners=[world.organisation, world.other_organisation])
    UpdateFactory(action=other, narrative="needle here")
    UpdateFactory(action=other, period=world.plan_year.periods.order_by("order")[1], narrative="needle again")
    base = selectors.with_current_status(selectors.actions_for_year(world.plan_year))
    assert "DISTINCT" not in str(selectors.filter_actions(base, priority_id=world.priority.pk).query)
    by_owner = selectors.filter_actions(base, organisation_id=world.organisation.pk)
    assert "DISTINCT" not in str(by_owner.query) and "EXISTS" in str(by_owner.query)
    assert sorted(a.pk for a in by_owner) == sorted([world.action.pk, other.pk])  # each once
    by_text = selectors.filter_actions(base, text="needle")
    assert "DISTINCT" not in str(by_text.query)
    assert [a.pk for a in by_text] == [other.pk]  # once, though two of its updates match
