"""The demo's lead officer for Kent Police writes three Quarter 1 updates in one POST."""

import re

import pytest
from django.urls import reverse

from core.actors import system_user
from demo import loader
from demo.partnership import demo_load
from planning.models import Update

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(loader, "STEPS", ())  # the plan alone: no documents or crime data
    return demo_load(actor=system_user()).partnership


def test_lead_police_saves_three_updates_in_one_post(client, demo):
    from django.contrib.auth import get_user_model

    lead = get_user_model().objects.get(username="lead.police")
    client.force_login(lead)
    home = client.get("/")
    assert home.url == reverse("planning:my_actions", kwargs={"partnership": demo.slug})
    url = reverse(
        "planning:my_period_updates", kwargs={"partnership": demo.slug, "year": "2020-21", "code": "Q1"}
    )
    page = client.get(url).content.decode()
    rows = re.findall(r'name="a(\d+)-status"', page)  # rows where Kent Police writes the update
    ids = list(dict.fromkeys(rows))[:3]
    assert len(ids) == 3
    data = {}
    for number, pk in enumerate(ids, start=1):
        data[f"a{pk}-narrative"] = f"Quarter 1 progress {number}"
        data[f"a{pk}-version"] = "0"
    response = client.post(url, data)
    assert response.status_code == 302
    saved = Update.objects.filter(action_id__in=ids, period__code="Q1", author=lead)
    assert sorted(saved.values_list("narrative", flat=True)) == [f"Quarter 1 progress {n}" for n in (1, 2, 3)]
