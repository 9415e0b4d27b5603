"""Statuses are the partnership's own words; rules use their fixed meaning."""

import pytest
from django.urls import reverse

from planning import services
from planning.models import AT_RISK_OR_OFF_TRACK, NOT_COMPLETED, Status, StatusMeaning

pytestmark = pytest.mark.django_db


def test_the_default_vocabulary_has_one_meaning_each(world):
    meanings = dict(Status.objects.filter(partnership=world.partnership).values_list("name", "meaning"))
    assert meanings == {
        "Not started": "not_started",
        "On track": "on_track",
        "At risk": "at_risk",
        "Off track": "off_track",
        "Completed": "completed",
        "Ongoing": "ongoing",
        "Not progressed": "not_progressed",
    }


def test_a_renamed_status_keeps_its_meaning(world):
    done = Status.objects.get(partnership=world.partnership, name="Completed")
    services.status_save(
        partnership=world.partnership, actor=world.coordinator, status=done, name="Delivered", colour="blue"
    )
    done.refresh_from_db()
    assert (done.name, done.meaning) == ("Delivered", StatusMeaning.COMPLETED)


def test_the_coordinator_sets_a_new_status_meaning_on_its_page(client, world):
    client.force_login(world.coordinator)
    url = reverse("planning:status_create", args=[world.partnership.slug])
    response = client.post(
        url, {"name": "Paused", "colour": "amber", "meaning": "at_risk", "is_active": "on"}
    )
    assert response.status_code == 302
    assert Status.objects.get(partnership=world.partnership, name="Paused").meaning == "at_risk"
    page = client.get(reverse("planning:statuses", args=[world.partnership.slug])).content.decode()
    assert "Means" in page and "At risk" in page


def test_rule_sets_are_written_in_meanings():
    assert StatusMeaning.COMPLETED not in NOT_COMPLETED and StatusMeaning.ONGOING in NOT_COMPLETED
    assert {StatusMeaning.AT_RISK, StatusMeaning.OFF_TRACK} == AT_RISK_OR_OFF_TRACK
