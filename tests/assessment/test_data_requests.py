"""Partner data requests: made by coordinators, received when a value exists, e-mailed once per
person, kind and request (notice, reminder, chaser), shown to lead officers in My actions."""

import datetime
from decimal import Decimal
from io import StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from assessment.models import DataRequest
from assessment.partner_file import parse_period
from assessment.request_messages import due_request_messages
from assessment.selectors import data_requests as selectors
from assessment.services import data_requests as services
from core.errors import AccessDenied, ServiceError
from partnership.models import Message, MessageKind

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = D(2021, 5, 3)


@pytest.fixture
def asked(world, assessment):
    """Test Borough Council (the lead officer's) asked on 3 May 2021 for two figures due 31 May."""
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        (request,) = services.data_requests_create(
            assessment=assessment,
            actor=world.coordinator,
            organisations=[world.organisation],
            figures=[("Referrals", parse_period("2020/21")), ("Repeat victims", parse_period("2021-Q1"))],
            due_date=D(2021, 5, 31),
        )
    return request


def _value(world, name, quarter=None, year=None, value=5):
    from assessment.services.partner_data import partner_values_import, partner_values_validate

    data = f"Indicator,Period,Value,Organisation\n{name},{year or quarter},{value},Test Borough Council\n".encode()
    checked = partner_values_validate(partnership=world.partnership, actor=world.lead_officer, data=data)
    partner_values_import(
        partnership=world.partnership, actor=world.lead_officer, data=data, expected=checked.basis()
    )


def test_a_request_is_missing_until_a_value_exists_for_its_indicator_period_and_organisation(
    world, assessment, asked
):
    (status,) = selectors.assessment_requests(world.coordinator, assessment)
    assert (status.words, status.complete) == ("0 of 2 received", False)
    _value(world, "REFERRALS", year="2020/21", value=12)
    _value(world, "Repeat victims", quarter="2020-Q1")  # another period: still missing
    (status,) = selectors.assessment_requests(world.coordinator, assessment)
    assert [(f.figure.indicator, f.value) for f in status.figures] == [
        ("Referrals", Decimal("12.00")),
        ("Repeat victims", None),
    ]
    assert status.overdue(D(2021, 6, 1)) and not status.overdue(D(2021, 5, 31))
    _value(world, "Repeat victims", quarter="2021-Q1")
    assert selectors.assessment_requests(world.coordinator, assessment)[0].complete


def test_only_coordinators_make_requests_for_their_own_organisations(world, assessment):
    figures = [("Referrals", parse_period("2020/21"))]
    due = D.today() + datetime.timedelta(days=10)
    with pytest.raises(AccessDenied):
        services.data_requests_create(
            assessment=assessment,
            actor=world.lead_officer,
            organisations=[world.organisation],
            figures=figures,
            due_date=due,
        )
    other = world.outsider.memberships.get().organisation
    with pytest.raises(ServiceError, match="own organisations"):
        services.data_requests_create(
            assessment=assessment,
            actor=world.coordinator,
            organisations=[other],
            figures=figures,
            due_date=due,
        )
    with pytest.raises(ServiceError, match="due date has passed"):
        services.data_requests_create(
            assessment=assessment,
            actor=world.coordinator,
            organisations=[world.organisation],
            figures=figures,
            due_date=D.today() - datetime.timedelta(days=1),
        )


def test_lead_officers_see_their_own_requests_only(world, assessment, asked):
    assert selectors.own_requests(world.lead_officer, world.partnership)[0].request == asked
    assert selectors.own_requests(world.other_lead_officer, world.partnership) == []
    assert selectors.assessment_requests(world.other_lead_officer, assessment) == []
    assert selectors.assessment_requests(world.member, assessment) == []
    assert selectors.assessment_requests(world.outsider, assessment) == []


def _run(day):
    out = StringIO()
    call_command("send_reminders", "--now", day.isoformat(), stdout=out)
    return out.getvalue()


