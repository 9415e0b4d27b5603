"""Update rounds: opening a period opens its round and e-mails one round notice to each active
lead officer of the year's owner organisations; reminders, chasers and digests as of a day; the
completion tracker."""

import datetime
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core.actors import system_user
from partnership.models import Membership, MessageKind, Role
from partnership.services.messages import messages_deliver
from planning import services
from planning.models import Contribution, ReportingPeriod, Update, UpdateRound
from planning.round_messages import due_round_messages, round_messages
from tests.factories import ActionFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def _period(world: Any, code: str) -> ReportingPeriod:
    return ReportingPeriod.objects.get(plan_year=world.plan_year, code=code)


@pytest.fixture
def joint(world: Any) -> Any:
    """A second action led by the other organisation and supported by the first."""
    return ActionFactory(priority=world.priority, owners=[world.other_organisation, world.organisation])


def _open(world: Any, client: Any, capture: Any, *codes: str, due: str = "") -> Any:
    client.force_login(world.coordinator)
    url = reverse("planning:year_settings", args=[world.partnership.slug, world.plan_year.slug])
    data: dict[str, Any] = {"form": "period", "periods": list(codes)}
    if due:
        data["round_due_date"] = due
    with capture(execute=True):
        return client.post(url, data)


def test_opening_a_period_sends_one_notice_to_each_lead_officer(
    world: Any, joint: Any, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    inactive = UserFactory(username="gone")
    MembershipFactory(
        user=inactive, partnership=world.partnership, organisation=world.organisation,
        role=Role.LEAD_OFFICER, is_active=False,
    )  # fmt: skip
    response = _open(world, client, django_capture_on_commit_callbacks, "Q1", "Q2")
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [world.lead_officer.email, world.other_lead_officer.email]
    )
    notice = mail.outbox[0]
    assert "Quarter 2 2020/21" in notice.subject
    assert f"/partnerships/{world.partnership.slug}/years/2020-21/my-actions/" in notice.body
    update_round = UpdateRound.objects.get(period=_period(world, "Q2"))
    assert update_round.opened_on == timezone.localdate()
    # closing and opening again sends nothing more
    _open(world, client, django_capture_on_commit_callbacks, "Q1")
    _open(world, client, django_capture_on_commit_callbacks, "Q1", "Q2")
    assert len(mail.outbox) == 2 and UpdateRound.objects.count() == 1


