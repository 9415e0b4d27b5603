"""Who sees meetings: open series for the partnership's members, confidential ones for their members
only (coordinators included only when members); reads through the doors are audited."""

import pytest

from core.access import NotFound, Purpose
from core.errors import AccessDenied
from core.models import AuditEvent, AuditEventType
from governance import access, services
from governance.models import MeetingAction
from tests.governance.helpers import confidential, meeting, series

pytestmark = pytest.mark.django_db


def test_open_series_is_seen_by_members_and_not_by_other_partnerships(world):
    group = series(world)
    for person in (world.member, world.lead_officer, world.other_lead_officer, world.coordinator):
        assert access.meeting_series_visible_to(person).filter(pk=group.pk).exists()
    assert not access.meeting_series_visible_to(world.outsider).filter(pk=group.pk).exists()
    assert not access.meeting_series_visible_to(world.site_admin).filter(pk=group.pk).exists()


def test_confidential_series_and_everything_under_it_only_for_its_members(world):
    csu = confidential(world, members=[world.lead_officer])
    held = meeting(world, csu, agenda=["Case review"])
    action = services.meeting_action_create(
        actor=world.coordinator,
        meeting=held,
        text="Visit the address",
        owner_organisation=world.organisation,
        due_date=held.local_start.date(),
    )
    # The coordinator who made it was added as a member; the lead officer was named.
    for person in (world.coordinator, world.lead_officer):
        assert access.meeting_series_visible_to(person).filter(pk=csu.pk).exists()
        assert access.meeting_actions_visible_to(person).filter(pk=action.pk).exists()
    for person in (world.member, world.other_lead_officer, world.outsider):
        assert not access.meeting_series_visible_to(person).filter(pk=csu.pk).exists()
        assert not access.meetings_visible_to(person).filter(pk=held.pk).exists()
        assert not access.agenda_items_visible_to(person).filter(meeting=held).exists()
        assert not access.meeting_actions_visible_to(person).filter(pk=action.pk).exists()
        with pytest.raises(NotFound):
            access.access_meeting_by_id(person, held.pk)


def test_a_coordinator_who_is_not_a_member_cannot_see_or_manage_a_confidential_series(
    world, django_user_model
):
    from partnership.models import Role
    from tests.factories import MembershipFactory, UserFactory

    second = UserFactory(username="coord2")
    MembershipFactory(
        user=second, partnership=world.partnership, organisation=world.organisation, role=Role.COORDINATOR
    )
    csu = confidential(world, members=[])
    assert not access.meeting_series_visible_to(second, for_=Purpose.MANAGE).filter(pk=csu.pk).exists()
    assert not access.can_manage_series(second, csu)
    with pytest.raises(AccessDenied):
        services.meeting_series_edit(actor=second, series=csu, fields=services.SeriesFields(name="Renamed"))


def test_door_reads_are_audited_and_refusals_recorded(world):
    csu = confidential(world, members=[world.lead_officer])
    held = meeting(world, csu)
    access.access_meeting_by_id(world.lead_officer, held.pk)
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.VIEWED, object_id=str(held.pk), actor_username="lead"
    ).exists()
    with pytest.raises(NotFound):
        access.access_meeting_by_id(world.member, held.pk)
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.ACCESS_DENIED, object_id=str(held.pk), actor_username="member"
    ).exists()


def test_only_owners_and_managers_report_on_a_meeting_action(world):
    group = series(world)
    held = meeting(world, group)
    action = services.meeting_action_create(
        actor=world.coordinator,
        meeting=held,
        text="Send the figures",
        owner_organisation=world.organisation,
        owner_person=world.lead_officer,
        due_date=held.local_start.date(),
    )
    reporters = access.meeting_actions_visible_to
    assert reporters(world.lead_officer, for_=Purpose.REPORT).filter(pk=action.pk).exists()
    assert reporters(world.coordinator, for_=Purpose.REPORT).filter(pk=action.pk).exists()
    assert not reporters(world.other_lead_officer, for_=Purpose.REPORT).filter(pk=action.pk).exists()
    assert not reporters(world.member, for_=Purpose.REPORT).filter(pk=action.pk).exists()
    with pytest.raises(AccessDenied):
        services.meeting_action_set_done(actor=world.other_lead_officer, action=action, done=True)
    services.meeting_action_set_done(actor=world.lead_officer, action=action, done=True)
    assert MeetingAction.objects.get(pk=action.pk).done_on is not None
