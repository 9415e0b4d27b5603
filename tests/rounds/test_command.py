"""`send_reminders` in the test process: --now, --as, and the audited message log."""

import datetime
from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from core.models import AuditEvent
from partnership.models import Message
from planning.models import ReportingPeriod, UpdateRound

pytestmark = pytest.mark.django_db


@pytest.fixture
def q1_round(world: Any) -> UpdateRound:
    period = ReportingPeriod.objects.get(plan_year=world.plan_year, code="Q1")
    return UpdateRound.objects.create(
        period=period, due_date=datetime.date(2020, 7, 15), opened_on=datetime.date(2020, 7, 1)
    )


def _run(*args: str) -> str:
    out = StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


def test_as_of_a_day_then_nothing_more(world: Any, q1_round: UpdateRound) -> None:
    assert "2 sent" in _run("--now", "2020-07-10")  # the lead officer's notice and reminder
    assert "0 sent" in _run("--now", "2020-07-10")
    assert sorted(Message.objects.values_list("kind", flat=True)) == ["reminder", "round_opened"]
    assert len(mail.outbox) == 2


def test_a_bad_date_is_refused(world: Any) -> None:
    with pytest.raises(CommandError, match="is not a date: use YYYY-MM-DD"):
        _run("--now", "10/07/2020")


def test_as_someone_who_does_not_coordinate_sends_nothing_of_that_partnership(
    world: Any, q1_round: UpdateRound
) -> None:
    out = _run("--now", "2020-07-10", "--as", world.lead_officer.username)
    assert "0 sent" in out and "2 left for partnerships lead does not coordinate" in out
    assert mail.outbox == []


def test_reading_the_log_is_audited(world: Any, q1_round: UpdateRound, client: Any) -> None:
    _run("--now", "2020-07-10")
    client.force_login(world.coordinator)
    client.get(reverse("partnership:message_log", args=[world.partnership.slug]) + "?kind=reminder")
    event = AuditEvent.objects.filter(event_type="searched", object_type="partnership.message").get()
    assert "reminder" in event.detail and event.actor_username == world.coordinator.username