def test_a_lead_officer_whose_organisation_owns_nothing_gets_no_notice(
    world: Any, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _open(world, client, django_capture_on_commit_callbacks, "Q1", "Q2")
    assert [m.to for m in mail.outbox] == [[world.lead_officer.email]]


def test_due_date_of_a_round_opened_late(
    world: Any, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # Q2 2020/21 was due on 15 October 2020: 14 days from today unless the coordinator sets one
    _open(world, client, django_capture_on_commit_callbacks, "Q1", "Q2")
    assert UpdateRound.objects.get().due_date == timezone.localdate() + datetime.timedelta(days=14)
    later = timezone.localdate() + datetime.timedelta(days=30)
    _open(world, client, django_capture_on_commit_callbacks, "Q1", "Q2", "Q3", due=f"{later:%d/%m/%Y}")
    assert UpdateRound.objects.get(period=_period(world, "Q3")).due_date == later


def test_a_past_due_date_is_refused_and_nothing_opens(
    world: Any, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    response = _open(world, client, django_capture_on_commit_callbacks, "Q1", "Q2", due="1/1/2021")
    assert "has passed: choose today or a later date" in response.content.decode()
    assert not _period(world, "Q2").is_open and not UpdateRound.objects.exists() and mail.outbox == []


def _round(world: Any, code: str = "Q1", due: datetime.date | None = None) -> UpdateRound:
    due = due or D(2020, 7, 15)
    return UpdateRound.objects.create(period=_period(world, code), due_date=due, opened_on=D(2020, 7, 1))


def _kinds(world: Any, today: datetime.date) -> list[tuple[str, str]]:
    return sorted((o.kind, o.recipient.username) for o in due_round_messages(today))


def test_reminders_go_to_organisations_still_owing_and_chasers_after_the_due_date(
    world: Any, joint: Any
) -> None:
    _round(world)
    notices = [("round_opened", "lead"), ("round_opened", "otherlead")]
    assert _kinds(world, D(2020, 7, 9)) == notices
    reminders = [("reminder", "lead"), ("reminder", "otherlead")]
    assert _kinds(world, D(2020, 7, 10)) == sorted(notices + reminders)
    # the other organisation leads `joint` and has reported on it; it owes nothing else
    Update.objects.create(
        action=joint, period=_period(world, "Q1"), narrative="Done", author=world.other_lead_officer
    )
    assert _kinds(world, D(2020, 7, 10)) == sorted([*notices, ("reminder", "lead")])
    assert _kinds(world, D(2020, 7, 16)) == [("chaser", "lead")]
    # the first organisation still owes the update of its action and its contribution to `joint`
    Update.objects.create(action=world.action, period=_period(world, "Q1"), narrative="Done")
    assert _kinds(world, D(2020, 7, 16)) == [("chaser", "lead")]
    Contribution.objects.create(
        action=joint, period=_period(world, "Q1"), organisation=world.organisation, narrative="Ours"
    )
    assert _kinds(world, D(2020, 7, 16)) == []


def test_nothing_for_closed_periods_or_days_before_the_round_opened(world: Any) -> None:
    _round(world)
    assert _kinds(world, D(2020, 6, 30)) == []
    ReportingPeriod.objects.filter(plan_year=world.plan_year).update(is_open=False)
    assert _kinds(world, D(2020, 7, 10)) == []


def test_reminder_days_are_the_partnerships(world: Any) -> None:
    from partnership.services.messages import messaging_settings_save

    _round(world)
    messaging_settings_save(
        actor=world.coordinator, partnership=world.partnership, reminder_days=2, weekly_digest=False
    )
    assert ("reminder", "lead") not in _kinds(world, D(2020, 7, 10))
    assert ("reminder", "lead") in _kinds(world, D(2020, 7, 13))


def test_monday_digest_to_coordinators_with_received_and_missing(world: Any, joint: Any) -> None:
    update_round = _round(world)
    Update.objects.create(action=joint, period=_period(world, "Q1"), narrative="Done")
    digests = [o for o in round_messages(update_round, D(2020, 7, 13)) if o.kind == MessageKind.DIGEST]
    assert [o.recipient for o in digests] == [world.coordinator]
    assert digests[0].round_key == f"round:{update_round.pk}:week:2020-07-13"
    summary = digests[0].values["summary"]
    assert "Test Borough Council: 0 received, 2 missing" in summary
    assert "Test Police: 1 received, 0 missing" in summary
    assert not [o for o in round_messages(update_round, D(2020, 7, 14)) if o.kind == MessageKind.DIGEST]


def test_a_run_sends_each_message_once(world: Any, joint: Any) -> None:
    _round(world)
    first = messages_deliver(actor=system_user(), outgoing=due_round_messages(D(2020, 7, 13)))
    again = messages_deliver(actor=system_user(), outgoing=due_round_messages(D(2020, 7, 13)))
    assert (first.sent, again.sent) == (5, 0)  # 2 notices, 2 reminders, 1 digest
    assert len(mail.outbox) == 5


def test_tracker_per_organisation_and_person(world: Any, joint: Any, client: Any) -> None:
    update_round = _round(world)
    q1 = _period(world, "Q1")
    update = Update.objects.create(action=joint, period=q1, narrative="Done", author=world.other_lead_officer)
    Update.objects.filter(pk=update.pk).update(
        created=datetime.datetime(2020, 7, 20, 12, tzinfo=datetime.UTC)
    )
    client.force_login(world.coordinator)
    url = reverse("planning:round_tracker", args=[world.partnership.slug, world.plan_year.slug, "Q1"])
    page = client.get(url).content.decode()
    assert "1 of 3 received, 3 late" in page  # one arrived after 15 July, two are still missing
    assert page.count("<h1") == 1
    from planning.selectors.rounds import round_tracker

    tracker = round_tracker(update_round, D(2020, 7, 14))
    rows = {r.name: (r.due, r.received, r.missing, r.late) for r in tracker.organisations}
    assert rows == {"Test Borough Council": (2, 0, 2, 0), "Test Police": (1, 1, 0, 1)}
    people = {r.name: (r.organisation, r.due, r.received, r.late) for r in tracker.people}
    assert people[world.other_lead_officer.get_full_name()] == ("Test Police", 1, 1, 1)
    assert people[world.lead_officer.get_full_name()] == ("Test Borough Council", 2, 0, 0)


def test_tracker_of_a_period_without_a_round_is_not_found(world: Any, client: Any) -> None:
    client.force_login(world.coordinator)
    url = reverse("planning:round_tracker", args=[world.partnership.slug, world.plan_year.slug, "Q3"])
    assert client.get(url).status_code == 404


def test_service_opens_with_a_chosen_date(world: Any) -> None:
    q3 = _period(world, "Q3")
    opened = services.plan_year_set_open_periods(
        plan_year=world.plan_year,
        periods=[q3],
        actor=world.coordinator,
        round_due_date=timezone.localdate() + datetime.timedelta(days=3),
    )
    assert opened == [q3]
    assert UpdateRound.objects.get(period=q3).opened_by == world.coordinator
    assert Membership.objects.filter(partnership=world.partnership).count() == 4


def test_a_due_date_given_for_a_period_already_open_moves_its_round(
    world: Any, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _open(world, client, django_capture_on_commit_callbacks, "Q1", "Q2")
    later = timezone.localdate() + datetime.timedelta(days=40)
    _open(world, client, django_capture_on_commit_callbacks, "Q1", "Q2", due=f"{later:%d/%m/%Y}")
    rounds = {r.period.code: r.due_date for r in UpdateRound.objects.select_related("period")}
    # Q1 was open before rounds existed: the date opens its round too
    assert rounds == {"Q1": later, "Q2": later}
    assert len(mail.outbox) == 1 + 1  # Q2's notice on opening, then Q1's; never Q2's again


def test_my_actions_shows_the_rounds_due_date(world: Any, client: Any) -> None:
    client.force_login(world.lead_officer)
    url = reverse("planning:my_actions", args=[world.partnership.slug, world.plan_year.slug])
    assert "Due by <strong>15 July 2020</strong>" in client.get(url).content.decode()
    _round(world, due=D(2026, 12, 24))
    assert "Due by <strong>24 December 2026</strong>" in client.get(url).content.decode()
    page = reverse("planning:my_period_updates", args=[world.partnership.slug, world.plan_year.slug, "Q1"])
    assert "Due by <strong>24 December 2026</strong>" in client.get(page).content.decode()


def test_dashboard_shows_the_rounds_due_date(world: Any, client: Any) -> None:
    _round(world, due=D(2026, 12, 24))
    client.force_login(world.coordinator)
    page = client.get(reverse("planning:dashboard", args=[world.partnership.slug])).content.decode()
    assert "Due by 24 December 2026." in page
