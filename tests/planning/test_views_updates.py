"""The update form: who may report, on which period, and concurrent saves never overwrite."""

import pytest
from django.urls import reverse

from planning.models import Update
from tests.factories import ActionFactory, UpdateFactory, open_only, open_period

Y = {"partnership": "test-csp", "year": "2020-21"}


def _url(action, name="planning:action_update"):  # type: ignore[no-untyped-def]
    return reverse(name, kwargs={**Y, "pk": action.pk})


@pytest.mark.django_db
def test_lead_officer_adds_update_for_open_period(client, world):
    client.force_login(world.lead_officer)
    on_track = world.partnership.statuses.get(name="On track")
    response = client.post(
        _url(world.action), {"narrative": "Met twice.", "status": on_track.pk, "version": 0}
    )
    assert response.status_code == 302
    update = Update.objects.get(action=world.action)
    assert (update.narrative, update.status, update.author) == ("Met twice.", on_track, world.lead_officer)
    assert update.period == open_period(world.plan_year)
    page = client.get(_url(world.action, "planning:action")).content.decode()
    assert "Met twice." in page and "On track" in page and "Edit the update for Quarter 1" in page


@pytest.mark.django_db
def test_no_status_is_the_default_and_saves_none(client, world):
    client.force_login(world.coordinator)
    page = client.get(_url(world.action)).content.decode()
    assert 'value="" checked' in page  # "No status" chosen, never "Not started"
    client.post(_url(world.action), {"narrative": "Planning", "status": "", "version": 0})
    assert Update.objects.get(action=world.action).status is None


@pytest.mark.django_db
def test_empty_update_shows_error_summary(client, world):
    client.force_login(world.coordinator)
    response = client.post(_url(world.action), {"narrative": " ", "status": "", "version": 0})
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page and 'href="#id_narrative"' in page
    assert "Enter an update or choose a status" in page
    assert not Update.objects.exists()


@pytest.mark.django_db
def test_lead_officer_of_other_org_and_member_cannot_post(client, world):
    for user in (world.other_lead_officer, world.member, world.outsider):
        client.force_login(user)
        assert client.post(_url(world.action), {"narrative": "x", "version": 0}).status_code == 404
    assert not Update.objects.exists()


@pytest.mark.django_db
def test_no_updates_when_no_period_is_open_or_year_closed(client, world):
    client.force_login(world.lead_officer)
    open_only(world.plan_year)
    assert client.post(_url(world.action), {"narrative": "x", "version": 0}).status_code == 404
    open_only(world.plan_year, "Q2")
    world.plan_year.state = "closed"
    world.plan_year.save()
    assert client.get(_url(world.action)).status_code == 404
    assert not Update.objects.exists()


@pytest.mark.django_db
def test_second_save_from_same_version_gets_conflict_page(client, world):
    """Two people load the empty form (version 0); the second save is refused and shown both texts."""
    client.force_login(world.lead_officer)
    first = client.post(_url(world.action), {"narrative": "First text", "status": "", "version": 0})
    assert first.status_code == 302
    client.force_login(world.coordinator)
    second = client.post(_url(world.action), {"narrative": "Second text", "status": "", "version": 0})
    page = second.content.decode()
    assert second.status_code == 200
    assert "govuk-error-summary" in page and "Someone else saved" in page
    assert "First text" in page and "Second text" in page  # newer saved version beside unsaved text
    update = Update.objects.get(action=world.action)
    assert update.narrative == "First text" and update.version == 1
    # the re-shown form carries the newer version, so saving again is a deliberate replace
    assert 'name="version" value="1"' in page
    third = client.post(_url(world.action), {"narrative": "Second text", "status": "", "version": 1})
    assert third.status_code == 302
    update.refresh_from_db()
    assert update.narrative == "Second text" and update.version == 2


@pytest.mark.django_db
def test_stale_edit_of_existing_update_conflicts(client, world):
    update = UpdateFactory(action=world.action, narrative="Saved", version=3)
    client.force_login(world.lead_officer)
    response = client.post(_url(world.action), {"narrative": "Mine", "status": "", "version": 2})
    assert "Someone else saved" in response.content.decode()
    update.refresh_from_db()
    assert update.narrative == "Saved"


@pytest.mark.django_db
def test_example_updates_are_marked(client, world):
    UpdateFactory(action=world.action, narrative="Made up", is_example=True)
    client.force_login(world.member)
    for name, kwargs in [
        ("planning:action_list", Y),
        ("planning:action", {**Y, "pk": world.action.pk}),
        ("planning:dashboard", {"partnership": "test-csp"}),
    ]:
        assert "Example data" in client.get(reverse(name, kwargs=kwargs)).content.decode(), name


@pytest.mark.django_db
def test_action_detail_shows_history_of_action_and_updates(client, world):
    client.force_login(world.lead_officer)
    client.post(_url(world.action), {"narrative": "One", "status": "", "version": 0})
    on_track = world.partnership.statuses.get(name="On track")
    client.post(_url(world.action), {"narrative": "Two", "status": on_track.pk, "version": 1})
    page = client.get(_url(world.action, "planning:action")).content.decode()
    assert "Quarter 1 update" in page
    assert "Status:" in page and "On track" in page  # status change named, not numbered
    assert world.lead_officer.get_full_name() in page


@pytest.mark.django_db
def test_year_end_review_form_records_year_end_update(client, world):
    year_end = world.plan_year.periods.get(code="year-end")
    open_only(world.plan_year, "year-end")
    client.force_login(world.coordinator)
    review_url = reverse("planning:review", kwargs=Y)
    page = client.get(review_url).content.decode()
    assert "Record the year-end update" in page
    completed = world.partnership.statuses.get(name="Completed")
    response = client.post(
        _url(world.action), {"narrative": "Done", "status": completed.pk, "version": 0, "next": "review"}
    )
    assert response["Location"].startswith(review_url)
    assert Update.objects.get(action=world.action, period=year_end).status == completed
    assert "Done" in client.get(review_url).content.decode()


@pytest.mark.django_db
def test_review_without_open_year_end_has_no_forms(client, world):
    ActionFactory(priority=world.priority)
    client.force_login(world.coordinator)
    page = client.get(reverse("planning:review", kwargs=Y)).content.decode()
    assert "year-end review is not open" in page
    assert "Save year-end update" not in page


def test_an_update_of_any_length_is_refused_above_the_limit(client, world, settings):
    settings.MAX_NARRATIVE_CHARS = 2_000
    world.plan_year.refresh_from_db()
    client.force_login(world.lead_officer)
    response = client.post(_url(world.action), {"narrative": "x" * 2_001, "status": "", "version": 0})
    page = response.content.decode()
    assert response.status_code == 200 and "Shorten this text to 2,000 characters or fewer" in page
    assert not world.action.updates.exists()


def test_update_form_says_what_is_needed_in_plain_words(client, world):
    client.force_login(world.lead_officer)
    page = client.get(_url(world.action)).content.decode()
    assert "Update (needed unless you choose a status)" in page
    assert "Status (needed unless you write an update)" in page
    assert "Formatting: **bold**, lists with -" in page and "Markdown" not in page
