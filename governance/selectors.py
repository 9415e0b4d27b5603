"""Reads of meetings. Restricted records come only through the doors and visibility querysets of
`governance.access`."""

import datetime
from dataclasses import dataclass

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from assessment.access import community_views_visible_to
from assessment.models import CommunityView
from core.access import Purpose, audit_search
from core.actors import Actor, is_signed_in, person_id
from governance.access import (
    access_agenda_item_by_id,
    access_duty_by_id,
    access_engagement_by_id,
    access_equality_impact_assessment_by_id,
    access_meeting_action_by_id,
    access_meeting_by_id,
    access_meeting_series_by_id,
    duties_visible_to,
    engagements_visible_to,
    equality_impact_assessments_visible_to,
    meeting_actions_visible_to,
    meeting_series_visible_to,
    meetings_visible_to,
    plans_sent_visible_to,
)
from governance.calendar import PLAN_TO_POLICING_BODY
from governance.models import (
    AgendaItem,
    Attendance,
    CalendarFeed,
    Duty,
    Engagement,
    EngagementKind,
    EqualityImpactAssessment,
    Meeting,
    MeetingAction,
    MeetingSeries,
    PlanSent,
    duty_state,
)
from partnership.access import access_partnership_by_slug
from partnership.models import Membership, Organisation, Partnership
from planning import selectors as planning_selectors
from planning.access import strategies_visible_to
from planning.models import PlanYear, StatusMeaning, Strategy
from projects import selectors as project_selectors
from projects.models import ProjectStatus
from publishing import selectors as publishing_selectors
from publishing.models import PlanPublication


def access_series(
    actor: Actor, partnership: str, pk: object, *, for_: Purpose = Purpose.VIEW
) -> MeetingSeries:
    team = access_partnership_by_slug(actor, partnership)
    return access_meeting_series_by_id(actor, pk, for_=for_, partnership=team)


def access_meeting(actor: Actor, partnership: str, pk: object, *, for_: Purpose = Purpose.VIEW) -> Meeting:
    team = access_partnership_by_slug(actor, partnership)
    meeting = access_meeting_by_id(actor, pk, for_=for_)
    if meeting.series.partnership_id != team.pk:
        raise_not_found()
    return meeting


def raise_not_found() -> None:
    from core.access import NotFound

    raise NotFound("No such meeting.")


def agenda_item(actor: Actor, meeting: Meeting, pk: object, *, for_: Purpose = Purpose.VIEW) -> AgendaItem:
    return access_agenda_item_by_id(actor, pk, for_=for_, meeting=meeting)


def meeting_action(
    actor: Actor, meeting: Meeting, pk: object, *, for_: Purpose = Purpose.VIEW
) -> MeetingAction:
    return access_meeting_action_by_id(actor, pk, for_=for_, meeting=meeting)


def series_list(actor: Actor, partnership: Partnership) -> list[MeetingSeries]:
    audit_search(actor, MeetingSeries, partnership=partnership, filters={})
    return list(
        meeting_series_visible_to(actor)
        .filter(partnership=partnership)
        .select_related("chair")
        .order_by("name")
    )


def upcoming_meetings(
    actor: Actor, partnership: Partnership, *, now: datetime.datetime | None = None
) -> list[Meeting]:
    start = now or timezone.now()
    return list(
        meetings_visible_to(actor)
        .filter(series__partnership=partnership, starts_at__gte=start - datetime.timedelta(hours=12))
        .select_related("series")
        .order_by("starts_at")[:10]
    )


def series_meetings(series: MeetingSeries) -> list[Meeting]:
    return list(Meeting.objects.filter(series=series).order_by("-starts_at"))


def series_member_organisations(series: MeetingSeries) -> list[Organisation]:
    return list(series.member_organisations.order_by("name"))


def series_members(series: MeetingSeries) -> list[object]:
    return list(series.members.order_by("last_name", "first_name", "username"))


def partnership_organisations(partnership: Partnership) -> QuerySet[Organisation]:
    return Organisation.objects.filter(partnership=partnership).order_by("name")


def partnership_people(partnership: Partnership) -> list[Membership]:
    return list(
        Membership.objects.filter(partnership=partnership, is_active=True)
        .select_related("user", "organisation")
        .order_by("user__last_name", "user__first_name", "user__username")
    )


@dataclass(frozen=True)
class MeetingPage:
    items: list[AgendaItem]
    attendance: list[Attendance]
    actions: list[MeetingAction]
    later_meetings: list[Meeting]
    approves: list[Meeting]  # earlier meetings whose minutes this one approved


