"""On the demo, the coordinator opens Quarter 2 of tonbridge-malling 2020/21 and each of the
year's lead officers (lead.police, lead.council) gets exactly one round notice; the demo's own
Quarter 1 round is due on 15 July 2020."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from core.actors import system_user
from demo.partnership import demo_load
from demo.rounds import rounds_load
from planning.models import UpdateRound

pytestmark = pytest.mark.django_db


def test_opening_q2_sends_one_notice_to_each_lead_officer(client, django_capture_on_commit_callbacks):
    partnership = demo_load(actor=system_user()).partnership
    with django_capture_on_commit_callbacks(execute=True):
        rounds_load(partnership=partnership, actor=system_user(), stdout=StringIO())
    assert sorted(m.to[0] for m in mail.outbox) == ["lead.council@example.org", "lead.police@example.org"]
    q1 = UpdateRound.objects.get(period__plan_year__partnership=partnership, period__code="Q1")
    assert (q1.due_date, q1.opened_on) == (datetime.date(2020, 7, 15), datetime.date(2020, 7, 1))
    mail.outbox.clear()

    client.force_login(get_user_model().objects.get(username="coordinator"))
    url = reverse("planning:year_settings", kwargs={"partnership": partnership.slug, "year": "2020-21"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"form": "period", "periods": ["Q1", "Q2"]})
    assert sorted(m.to[0] for m in mail.outbox) == ["lead.council@example.org", "lead.police@example.org"]
    assert all("Quarter 2 2020/21" in m.subject for m in mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"form": "period", "periods": ["Q1", "Q2"]})
        rounds_load(partnership=partnership, actor=system_user(), stdout=StringIO())
    assert len(mail.outbox) == 2
