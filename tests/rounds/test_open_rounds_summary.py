"""The year pages' "Open for updates" summary shows each open period's round due date (the one set on
opening, not only the period's) and whether it is overdue, in words."""

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from planning import rounds
from planning.models import ReportingPeriod, UpdateRound

D = datetime.date


def test_due_in_words() -> None:
    today = D(2020, 7, 10)
    assert rounds.due_in_words(D(2020, 7, 15), today) == "due in 5 days"
    assert rounds.due_in_words(D(2020, 7, 11), today) == "due in 1 day"
    assert rounds.due_in_words(today, today) == "due today"
    assert rounds.due_in_words(D(2020, 7, 9), today) == "overdue by 1 day"
    assert rounds.due_in_words(D(2020, 7, 1), today) == "overdue by 9 days"


@pytest.mark.django_db
def test_year_pages_show_the_rounds_due_date_and_overdue_status(
    world: Any, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(world.coordinator)
    settings_url = reverse("planning:year_settings", args=[world.partnership.slug, world.plan_year.slug])
    due = timezone.localdate() + datetime.timedelta(days=20)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(settings_url, {"form": "period", "periods": ["Q1"], "round_due_date": due.isoformat()})
    period = ReportingPeriod.objects.get(plan_year=world.plan_year, code="Q1")
    assert UpdateRound.objects.get(period=period).due_date == due != period.due_date
    dashboard = reverse("planning:dashboard_year", args=[world.partnership.slug, world.plan_year.slug])
    text = client.get(dashboard).content.decode()
    assert (
        f"Quarter 1 (1 Apr 2020 to 30 Jun 2020) — updates due <strong>{due.day} {due:%B %Y}</strong>: due in 20 days"
        in text
    )
    UpdateRound.objects.filter(period=period).update(
        due_date=timezone.localdate() - datetime.timedelta(days=3)
    )
    for page in (dashboard, settings_url):
        text = client.get(page).content.decode()
        assert "Overdue by 3 days" in text
