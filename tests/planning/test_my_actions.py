"""My actions: a lead officer's own actions and every update for a period saved in one POST."""

import pytest
from django.urls import reverse

from planning import services
from planning.models import Contribution, Update
from tests.factories import ActionFactory, UpdateFactory, open_only

Y = {"partnership": "test-csp", "year": "2020-21"}


def _my_url():  # type: ignore[no-untyped-def]
    return reverse("planning:my_actions", kwargs=Y)


def _period_url(code="Q1"):  # type: ignore[no-untyped-def]
    return reverse("planning:my_period_updates", kwargs={**Y, "code": code})


@pytest.fixture
def mine(world):  # type: ignore[no-untyped-def]
    """Three actions of Test Borough Council: its own, a second, and a joint one Test Police leads."""
    second = ActionFactory(priority=world.priority, text="Run a survey", owners=[world.organisation])
    joint = ActionFactory(
        priority=world.priority, text="Joint patrols", owners=[world.other_organisation, world.organisation]
    )
    ActionFactory(priority=world.priority, text="Police only", owners=[world.other_organisation])
    return [world.action, second, joint]


@pytest.mark.django_db
def test_home_of_a_lead_officer_is_my_actions(client, world, mine):
    client.force_login(world.lead_officer)
    assert client.get("/").url == reverse("planning:my_actions", kwargs={"partnership": "test-csp"})
    page = client.get(_my_url()).content.decode()
    assert "Hold a monthly meeting" in page and "Run a survey" in page and "Joint patrols" in page
    assert "Police only" not in page
    assert "Quarter 1: 0 of 3 written" in page and "Contribution (lead: Test Police)" in page
    assert '<strong class="govuk-service-navigation__active-fallback">My actions</strong>' in page
    client.force_login(world.coordinator)
    assert client.get("/").url == reverse("planning:dashboard", kwargs={"partnership": "test-csp"})
    page = client.get(_my_url()).content.decode()
    assert (
        "You do not report for an organisation" in page
        and 'navigation__active-fallback">My actions' not in page
    )
    assert 'class="govuk-service-navigation__link" href="/partnerships/test-csp/my-actions/"' not in page


@pytest.mark.django_db
def test_lead_officer_saves_three_reports_in_one_post(client, world, mine):
    own, second, joint = mine
    on_track = world.partnership.statuses.get(name="On track")
    client.force_login(world.lead_officer)
    page = client.get(_period_url()).content.decode()
    assert (
        page.count('<fieldset class="govuk-fieldset">') >= 3 and "Your contribution to a joint action" in page
    )
    response = client.post(
        _period_url(),
        {
            f"a{own.pk}-narrative": "Met monthly",
            f"a{own.pk}-status": on_track.pk,
            f"a{own.pk}-version": 0,
            f"a{second.pk}-narrative": "",
            f"a{second.pk}-status": on_track.pk,
            f"a{second.pk}-version": 0,
            f"a{joint.pk}-narrative": "Council CCTV checked",
            f"a{joint.pk}-version": 0,
        },
    )
    assert response.status_code == 302 and response.url == _my_url().replace("/my-actions/", "/my-actions/")
    assert Update.objects.get(action=own).narrative == "Met monthly"
    assert Update.objects.get(action=second).status == on_track
    assert Contribution.objects.get(action=joint).narrative == "Council CCTV checked"
    assert not Update.objects.filter(action=joint).exists()
    assert set(Update.objects.values_list("author__username", flat=True)) == {"lead"}
    assert "Quarter 1: 3 of 3 written" in client.get(_my_url()).content.decode()


@pytest.mark.django_db
def test_untouched_rows_are_left_alone_and_errors_name_the_action(client, world, mine):
    own, second, joint = mine
    UpdateFactory(action=second, narrative="Kept as it was")
    client.force_login(world.lead_officer)
    page = client.post(_period_url(), {f"a{own.pk}-narrative": "", f"a{own.pk}-version": 0}).content.decode()
    assert "Write at least one update or contribution" in page
    page = client.post(
        _period_url(),
        {
            f"a{own.pk}-narrative": "x" * 50_001,
            f"a{own.pk}-version": 0,
            f"a{second.pk}-version": 1,
            f"a{second.pk}-narrative": "Kept as it was",
        },
    ).content.decode()
    assert "Hold a monthly meeting: Shorten this text" in page
    assert Update.objects.get(action=second).version == 1 and not Update.objects.filter(action=own).exists()


@pytest.mark.django_db
def test_a_conflict_on_one_row_saves_nothing_and_shows_both_texts(client, world, mine):
    own, second, _ = mine
    client.force_login(world.lead_officer)
    client.get(_period_url())
    services.action_update_record(
        action=second, actor=world.coordinator, narrative="Coordinator's text", status=None
    )
    page = client.post(
        _period_url(),
        {
            f"a{own.pk}-narrative": "Mine",
            f"a{own.pk}-version": 0,
            f"a{second.pk}-narrative": "Also mine",
            f"a{second.pk}-version": 0,
        },
    ).content.decode()
    assert "Run a survey: Someone else saved this while you were writing" in page
    assert "Run a survey: Run a survey" not in page
    assert "Coordinator&#x27;s text" in page or "Coordinator's text" in page
    assert not Update.objects.filter(action=own).exists()
    assert Update.objects.get(action=second).narrative == "Coordinator's text"
    assert f'name="a{second.pk}-version" value="1"' in page  # saving again replaces theirs
    response = client.post(
        _period_url(),
        {
            f"a{own.pk}-narrative": "Mine",
            f"a{own.pk}-version": 0,
            f"a{second.pk}-narrative": "Also mine",
            f"a{second.pk}-version": 1,
        },
    )
    assert response.status_code == 302
    assert Update.objects.get(action=second).narrative == "Also mine"


@pytest.mark.django_db
def test_each_open_period_has_its_own_page(client, world, mine):
    open_only(world.plan_year, "Q4", "year-end")
    client.force_login(world.lead_officer)
    page = client.get(_my_url()).content.decode()
    assert "Write your Quarter 4 updates" in page and "Write your Year-end review updates" in page
    assert client.get(_period_url("Q1")).status_code == 404
    assert client.get(_period_url("year-end")).status_code == 200
    client.force_login(world.coordinator)
    assert client.get(_period_url("Q4")).status_code == 404
