"""Permission matrix rows for the meeting pages and the calendar feed (governance).

Imported at the bottom of tests/permission_matrix_data.py. Records are made on first use and cached
on the `Objects` instance."""

import datetime
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from governance import services
from governance.models import (
    AgendaItem,
    CalendarFeed,
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
from tests.permission_matrix_data import (
    COORD,
    COORDINATOR,
    DENIED,
    LEAD,
    MEMBERS,
    OK,
    PP,
    Case,
    allowed,
    cross_partnership,
    everyone,
    signed_in,
)
from tests.permission_matrix_records import Objects, rows

MEET = PP + "meetings/"
M = MEET + "<int:pk>/"
SERIES = MEET + "series/<int:pk>/"
CSU_MEMBERS = allowed(LEAD, COORD)


def _at(month: int, day: int = 12) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(2020, month, day, 10, 0))


def _series(o: Objects, key: str, name: str, **extra: Any) -> MeetingSeries:
    if key not in o.__dict__:
        w = o.world
        o.__dict__[key] = services.meeting_series_create(
            actor=w.coordinator,
            partnership=w.partnership,
            fields=services.SeriesFields(name=name, member_organisations=[w.organisation], **extra),
        )
    return o.__dict__[key]


def open_series(o: Objects) -> MeetingSeries:
    return _series(o, "gov_series", "Strategy Group")


def csu(o: Objects) -> MeetingSeries:
    return _series(
        o,
        "gov_csu",
        "Community Safety Unit",
        confidentiality=Confidentiality.MEMBERS,
        members=[o.world.lead_officer],
    )


def _meeting(o: Objects, key: str, series: MeetingSeries, month: int = 5) -> Meeting:
    if key not in o.__dict__:
        held = services.meeting_create(
            actor=o.world.coordinator,
            series=series,
            fields=services.MeetingFields(starts_at=_at(month), place="Kings Hill"),
        )
        services.agenda_item_save(
            actor=o.world.coordinator,
            meeting=held,
            title="Performance report",
            paper=SimpleUploadedFile("report.pdf", b"%PDF-1.4\n%matrix\n"),
            minutes="Noted.",
        )
        o.__dict__[key] = held
    return o.__dict__[key]


def meeting(o: Objects) -> Meeting:
    return _meeting(o, "gov_meeting", open_series(o))


def csu_meeting(o: Objects) -> Meeting:
    return _meeting(o, "gov_csu_meeting", csu(o))


def item_of(o: Objects, held: Meeting) -> AgendaItem:
    """The meeting's first agenda item (the one with the paper)."""
    return AgendaItem.objects.filter(meeting=held).order_by("pk").first()  # type: ignore[return-value]


def spare_item(o: Objects) -> AgendaItem:
    """An agenda item made afresh for each role (deleting one)."""
    if "gov_spare_item" not in o.__dict__:
        o.__dict__["gov_spare_item"] = services.agenda_item_save(
            actor=o.world.coordinator, meeting=meeting(o), title="Any other business"
        )
    return o.__dict__["gov_spare_item"]


def action(o: Objects) -> MeetingAction:
    if "gov_action" not in o.__dict__:
        w = o.world
        o.__dict__["gov_action"] = services.meeting_action_create(
            actor=w.coordinator,
            meeting=meeting(o),
            text="Send the figures",
            owner_organisation=w.organisation,
            owner_person=w.lead_officer,
            due_date=datetime.date(2020, 6, 1),
        )
    return o.__dict__["gov_action"]


def approved(o: Objects) -> Meeting:
    if "gov_approved" not in o.__dict__:
        first = meeting(o)
        later = _meeting(o, "gov_later", open_series(o), month=9)
        services.minutes_approve(actor=o.world.coordinator, meeting=first, approved_at=later)
        first.refresh_from_db()
        o.__dict__["gov_approved"] = first
    return o.__dict__["gov_approved"]


def feed_token(o: Objects) -> str:
    if "gov_feed" not in o.__dict__:
        o.__dict__["gov_feed"] = services.calendar_feed_create(actor=o.world.member)
    return o.__dict__["gov_feed"]


def _p(o: Objects, **kw: Any) -> dict[str, Any]:
    return {**o.p, **kw}


def _case(name: str, route: str, kwargs: Any, expected: Any, method: str = "GET", **extra: Any) -> Case:
    return Case(f"governance:{name}", route, kwargs, expected, method, **extra)


def _m(held: Any) -> Any:
    return lambda o: _p(o, pk=held(o).pk)


def _item(held: Any) -> Any:
    return lambda o: _p(o, pk=held(o).pk, item=item_of(o, held(o)).pk)


CAL = PP + "calendar/<str:year>/"


def duty(o: Objects) -> Duty:
    if "gov_duty" not in o.__dict__:
        o.__dict__["gov_duty"] = services.duty_create(
            actor=o.world.coordinator,
            plan_year=o.world.plan_year,
            fields=services.DutyFields(title="Scrutiny"),
        )
    return o.__dict__["gov_duty"]


