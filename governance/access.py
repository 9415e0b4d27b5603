"""Who may see and change meetings: one visibility queryset and one door per record (ADR 0008).

A series open to the partnership is read by every member of the partnership; a series for its
members only (the Community Safety Unit's case reviews, say) is read only by the people named as its
members, and nobody else sees that it exists. Coordinators manage open series and the confidential
series they are members of (ADR 0023). Everything under a series follows it: its meetings, agenda
items and papers, attendance, minutes and meeting actions. A meeting action is reported on (marked
done) by its owner person, the lead officers of its owner organisation and whoever manages the
series. Every read through a door is audited.
"""

from django.db.models import Q, QuerySet

from core.access import Purpose, open_door, restricted
from core.actors import Actor, is_signed_in, is_system_actor, person_id
from governance.models import (
    AgendaItem,
    Attendance,
    Confidentiality,
    Duty,
    Engagement,
    EqualityImpactAssessment,
    GovernanceSettings,
    Meeting,
    MeetingAction,
    MeetingSeries,
    PlanSent,
)
from partnership import access as partnership_access
from partnership.access import partnerships_visible_to
from partnership.models import Membership, Partnership, Role


def _within(parent_field: str, parent: object | None) -> dict[str, object] | None:
    return {parent_field: parent} if parent is not None else None


# --- The rules for one loaded record (pages show or hide buttons with these). ---


def is_series_member(actor: Actor, series: MeetingSeries) -> bool:
    if not is_signed_in(actor):
        return False
    return series.members.filter(pk=person_id(actor)).exists()


def can_manage_series(actor: Actor, series: MeetingSeries) -> bool:
    if not partnership_access.is_coordinator(actor, series.partnership):
        return False
    return not series.is_confidential or is_system_actor(actor) or is_series_member(actor, series)


def can_mark_done(actor: Actor, action: MeetingAction) -> bool:
    """The owner person, lead officers of the owner organisation, and the series' managers."""
    series = action.meeting.series
    if can_manage_series(actor, series):
        return True
    if is_signed_in(actor) and action.owner_person_id == person_id(actor):
        return True
    return partnership_access.lead_organisation_id(actor, series.partnership) == action.owner_organisation_id


# --- Visibility querysets. ---


@restricted(MeetingSeries, partnership="partnership", audit_reads=True)
def meeting_series_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[MeetingSeries]:
    """Open series: the partnership's members (VIEW, REPORT) and coordinators (MANAGE). Confidential
    series: their members only (coordinators among them manage)."""
    purpose = Purpose.VIEW if for_ == Purpose.REPORT else for_
    partnerships = partnerships_visible_to(actor, for_=purpose)
    if is_system_actor(actor):
        return MeetingSeries.objects.filter(partnership__in=partnerships)
    rule = Q(confidentiality=Confidentiality.PARTNERSHIP)
    if is_signed_in(actor):
        rule |= Q(
            pk__in=MeetingSeries.members.through.objects.filter(user_id=person_id(actor)).values(
                "meetingseries_id"
            )
        )
    return MeetingSeries.objects.filter(Q(partnership__in=partnerships) & rule)


def access_meeting_series_by_id(
    actor: Actor, series_id: object, *, for_: Purpose = Purpose.VIEW, partnership: Partnership | None = None
) -> MeetingSeries:
    return open_door(
        MeetingSeries,
        actor,
        series_id,
        for_=for_,
        within=_within("partnership", partnership),
        queryset=lambda qs: qs.select_related("partnership", "chair"),
    )


@restricted(Meeting, partnership="series__partnership", audit_reads=True)
def meetings_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Meeting]:
    return Meeting.objects.filter(series__in=meeting_series_visible_to(actor, for_=for_))


def access_meeting_by_id(
    actor: Actor, meeting_id: object, *, for_: Purpose = Purpose.VIEW, series: MeetingSeries | None = None
) -> Meeting:
    return open_door(
        Meeting,
        actor,
        meeting_id,
        for_=for_,
        within=_within("series", series),
        queryset=lambda qs: qs.select_related("series__partnership", "minutes_approved_at__series"),
    )


@restricted(AgendaItem, partnership="meeting__series__partnership", audit_reads=True)
def agenda_items_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[AgendaItem]:
    return AgendaItem.objects.filter(meeting__in=meetings_visible_to(actor, for_=for_))


def access_agenda_item_by_id(
    actor: Actor, item_id: object, *, for_: Purpose = Purpose.VIEW, meeting: Meeting | None = None
) -> AgendaItem:
    return open_door(
        AgendaItem,
        actor,
        item_id,
        for_=for_,
        within=_within("meeting", meeting),
        queryset=lambda qs: qs.select_related("meeting__series__partnership"),
    )


@restricted(Attendance, partnership="meeting__series__partnership", audit_reads=True)
def attendance_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Attendance]:
    return Attendance.objects.filter(meeting__in=meetings_visible_to(actor, for_=for_))


