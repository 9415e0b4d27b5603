"""Page parts cached until the partnership's records change (core.pagecache, ADR 0019)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import AuditEvent, AuditEventType
from core.pagecache import data_version
from planning import services
from planning.models import Theme
from tests.factories import ActionFactory

LIST = "planning:action_list"


def _list_url(world) -> str:  # type: ignore[no-untyped-def]
    return reverse(LIST, kwargs={"partnership": world.partnership.slug, "year": world.plan_year.slug})


def _get(client, url: str) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    """The page's main content (outside it, nonces and the sign-out form's token differ on every
    request) and the number of queries the request made."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    return page[page.index("<main") : page.index("</main>")], len(captured)


@pytest.mark.django_db
def test_a_write_moves_only_its_own_partnerships_version(world):
    mine, other = data_version(world.partnership.pk), data_version(world.other_partnership.pk)
    world.action.text = "Changed"
    world.action.save()
    assert data_version(world.partnership.pk) == mine + 1
    assert data_version(world.other_partnership.pk) == other


@pytest.mark.django_db
def test_tags_added_to_a_record_move_the_version(world):
    theme = Theme.objects.create(partnership=world.partnership, name="Youth")
    before = data_version(world.partnership.pk)
    world.action.themes.add(theme)
    assert data_version(world.partnership.pk) > before


@pytest.mark.django_db
def test_a_changed_name_moves_the_version_but_a_sign_in_does_not(world):
    before = data_version(world.partnership.pk)
    world.lead_officer.last_login = None
    world.lead_officer.save(update_fields=["last_login"])
    assert data_version(world.partnership.pk) == before
    world.lead_officer.first_name = "Renamed"
    world.lead_officer.save()
    assert data_version(world.partnership.pk) == before + 1


@pytest.mark.django_db
def test_the_list_is_served_from_the_cache_until_an_action_changes(client, world):
    client.force_login(world.coordinator)
    url = _list_url(world)
    client.get(url)  # sets the CSRF cookie the cache key needs
    first, built = _get(client, url)
    again, served = _get(client, url)
    assert again == first and served < built
    action = ActionFactory(priority=world.priority, text="A brand new action on knife crime")
    assert action.text not in first
    fresh, _ = _get(client, url)
    assert action.text in fresh


@pytest.mark.django_db
def test_a_cached_list_still_writes_its_searched_event(client, world):
    client.force_login(world.member)
    url = _list_url(world)
    client.get(url)
    searched = AuditEvent.objects.filter(event_type=AuditEventType.SEARCHED, actor_id=world.member.pk)
    before = searched.count()
    _get(client, url)
    _get(client, url + "?q=knife")
    _get(client, url + "?q=knife")  # from the cache
    events = list(searched.order_by("pk"))[before:]
    assert len(events) == 3
    assert events[1].detail == events[2].detail and "knife" in events[2].detail


@pytest.mark.django_db
def test_an_action_page_from_the_cache_still_writes_its_viewed_event(client, world):
    client.force_login(world.member)
    url = reverse(
        "planning:action",
        kwargs={"partnership": world.partnership.slug, "year": world.plan_year.slug, "pk": world.action.pk},
    )
    client.get(url)
    viewed = AuditEvent.objects.filter(event_type=AuditEventType.VIEWED, object_id=str(world.action.pk))
    before = viewed.count()
    _get(client, url)
    _get(client, url)
    assert viewed.count() == before + 2


@pytest.mark.django_db
def test_people_never_share_a_cached_part(client, world):
    url = _list_url(world)
    client.force_login(world.coordinator)
    client.get(url)
    coordinator_page, _ = _get(client, url)
    client.force_login(world.member)
    client.get(url)
    member_page, _ = _get(client, url)
    assert "Add an action" in coordinator_page
    assert "Add an action" not in member_page


@pytest.mark.django_db
def test_without_a_csrf_cookie_nothing_is_cached(client, world):
    client.force_login(world.coordinator)
    url = _list_url(world)
    _, first = _get(client, url)  # no CSRF cookie yet: built, not stored
    client.cookies.pop("csrftoken", None)
    _, second = _get(client, url)
    assert second == first


@pytest.mark.django_db
def test_on_commit_the_version_moves_only_when_the_transaction_commits(
    world, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_BUMP_ON_COMMIT = True
    before = data_version(world.partnership.pk)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.action_edit(
            actor=world.coordinator,
            action=world.action,
            expected_version=world.action.version,
            text="Edited after commit",
        )
        assert data_version(world.partnership.pk) == before  # not yet: the transaction is open
    assert callbacks
    assert data_version(world.partnership.pk) > before