def _kinds():
    return sorted(Message.objects.filter(round_key__startswith="pdata:").values_list("kind", flat=True))


def test_notice_reminder_and_one_chaser_each_sent_once(world, assessment, asked):
    # the notice went when the request was made (on commit: here, the test's own run)
    assert not mail.outbox or "figures asked for" in mail.outbox[0].subject
    for _ in range(2):
        _run(TODAY)
    assert _kinds() == [MessageKind.DATA_REQUEST]
    notice = [m for m in mail.outbox if "Referrals" in m.body][0]
    assert notice.to == [world.lead_officer.email]
    assert "- Referrals, 2020/21\n- Repeat victims, Q4 2020/21" in notice.body
    assert "/partnerships/test-csp/assessment/indicators/upload/" in notice.body
    for _ in range(2):
        _run(D(2021, 5, 28))  # within the reminder days (7 by default)
    assert _kinds() == [MessageKind.DATA_REMINDER, MessageKind.DATA_REQUEST]
    _value(world, "Referrals", year="2020/21")
    for _ in range(2):
        _run(D(2021, 6, 2))
        _run(D(2021, 6, 9))
    assert _kinds() == [MessageKind.DATA_CHASER, MessageKind.DATA_REMINDER, MessageKind.DATA_REQUEST]
    chaser = Message.objects.get(kind=MessageKind.DATA_CHASER)
    assert "Repeat victims" in chaser.body and "Referrals" not in chaser.body  # only what is missing
    assert Message.objects.filter(recipient=world.other_lead_officer).count() == 0


def test_a_complete_request_is_not_chased(world, assessment, asked):
    _value(world, "Referrals", year="2020/21")
    _value(world, "Repeat victims", quarter="2021-Q1")
    assert [o.kind for o in due_request_messages(D(2021, 6, 2))] == []
    assert [o.kind for o in due_request_messages(D(2021, 5, 28))] == [MessageKind.DATA_REQUEST]


def test_my_actions_lists_the_lead_officers_request(client, world, assessment, asked):
    client.force_login(world.lead_officer)
    page = client.get(reverse("planning:my_actions", args=["test-csp"])).content.decode()
    assert "Partner data requests" in page
    assert "Send figures for the Strategic Assessment 2021/22: 0 of 2 received" in page
    client.force_login(world.other_lead_officer)
    assert (
        "Send figures for the Strategic"
        not in client.get(reverse("planning:my_actions", args=["test-csp"])).content.decode()
    )


def test_the_coordinator_asks_sees_status_and_withdraws(client, world, assessment):
    client.force_login(world.coordinator)
    url = reverse("assessment:data_request_add", args=["test-csp", assessment.slug])
    due = D.today() + datetime.timedelta(days=14)
    bad = client.post(url, {"organisations": [world.organisation.pk], "figures": "Referrals 2020/21"})
    assert "Line 1: write the indicator, a comma and the period" in bad.content.decode()
    assert "Enter the due date" in bad.content.decode()
    data = {
        "organisations": [world.organisation.pk, world.other_organisation.pk],
        "figures": "Referrals, 2020/21\nArrests, 2021-03",
        "due_date_day": str(due.day),
        "due_date_month": str(due.month),
        "due_date_year": str(due.year),
    }
    done = client.post(url, data)
    assert done.status_code == 302
    assert DataRequest.objects.filter(assessment=assessment).count() == 2
    page = client.get(
        reverse("assessment:data_requests", args=["test-csp", assessment.slug])
    ).content.decode()
    assert page.count("0 of 2 received") == 2 and "Mar 2021 (2021-03)" in page
    request = DataRequest.objects.get(organisation=world.organisation)
    withdraw = reverse("assessment:data_request_withdraw", args=["test-csp", assessment.slug, request.pk])
    assert client.post(withdraw).status_code == 302
    assert not DataRequest.objects.filter(pk=request.pk).exists()