def meeting_page(meeting: Meeting) -> MeetingPage:
    """Everything on a meeting's page (the meeting came through its door)."""
    return MeetingPage(
        items=list(AgendaItem.objects.filter(meeting=meeting).order_by("order", "pk")),
        attendance=list(
            Attendance.objects.filter(meeting=meeting)
            .select_related("organisation")
            .order_by("organisation__name")
        ),
        actions=list(
            MeetingAction.objects.filter(meeting=meeting)
            .select_related("owner_organisation", "owner_person")
            .order_by("due_date", "pk")
        ),
        later_meetings=list(
            Meeting.objects.filter(series_id=meeting.series_id, starts_at__gt=meeting.starts_at).order_by(
                "starts_at"
            )
        ),
        approves=list(Meeting.objects.filter(minutes_approved_at=meeting).order_by("starts_at")),
    )


def attendance_by_organisation(meeting: Meeting) -> dict[int, Attendance]:
    return {a.organisation_id: a for a in Attendance.objects.filter(meeting=meeting)}


# --- Meeting actions in their owners' My actions, and overdue ones for an agenda. ---


def my_meeting_actions(actor: Actor, partnership: Partnership) -> list[MeetingAction]:
    """Open and recently done meeting actions the person owns, or their organisation owns when they
    are its lead officer (actions the person may mark done)."""
    if not is_signed_in(actor):
        return []
    return list(
        meeting_actions_visible_to(actor, for_=Purpose.REPORT)
        .filter(meeting__series__partnership=partnership)
        .filter(
            Q(owner_person_id=person_id(actor)) | Q(owner_organisation__memberships__user_id=person_id(actor))
        )
        .distinct()
        .select_related("meeting__series", "owner_organisation", "owner_person")
        .order_by("done_on", "due_date", "pk")
    )


def overdue_meeting_actions(
    actor: Actor, partnership: Partnership, today: datetime.date
) -> list[MeetingAction]:
    return list(
        meeting_actions_visible_to(actor)
        .filter(meeting__series__partnership=partnership, done_on__isnull=True, due_date__lt=today)
        .select_related("meeting__series", "owner_organisation")
        .order_by("due_date", "pk")
    )


def prefilled_agenda(actor: Actor, series: MeetingSeries, today: datetime.date) -> list[str]:
    """A Strategy Group agenda: the standing items, actions whose status means at risk or off track,
    actions missing an update for an open period, projects needing a decision (proposed ones to
    approve or decline, completed ones to evaluate) and overdue meeting actions."""
    partnership = series.partnership
    titles = ["Apologies and attendance", "Minutes of the last meeting and matters arising"]
    plan_year = _plan_year(actor, partnership)
    if plan_year is not None:
        concern: dict[str, str] = {StatusMeaning.AT_RISK: "at risk", StatusMeaning.OFF_TRACK: "off track"}
        for action in planning_selectors.actions_for_year(plan_year):
            status = planning_selectors.current_status(action)
            if status is not None and status.meaning in concern:
                titles.append(f"Action {concern[status.meaning]} ({status.name}): {action.text}")
        for period_missing in planning_selectors.missing_updates(plan_year):
            for organisation, actions in period_missing.groups:
                count = len(actions)
                titles.append(
                    f"Missing {period_missing.period.code} update{'s' if count > 1 else ''}: "
                    f"{organisation.name}, {count} action{'s' if count > 1 else ''}"
                )
        for project in project_selectors.dashboard_items(actor, plan_year, today).needing_decision:
            decision = "approve or decline" if project.status == ProjectStatus.PROPOSED else "evaluate"
            titles.append(f"Project needing a decision ({decision}): {project.title}")
    for late in overdue_meeting_actions(actor, partnership, today):
        titles.append(
            f"Overdue meeting action (due {late.due_date:%-d %B %Y}, {late.owner_organisation.name}): {late.text}"
        )
    titles.append("Any other business")
    return [title[:300] for title in titles]


def _plan_year(actor: Actor, partnership: Partnership) -> PlanYear | None:
    if partnership.current_plan_year_id is None:
        return None
    return planning_selectors.plan_years_visible_to(actor).filter(pk=partnership.current_plan_year_id).first()


# --- The personal calendar feed. ---


def feed_user(token_hash: str) -> object | None:
    feed = (
        CalendarFeed.objects.filter(token_hash=token_hash, user__is_active=True)
        .select_related("user")
        .first()
    )
    return feed.user if feed is not None else None


def has_feed(actor: Actor) -> bool:
    return is_signed_in(actor) and CalendarFeed.objects.filter(user_id=person_id(actor)).exists()


