"""The partnership's calendar of duties and the plan sent to the policing body."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core.errors import AccessDenied, ServiceError
from governance import services
from governance.calendar import ASB_CASE_REVIEW_FIGURES, PLAN_TO_POLICING_BODY, STANDARD_DUTIES
from governance.models import Duty, DutyState, PlanSent, duty_state
from publishing import services as publishing_services
from tests.governance.helpers import meeting, series

DAY = datetime.date(2020, 7, 10)


@pytest.mark.parametrize(
    ("due", "done", "due_now", "state"),
    [
        (None, None, False, DutyState.NO_DATE),
        (None, None, True, DutyState.DUE),
        (DAY + datetime.timedelta(days=31), None, False, DutyState.UPCOMING),
        (DAY + datetime.timedelta(days=30), None, False, DutyState.DUE),
        (DAY, None, False, DutyState.DUE),
        (DAY - datetime.timedelta(days=1), None, False, DutyState.OVERDUE),
        (DAY - datetime.timedelta(days=1), DAY, False, DutyState.DONE),
        (None, DAY, True, DutyState.DONE),
    ],
)
def test_duty_state(due, done, due_now, state):
    assert duty_state(due, done, DAY, due_now=due_now) == state


def test_only_the_two_named_duties_are_statutory_with_citations():
    statutory = {d.key: d.citation for d in STANDARD_DUTIES if d.statutory}
    assert set(statutory) == {PLAN_TO_POLICING_BODY, ASB_CASE_REVIEW_FIGURES}
    assert "SI 2007/1830" in statutory[PLAN_TO_POLICING_BODY] and "13A" in statutory[PLAN_TO_POLICING_BODY]
    assert "City of London" in statutory[PLAN_TO_POLICING_BODY]
    assert "2014, section 104" in statutory[ASB_CASE_REVIEW_FIGURES]
    assert all(
        d.rule == "Local practice — check the law" and not d.citation
        for d in STANDARD_DUTIES
        if not d.statutory
    )


@pytest.mark.django_db
def test_set_up_adds_the_standard_items_once(world):
    made = services.calendar_set_up(actor=world.coordinator, plan_year=world.plan_year)
    assert len(made) == len(STANDARD_DUTIES)
    assert services.calendar_set_up(actor=world.coordinator, plan_year=world.plan_year) == []
    asb = Duty.objects.get(plan_year=world.plan_year, key=ASB_CASE_REVIEW_FIGURES)
    assert asb.due_date == datetime.date(2021, 3, 31)
    assert (
        Duty.objects.filter(plan_year=world.plan_year, statutory=False, due_date__isnull=False).count() == 0
    )
    with pytest.raises(AccessDenied):
        services.calendar_set_up(actor=world.lead_officer, plan_year=world.plan_year)


@pytest.mark.django_db
def test_statutory_items_keep_title_and_rule_local_ones_are_editable(world):
    services.calendar_set_up(actor=world.coordinator, plan_year=world.plan_year)
    asb = Duty.objects.get(plan_year=world.plan_year, key=ASB_CASE_REVIEW_FIGURES)
    with pytest.raises(ServiceError, match="keeps its title"):
        services.duty_edit(
            actor=world.coordinator, duty=asb, fields=services.DutyFields(title="Something else")
        )
    services.duty_edit(
        actor=world.coordinator,
        duty=asb,
        fields=services.DutyFields(
            title=asb.title,
            rule=asb.rule,
            due_date=datetime.date(2021, 1, 31),
            owner_organisation=world.organisation,
        ),
    )
    local = Duty.objects.get(plan_year=world.plan_year, key="scrutiny")
    services.duty_edit(
        actor=world.coordinator,
        duty=local,
        fields=services.DutyFields(
            title="Scrutiny committee", rule="Each November", due_date=datetime.date(2020, 11, 30)
        ),
    )
    local.refresh_from_db()
    assert (local.title, local.statutory) == ("Scrutiny committee", False)
    with pytest.raises(ServiceError, match="within a year"):
        services.duty_edit(
            actor=world.coordinator,
            duty=local,
            fields=services.DutyFields(title="X", due_date=datetime.date(2030, 1, 1)),
        )


@pytest.mark.django_db
def test_an_item_is_done_only_with_evidence(world):
    duty = services.duty_create(
        actor=world.coordinator,
        plan_year=world.plan_year,
        fields=services.DutyFields(title="Priorities workshop"),
    )
    assert duty.statutory is False and duty.rule == "Local practice — check the law"
    with pytest.raises(ServiceError, match="Link the evidence"):
        services.duty_complete(actor=world.coordinator, duty=duty, done_on=DAY)
    with pytest.raises(ServiceError, match="https://"):
        services.duty_complete(actor=world.coordinator, duty=duty, done_on=DAY, link="javascript:alert(1)")
    held = meeting(world, series(world))
    services.duty_complete(actor=world.coordinator, duty=duty, done_on=DAY, meeting=held)
    duty.refresh_from_db()
    assert duty.done_on == DAY and duty.evidence_meeting == held
    services.duty_reopen(actor=world.coordinator, duty=duty)
    duty.refresh_from_db()
    assert duty.done_on is None and duty.evidence_meeting is None


@pytest.mark.django_db
def test_recipient_defaults_to_the_setting_and_is_per_partnership(world, settings):
    settings.PLAN_RECIPIENT = "Mayor's Office for Policing and Crime"
    assert services.plan_recipient(world.partnership) == "Mayor's Office for Policing and Crime"
    services.plan_recipient_set(actor=world.coordinator, partnership=world.partnership, recipient="Kent PCC")
    assert services.plan_recipient(world.partnership) == "Kent PCC"
    assert services.plan_recipient(world.other_partnership) == "Mayor's Office for Policing and Crime"


@pytest.mark.django_db
def test_the_plan_is_due_to_be_sent_until_recorded_then_the_item_is_done(client, world):
    services.calendar_set_up(actor=world.coordinator, plan_year=world.plan_year)
    client.force_login(world.coordinator)
    dashboard = reverse("planning:dashboard_year", args=[world.partnership.slug, world.plan_year.slug])
    calendar = reverse("governance:calendar", args=[world.partnership.slug, world.plan_year.slug])
    plan_page = reverse("publishing:year", args=[world.partnership.slug, world.plan_year.slug])
    assert (
        "Send the partnership plan to the local policing body" not in client.get(dashboard).content.decode()
    )
    publication = publishing_services.plan_publish(
        plan_year=world.plan_year, actor=world.coordinator, confirmed=True
    )
    page = client.get(dashboard).content.decode()
    assert "Send the partnership plan to the local policing body." in page and ">Due</strong>" in page
    assert "has not been recorded as sent" in client.get(plan_page).content.decode()
    sent_url = reverse("governance:plan_sent", args=[world.partnership.slug, world.plan_year.slug])
    today = timezone.localdate()
    bad = client.post(
        sent_url,
        {
            "publication": publication.pk,
            "sent_on_day": "1",
            "sent_on_month": "1",
            "sent_on_year": "2019",
            "recipient": "Kent PCC",
        },
    ).content.decode()
    assert "cannot have been sent before that" in bad and not PlanSent.objects.exists()
    client.post(
        sent_url,
        {
            "publication": publication.pk,
            "sent_on_day": str(today.day),
            "sent_on_month": str(today.month),
            "sent_on_year": str(today.year),
            "recipient": "Kent PCC",
        },
    )
    sent = PlanSent.objects.get()
    assert (sent.recipient, sent.recorded_by, sent.publication) == (
        "Kent PCC",
        world.coordinator,
        publication,
    )
    duty = Duty.objects.get(plan_year=world.plan_year, key=PLAN_TO_POLICING_BODY)
    assert duty.done_on == today and duty.evidence_publication == publication
    assert (
        "Send the partnership plan to the local policing body" not in client.get(dashboard).content.decode()
    )
    assert f"Version 1 sent to Kent PCC on {today:%-d %B %Y}" in client.get(plan_page).content.decode()
    assert "Done" in client.get(calendar).content.decode()


@pytest.mark.django_db
def test_only_coordinators_record_the_plan_sent(world):
    publication = publishing_services.plan_publish(
        plan_year=world.plan_year, actor=world.coordinator, confirmed=True
    )
    with pytest.raises(AccessDenied):
        services.plan_sent_record(
            actor=world.lead_officer, publication=publication, sent_on=timezone.localdate(), recipient="PCC"
        )
