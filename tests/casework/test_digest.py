"""The weekly case-work digest: Mondays, CSU coordinators only, a count of overdue tasks in the
cases they can see and a link, never a case's details; each (recipient, week) sent once."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from casework.digest import due_casework_digests
from casework.models import Task
from partnership.models import Grant, Message, MessageKind, MessageOptOut, MessagingSettings
from tests.casework.records import case_world, with_grant

pytestmark = pytest.mark.django_db
MONDAY = datetime.date(2019, 7, 1)


@pytest.fixture
def cw(world):
    found = case_world(world)
    for case, due in (
        (found.involved, datetime.date(2019, 6, 20)),
        (found.not_involved, datetime.date(2019, 6, 25)),
    ):
        Task.objects.create(
            case=case, title="Visit Alex Example", owner_organisation=world.organisation, due_on=due
        )
    Task.objects.create(  # not overdue: due later, or done
        case=found.involved,
        title="Later",
        owner_organisation=world.organisation,
        due_on=datetime.date(2019, 7, 9),
    )
    Task.objects.create(
        case=found.involved,
        title="Done",
        owner_organisation=world.organisation,
        due_on=datetime.date(2019, 6, 1),
        done_on=datetime.date(2019, 6, 2),
    )
    Task.objects.create(
        case=found.other,
        title="Other",
        owner_organisation=found.other.lead_organisation,
        due_on=datetime.date(2019, 6, 1),
    )
    return found


def test_mondays_only_to_csu_coordinators_with_a_count_and_a_link(cw):
    assert list(due_casework_digests(MONDAY + datetime.timedelta(days=1))) == []
    found = {o.recipient.username: o for o in due_casework_digests(MONDAY)}
    assert set(found) == {"csu", "csu.other"}  # not case workers, the DPO or plan roles
    mine = found["csu"]
    assert mine.kind == MessageKind.CASEWORK_DIGEST and mine.partnership == cw.world.partnership
    assert mine.values["summary"].startswith("2 case-work tasks are overdue in the cases you can see.")
    assert mine.values["link"].endswith(f"/partnerships/{cw.world.partnership.slug}/case-work/")
    assert found["csu.other"].values["summary"].startswith("1 case-work task is overdue")
    assert "Alex" not in str(mine.values) and "Visit" not in str(mine.values)


def test_only_where_weekly_digests_are_wanted_and_not_for_nothing_overdue(cw):
    MessagingSettings.objects.create(partnership=cw.world.partnership, weekly_digest=False)
    assert {o.recipient.username for o in due_casework_digests(MONDAY)} == {"csu.other"}
    Task.objects.filter(case=cw.other).update(done_on=datetime.date(2019, 6, 3))
    assert list(due_casework_digests(MONDAY)) == []


def test_sent_once_per_week_and_a_recipient_may_opt_out(cw, settings):
    settings.SITE_URL = "https://csphub.example"
    call_command("send_reminders", "--now", MONDAY.isoformat(), stdout=StringIO())
    call_command("send_reminders", "--now", MONDAY.isoformat(), stdout=StringIO())
    sent = [m for m in mail.outbox if "case-work tasks overdue" in m.subject]
    assert len(sent) == 2
    body = next(m.body for m in sent if m.to[0] == cw.csu.email)
    assert "2 case-work tasks are overdue" in body and "Alex" not in body and "Visit" not in body
    assert Message.objects.filter(kind=MessageKind.CASEWORK_DIGEST).count() == 2
    membership = cw.csu.memberships.get(partnership=cw.world.partnership)
    MessageOptOut.objects.create(membership=membership, kind=MessageKind.CASEWORK_DIGEST)
    mail.outbox.clear()
    call_command("send_reminders", "--now", "2019-07-08", stdout=StringIO())
    assert [m.to[0] for m in mail.outbox if "case-work" in m.subject] == [cw.other_csu.email]


def test_a_case_worker_promoted_to_csu_coordinator_gets_it(cw):
    with_grant(cw.police_worker, cw.world.partnership, None, Grant.CSU_COORDINATOR)
    found = {o.recipient.username: o for o in due_casework_digests(MONDAY)}
    assert found["cw.police"].values["summary"].startswith("2 case-work tasks")