def access_attendance_by_id(
    actor: Actor, attendance_id: object, *, for_: Purpose = Purpose.VIEW, meeting: Meeting | None = None
) -> Attendance:
    return open_door(
        Attendance,
        actor,
        attendance_id,
        for_=for_,
        within=_within("meeting", meeting),
        queryset=lambda qs: qs.select_related("meeting__series__partnership", "organisation"),
    )


@restricted(MeetingAction, partnership="meeting__series__partnership", audit_reads=True)
def meeting_actions_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[MeetingAction]:
    """VIEW and MANAGE follow the series; REPORT (mark done) is for the owner person, lead officers
    of the owner organisation and the series' managers."""
    if for_ != Purpose.REPORT:
        return MeetingAction.objects.filter(meeting__in=meetings_visible_to(actor, for_=for_))
    seen = Q(meeting__in=meetings_visible_to(actor, for_=Purpose.VIEW))
    managed = Q(meeting__in=meetings_visible_to(actor, for_=Purpose.MANAGE))
    if not is_signed_in(actor):
        return MeetingAction.objects.filter(seen & managed)
    lead_of = Membership.objects.filter(
        user_id=person_id(actor), is_active=True, role=Role.LEAD_OFFICER
    ).values("organisation_id")
    owned = Q(owner_person_id=person_id(actor)) | Q(owner_organisation_id__in=lead_of)
    return MeetingAction.objects.filter(seen & (owned | managed))


def access_meeting_action_by_id(
    actor: Actor, action_id: object, *, for_: Purpose = Purpose.VIEW, meeting: Meeting | None = None
) -> MeetingAction:
    return open_door(
        MeetingAction,
        actor,
        action_id,
        for_=for_,
        within=_within("meeting", meeting),
        queryset=lambda qs: qs.select_related(
            "meeting__series__partnership", "owner_organisation", "owner_person"
        ),
    )


# --- The calendar of duties, the plan recipient and the plan sent: members read, coordinators change.


def _read_or_manage(for_: Purpose) -> Purpose:
    return Purpose.MANAGE if for_ != Purpose.VIEW else Purpose.VIEW


@restricted(Duty, partnership="plan_year__partnership")
def duties_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Duty]:
    return Duty.objects.filter(
        plan_year__partnership__in=partnerships_visible_to(actor, for_=_read_or_manage(for_))
    )


def access_duty_by_id(
    actor: Actor, duty_id: object, *, for_: Purpose = Purpose.VIEW, plan_year: object | None = None
) -> Duty:
    return open_door(
        Duty,
        actor,
        duty_id,
        for_=for_,
        within=_within("plan_year", plan_year),
        queryset=lambda qs: qs.select_related("plan_year__partnership", "owner_organisation", "owner_person"),
    )


@restricted(GovernanceSettings, partnership="partnership")
def governance_settings_visible_to(
    actor: Actor, *, for_: Purpose = Purpose.VIEW
) -> QuerySet[GovernanceSettings]:
    return GovernanceSettings.objects.filter(
        partnership__in=partnerships_visible_to(actor, for_=_read_or_manage(for_))
    )


def access_governance_settings_by_id(
    actor: Actor, settings_id: object, *, for_: Purpose = Purpose.VIEW, partnership: Partnership | None = None
) -> GovernanceSettings:
    return open_door(
        GovernanceSettings, actor, settings_id, for_=for_, within=_within("partnership", partnership)
    )


@restricted(PlanSent, partnership="publication__partnership")
def plans_sent_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[PlanSent]:
    return PlanSent.objects.filter(
        publication__partnership__in=partnerships_visible_to(actor, for_=_read_or_manage(for_))
    )


def access_plan_sent_by_id(actor: Actor, sent_id: object, *, for_: Purpose = Purpose.VIEW) -> PlanSent:
    return open_door(
        PlanSent, actor, sent_id, for_=for_, queryset=lambda qs: qs.select_related("publication__plan_year")
    )


# --- The engagement log and equality impact assessments: members read, coordinators change. ---


@restricted(Engagement, partnership="partnership")
def engagements_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Engagement]:
    return Engagement.objects.filter(
        partnership__in=partnerships_visible_to(actor, for_=_read_or_manage(for_))
    )


def access_engagement_by_id(
    actor: Actor,
    engagement_id: object,
    *,
    for_: Purpose = Purpose.VIEW,
    partnership: Partnership | None = None,
) -> Engagement:
    return open_door(Engagement, actor, engagement_id, for_=for_, within=_within("partnership", partnership))


@restricted(EqualityImpactAssessment, partnership="partnership")
def equality_impact_assessments_visible_to(
    actor: Actor, *, for_: Purpose = Purpose.VIEW
) -> QuerySet[EqualityImpactAssessment]:
    return EqualityImpactAssessment.objects.filter(
        partnership__in=partnerships_visible_to(actor, for_=_read_or_manage(for_))
    )


def access_equality_impact_assessment_by_id(
    actor: Actor, eia_id: object, *, for_: Purpose = Purpose.VIEW, partnership: Partnership | None = None
) -> EqualityImpactAssessment:
    return open_door(
        EqualityImpactAssessment,
        actor,
        eia_id,
        for_=for_,
        within=_within("partnership", partnership),
        queryset=lambda qs: qs.select_related("plan_year", "strategy"),
    )