def my_meetings(actor: Actor, *, since: datetime.datetime) -> list[Meeting]:
    """Meetings of series the person belongs to, or whose member organisations include theirs."""
    if not is_signed_in(actor):
        return []
    organisations = Membership.objects.filter(user_id=person_id(actor), is_active=True).values(
        "organisation_id"
    )
    return list(
        meetings_visible_to(actor)
        .filter(starts_at__gte=since)
        .filter(Q(series__members__pk=person_id(actor)) | Q(series__member_organisations__in=organisations))
        .distinct()
        .select_related("series__partnership")
        .order_by("starts_at")[:500]
    )


# --- The calendar of duties and the plan sent to the policing body. ---


@dataclass(frozen=True)
class DutyRow:
    duty: Duty
    state: str  # a DutyState value


def plan_published(actor: Actor, plan_year: PlanYear) -> bool:
    return publishing_selectors.publications(actor, plan_year).exists()


def duty_rows(actor: Actor, plan_year: PlanYear, today: datetime.date) -> list[DutyRow]:
    """The year's calendar with each item's state; sending the plan is due once a version is published."""
    published = plan_published(actor, plan_year)
    found = (
        duties_visible_to(actor)
        .filter(plan_year=plan_year)
        .select_related(
            "owner_organisation", "owner_person", "evidence_publication", "evidence_meeting__series"
        )
        .order_by(F("due_date").asc(nulls_last=True), "title")
    )
    return [
        DutyRow(
            duty,
            duty_state(
                duty.due_date, duty.done_on, today, due_now=published and duty.key == PLAN_TO_POLICING_BODY
            ),
        )
        for duty in found
    ]


def access_duty(actor: Actor, plan_year: PlanYear, pk: object, *, for_: Purpose = Purpose.VIEW) -> Duty:
    return access_duty_by_id(actor, pk, for_=for_, plan_year=plan_year)


def plans_sent(actor: Actor, plan_year: PlanYear) -> list[PlanSent]:
    return list(
        plans_sent_visible_to(actor)
        .filter(publication__plan_year=plan_year)
        .select_related("publication", "recorded_by")
        .order_by("-sent_on", "-pk")
    )


def year_publications(actor: Actor, plan_year: PlanYear) -> list[PlanPublication]:
    return list(publishing_selectors.publications(actor, plan_year).order_by("-number"))


def partnership_meetings(actor: Actor, partnership: Partnership) -> list[Meeting]:
    return list(
        meetings_visible_to(actor)
        .filter(series__partnership=partnership)
        .select_related("series")
        .order_by("-starts_at")[:200]
    )


# --- The consultation and engagement log, and equality impact assessments. ---


def engagements(actor: Actor, partnership: Partnership) -> list[Engagement]:
    audit_search(actor, Engagement, partnership=partnership, filters={})
    return list(engagements_visible_to(actor).filter(partnership=partnership).order_by("-held_on", "title"))


def access_engagement(
    actor: Actor, partnership: Partnership, pk: object, *, for_: Purpose = Purpose.VIEW
) -> Engagement:
    return access_engagement_by_id(actor, pk, for_=for_, partnership=partnership)


def engagement_views(engagement: Engagement) -> list[CommunityView]:
    return list(engagement.community_views.select_related("assessment").order_by("theme"))


def community_views(actor: Actor, partnership: Partnership) -> QuerySet[CommunityView]:
    return (
        community_views_visible_to(actor)
        .filter(assessment__partnership=partnership)
        .select_related("assessment")
        .order_by("theme", "pk")
    )


def public_you_said_we_did(slug: str) -> tuple[Partnership, list[Engagement]]:
    """Public: a partnership's published "you said, we did" items; 404 when it has none (or is unknown)."""
    from django.http import Http404

    items = list(
        Engagement.objects.filter(
            partnership__slug=slug, kind=EngagementKind.YOU_SAID_WE_DID, published=True, is_example=False
        )
        .select_related("partnership")
        .order_by("-held_on", "title")
    )
    if not items:
        raise Http404("Nothing published.")
    return items[0].partnership, items


def eias(actor: Actor, partnership: Partnership) -> list[EqualityImpactAssessment]:
    return list(
        equality_impact_assessments_visible_to(actor)
        .filter(partnership=partnership)
        .select_related("plan_year", "strategy")
        .order_by("-pk")
    )


def access_eia(
    actor: Actor, partnership: Partnership, pk: object, *, for_: Purpose = Purpose.VIEW
) -> EqualityImpactAssessment:
    return access_equality_impact_assessment_by_id(actor, pk, for_=for_, partnership=partnership)


def eia_subjects(actor: Actor, partnership: Partnership) -> tuple[list[PlanYear], list[Strategy]]:
    return (
        list(
            planning_selectors.plan_years_visible_to(actor)
            .filter(partnership=partnership)
            .order_by("-start_date")
        ),
        list(strategies_visible_to(actor).filter(partnership=partnership).order_by("-start_year")),
    )