TODAY = timezone.localdate()
DONE_DATA = {
    "done_on_day": "1",
    "done_on_month": "7",
    "done_on_year": "2020",
    "link": "/partnerships/test-csp/",
}


def engagement(o: Objects) -> Engagement:
    if "gov_engagement" not in o.__dict__:
        o.__dict__["gov_engagement"] = services.engagement_save(
            actor=o.world.coordinator,
            partnership=o.world.partnership,
            fields=services.EngagementFields(
                kind="you_said_we_did",
                title="Lighting",
                held_on=datetime.date(2020, 9, 1),
                you_said="Dark",
                we_did="Lit",
            ),
        )
    return o.__dict__["gov_engagement"]


def published_engagement(o: Objects) -> Engagement:
    item = engagement(o)
    services.engagement_set_published(actor=o.world.coordinator, engagement=item, published=True)
    return item


def eia(o: Objects) -> EqualityImpactAssessment:
    if "gov_eia" not in o.__dict__:
        o.__dict__["gov_eia"] = services.eia_save(
            actor=o.world.coordinator,
            partnership=o.world.partnership,
            fields=services.EiaFields(
                characteristics=["age"], findings="None adverse.", plan_year=o.world.plan_year
            ),
        )
    return o.__dict__["gov_eia"]


BASE_MEETINGS: list[Case] = [
    _case("engagements", PP + "engagement/", lambda o: o.p, MEMBERS),
    _case("engagement_create", PP + "engagement/new/", lambda o: o.p, COORDINATOR),
    _case(
        "engagement_edit", PP + "engagement/<int:pk>/edit/", lambda o: _p(o, pk=engagement(o).pk), COORDINATOR
    ),
    _case(
        "engagement_publish",
        PP + "engagement/<int:pk>/publish/",
        lambda o: _p(o, pk=engagement(o).pk),
        COORDINATOR,
        "POST",
        data={"publish": "1"},
        guard=lambda o: rows(Engagement, engagement(o).pk),
        changes=True,
    ),
    _case("eias", PP + "equality-impact/", lambda o: o.p, MEMBERS),
    _case("eia_create", PP + "equality-impact/new/", lambda o: o.p, COORDINATOR),
    _case("eia", PP + "equality-impact/<int:pk>/", lambda o: _p(o, pk=eia(o).pk), MEMBERS),
    _case("eia_edit", PP + "equality-impact/<int:pk>/edit/", lambda o: _p(o, pk=eia(o).pk), COORDINATOR),
    _case("calendar_current", PP + "calendar/", lambda o: o.p, MEMBERS),
    _case("calendar", CAL, lambda o: o.y, MEMBERS),
    _case(
        "calendar_set_up",
        CAL + "set-up/",
        lambda o: o.y,
        COORDINATOR,
        "POST",
        guard=lambda o: Duty.objects.filter(plan_year=o.world.plan_year).count(),
        changes=True,
    ),
    _case(
        "plan_recipient",
        CAL + "recipient/",
        lambda o: o.y,
        COORDINATOR,
        "POST",
        data={"recipient": "Kent Police and Crime Commissioner"},
        guard=lambda o: list(GovernanceSettings.objects.values_list("plan_recipient", flat=True)),
        changes=True,
    ),
    _case("duty_create", CAL + "new/", lambda o: o.y, COORDINATOR),
    _case("duty_edit", CAL + "<int:pk>/edit/", lambda o: {**o.y, "pk": duty(o).pk}, COORDINATOR),
    _case(
        "duty_done",
        CAL + "<int:pk>/done/",
        lambda o: {**o.y, "pk": duty(o).pk},
        COORDINATOR,
        "POST",
        data=DONE_DATA,
        guard=lambda o: rows(Duty, duty(o).pk),
        changes=True,
    ),
    _case("plan_sent", PP + "plan-sent/<str:year>/", lambda o: o.y, COORDINATOR),
    _case(
        "plan_sent",
        PP + "plan-sent/<str:year>/",
        lambda o: o.y,
        COORDINATOR,
        "POST",
        data_from=lambda o: {
            "publication": str(o.publication.pk),
            "sent_on_day": str(TODAY.day),
            "sent_on_month": str(TODAY.month),
            "sent_on_year": str(TODAY.year),
            "recipient": "Kent Police and Crime Commissioner",
        },
        guard=lambda o: PlanSent.objects.count(),
        changes=True,
    ),
    _case("series_list", MEET, lambda o: o.p, MEMBERS),
    _case("series_create", MEET + "series/new/", lambda o: o.p, COORDINATOR),
    _case(
        "series_create",
        MEET + "series/new/",
        lambda o: o.p,
        COORDINATOR,
        "POST",
        data={"name": "Serious and Organised Crime", "confidentiality": "partnership"},
        guard=lambda o: sorted(MeetingSeries.objects.values_list("name", flat=True)),
        changes=True,
    ),
    _case("series", SERIES, lambda o: _p(o, pk=open_series(o).pk), MEMBERS),
    _case("series", SERIES, lambda o: _p(o, pk=csu(o).pk), CSU_MEMBERS, variant="confidential"),
    _case("series_edit", SERIES + "edit/", lambda o: _p(o, pk=open_series(o).pk), COORDINATOR),
    _case(
        "series_edit", SERIES + "edit/", lambda o: _p(o, pk=csu(o).pk), COORDINATOR, variant="confidential"
    ),
    _case("meeting_create", SERIES + "new/", lambda o: _p(o, pk=open_series(o).pk), COORDINATOR),
    _case("meeting", M, _m(meeting), MEMBERS),
    _case("meeting", M, _m(csu_meeting), CSU_MEMBERS, variant="confidential"),
    _case("meeting_edit", M + "edit/", _m(meeting), COORDINATOR),
    _case("meeting_ics", M + "meeting.ics", _m(meeting), MEMBERS),
    _case("meeting_ics", M + "meeting.ics", _m(csu_meeting), CSU_MEMBERS, variant="confidential"),
    _case("agenda_item_create", M + "items/new/", _m(meeting), COORDINATOR),
    _case("agenda_item_edit", M + "items/<int:item>/edit/", _item(meeting), COORDINATOR),
    _case("agenda_item_delete", M + "items/<int:item>/delete/", _item(meeting), COORDINATOR),
    _case(
        "agenda_item_delete",
        M + "items/<int:item>/delete/",
        lambda o: _p(o, pk=meeting(o).pk, item=spare_item(o).pk),
        COORDINATOR,
        "POST",
        guard=lambda o: rows(AgendaItem, spare_item(o).pk),
        changes=True,
        renew="gov_spare_item",
    ),
    _case("paper", M + "items/<int:item>/paper/", _item(meeting), MEMBERS),
    _case("paper", M + "items/<int:item>/paper/", _item(csu_meeting), CSU_MEMBERS, variant="confidential"),
    _case("attendance", M + "attendance/", _m(meeting), COORDINATOR),
    _case("meeting_action_create", M + "actions/new/", _m(meeting), COORDINATOR),
    _case(
        "meeting_action_done",
        M + "actions/<int:action>/done/",
        lambda o: _p(o, pk=meeting(o).pk, action=action(o).pk),
        allowed(LEAD, COORD),
        "POST",
        data={"done": "1"},
        guard=lambda o: rows(MeetingAction, action(o).pk),
        changes=True,
    ),
    _case(
        "minutes_approve",
        M + "minutes/approve/",
        _m(meeting),
        COORDINATOR,
        "POST",
        data_from=lambda o: {"approved_at": str(_meeting(o, "gov_later", open_series(o), month=9).pk)},
        guard=lambda o: rows(Meeting, meeting(o).pk),
        changes=True,
    ),
    _case("minutes_pdf", M + "minutes.pdf", _m(approved), MEMBERS),
    _case("minutes_docx", M + "minutes.docx", _m(approved), MEMBERS),
    _case("minutes_pdf", M + "minutes.pdf", _m(meeting), signed_in(DENIED), variant="draft minutes"),
]

