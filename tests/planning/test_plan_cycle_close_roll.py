"""Closing a year asks to confirm unreviewed actions; roll forward maps priorities without duplicates."""

import re

import pytest
from django.urls import reverse

from core.errors import ServiceError
from planning import services
from planning.models import Action, PeriodCode, PlanYear, Priority, Status, StatusMeaning
from planning.services.years import UnreviewedActions
from tests.factories import ActionFactory, PlanYearFactory, PriorityFactory, UpdateFactory

P = {"partnership": "test-csp"}
Y = {**P, "year": "2020-21"}


def _year_end_update(action: Action) -> None:
    UpdateFactory(action=action, period=action.plan_year.periods.get(code=PeriodCode.YEAR_END))


@pytest.mark.django_db
def test_closing_a_year_with_unreviewed_actions_is_refused_with_the_list(world):
    reviewed = ActionFactory(priority=world.priority, text="Reviewed already")
    _year_end_update(reviewed)
    with pytest.raises(
        UnreviewedActions, match="1 action of 2020/21 has no year-end update: “Hold a monthly meeting”"
    ) as raised:
        services.plan_year_set_state(plan_year=world.plan_year, state="closed", actor=world.coordinator)
    assert raised.value.actions == [world.action]
    world.plan_year.refresh_from_db()
    assert world.plan_year.state == "live"
    services.plan_year_set_state(
        plan_year=world.plan_year, state="closed", actor=world.coordinator, confirmed=True
    )
    world.plan_year.refresh_from_db()
    assert world.plan_year.state == "closed"


@pytest.mark.django_db
def test_a_fully_reviewed_year_closes_without_confirmation(world):
    _year_end_update(world.action)
    services.plan_year_set_state(plan_year=world.plan_year, state="closed", actor=world.coordinator)
    world.plan_year.refresh_from_db()
    assert world.plan_year.state == "closed" and world.plan_year.periods.filter(is_open=True).count() == 0


@pytest.mark.django_db
def test_closing_on_the_settings_page_lists_unreviewed_actions_and_asks_to_confirm(client, world):
    client.force_login(world.coordinator)
    url = reverse("planning:year_settings", kwargs=Y)
    page = client.post(url, {"form": "state", "state": "closed"})
    text = page.content.decode()
    assert page.status_code == 200
    assert "Close 2020/21 without every year-end update?" in text and "Hold a monthly meeting" in text
    assert 'name="confirm" value="yes"' in text
    world.plan_year.refresh_from_db()
    assert world.plan_year.state == "live"
    response = client.post(url, {"form": "state", "state": "closed", "confirm": "yes"})
    assert response.status_code == 302
    world.plan_year.refresh_from_db()
    assert world.plan_year.state == "closed"


@pytest.fixture
def next_year(world):  # type: ignore[no-untyped-def]
    """2021-22 already holds a priority written differently from 2020-21's."""
    world.priority.title = "Domestic abuse including stalking"
    world.priority.save()
    year = PlanYearFactory(partnership=world.partnership, slug="2021-22", state="draft")
    return year, PriorityFactory(plan_year=year, title="Domestic Abuse – including stalking")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("title", "same"),
    [
        ("domestic abuse including stalking", True),
        ("Domestic Abuse — including  stalking.", True),
        ("Domestic-abuse, including stalking", True),
        ("Domestic abuse excluding stalking", False),
    ],
)
def test_priority_key_ignores_case_punctuation_spacing_and_dashes(title, same):
    assert (
        services.priority_key(title) == services.priority_key("Domestic Abuse – including stalking")
    ) is same


@pytest.mark.django_db
def test_roll_forward_into_a_year_with_a_matching_priority_adds_no_priority(world, next_year):
    year, match = next_year
    services.plan_year_roll_forward(
        source=world.plan_year,
        actor=world.coordinator,
        priority_ids=[world.priority.pk],
        action_ids=[world.action.pk],
    )
    assert list(Priority.objects.filter(plan_year=year)) == [match]
    assert Action.objects.get(plan_year=year, carried_from=world.action).priority == match


@pytest.mark.django_db
def test_roll_forward_page_preselects_the_match_and_posting_it_adds_no_priority(client, world, next_year):
    year, match = next_year
    client.force_login(world.coordinator)
    url = reverse("planning:roll_forward", kwargs=Y)
    page = client.get(url).content.decode()
    select = re.search(rf'<select[^>]*name="target_{world.priority.pk}"[^>]*>(.*?)</select>', page, re.S)
    assert select, "no target select for the priority"
    assert re.search(
        rf'<option value="{match.pk}" selected>Domestic Abuse – including stalking</option>', select[1]
    )
    assert '<option value="new">A new priority</option>' in select[1]
    response = client.post(
        url,
        {
            "priorities": [world.priority.pk],
            "actions": [world.action.pk],
            f"target_{world.priority.pk}": match.pk,
        },
    )
    assert response.status_code == 200 and "Rolled forward into 2021/22" in response.content.decode()
    assert Priority.objects.filter(plan_year=year).count() == 1
    assert Action.objects.get(plan_year=year, carried_from=world.action).priority == match


@pytest.mark.django_db
def test_choosing_a_new_priority_creates_one_and_foreign_targets_are_refused(client, world, next_year):
    year, match = next_year
    other = PriorityFactory(plan_year=world.plan_year, title="Not in the target year")
    with pytest.raises(ServiceError, match=f"Priority {other.pk} is not a priority of 2021/22"):
        services.plan_year_roll_forward(
            source=world.plan_year,
            actor=world.coordinator,
            priority_ids=[world.priority.pk],
            action_ids=[],
            priority_targets={world.priority.pk: other.pk},
        )
    client.force_login(world.coordinator)
    client.post(
        reverse("planning:roll_forward", kwargs=Y),
        {
            "priorities": [world.priority.pk],
            f"target_{world.priority.pk}": "new",
            f"target_{other.pk}": "new",
        },
    )
    titles = sorted(Priority.objects.filter(plan_year=year).values_list("title", flat=True))
    assert titles == ["Domestic Abuse – including stalking", "Domestic abuse including stalking"]


@pytest.mark.django_db
def test_select_all_not_completed_uses_meanings_and_shows_statuses_in_words(client, world, next_year):
    """Names are swapped so a rule reading names would tick the wrong actions."""
    statuses = {s.meaning: s for s in Status.objects.filter(partnership=world.partnership)}
    done, going = statuses[StatusMeaning.COMPLETED], statuses[StatusMeaning.ON_TRACK]
    done.name, going.name = "Finished", "Completed"
    done.save()
    going.save()
    finished = ActionFactory(priority=world.priority, text="Finished work")
    UpdateFactory(action=finished, status=done)
    UpdateFactory(action=world.action, status=going)  # on track, though named "Completed"
    silent = ActionFactory(priority=world.priority, text="No update yet")
    client.force_login(world.coordinator)
    page = client.post(
        reverse("planning:roll_forward", kwargs=Y), {"select": "not_completed", "actions": []}
    ).content.decode()
    assert not PlanYear.objects.get(slug="2021-22").actions.exists()  # nothing copied

    def ticked(action: Action) -> bool:
        tag = re.search(rf'<input[^>]*id="action-{action.pk}"[^>]*>', page)
        assert tag
        return " checked" in tag[0]

    assert ticked(world.action) and ticked(silent) and not ticked(finished)
    assert "Status: Finished (completed)" in page and "Status: Completed (on track)" in page
    assert "Status: no status recorded" in page