CASES_MEETINGS: list[Case] = [
    *BASE_MEETINGS,
    *(cross_partnership(c) for c in BASE_MEETINGS if "<int:" in c.route and not c.variant),
    # The public "you said, we did" page: 404 until an item is published.
    Case(
        "governance_feed:you_said_we_did",
        "p/<slug:partnership>/you-said-we-did/",
        lambda o: (published_engagement(o), o.p)[1],
        everyone(OK),
        variant="published",
    ),
    Case(
        "governance_feed:you_said_we_did",
        "p/<slug:partnership>/you-said-we-did/",
        lambda o: o.p,
        everyone(DENIED),
    ),
    # The personal calendar feed: managed by whoever is signed in; the feed needs only its token.
    Case("governance_feed:calendar_feed", "account/calendar-feed/", lambda o: {}, signed_in(OK)),
    Case(
        "governance_feed:calendar_feed_change",
        "account/calendar-feed/change/",
        lambda o: {},
        signed_in(OK),
        "POST",
        data={"action": "create"},
        guard=lambda o: sorted(CalendarFeed.objects.values_list("user_id", flat=True)),
        changes=True,
    ),
    Case(
        "governance_feed:feed", "calendar/<str:token>.ics", lambda o: {"token": feed_token(o)}, everyone(OK)
    ),
    Case(
        "governance_feed:feed",
        "calendar/<str:token>.ics",
        lambda o: {"token": "x" * 43},
        everyone(DENIED),
        variant="wrong token",
    ),
]
