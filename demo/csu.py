"""The demo's CSU weekly meetings (ADR 0031): two made-up meetings of the Community Safety Unit's
case-review series in March 2020, with minutes and an action recorded into some of the example cases
on each agenda, all marked example data (ADR 0011). The seed says only that the unit "meets on a
weekly basis to share information about vulnerable people".

Runs after the case work: the minutes are written through the case-work services as the demo's
CSU coordinator, who with the demo's case workers is made a member of the (confidential) series.
Without demo users nothing is loaded.
"""

import datetime
from io import TextIOBase

from django.utils import timezone

from accounts.models import User
from casework import selectors_review, services_review
from demo.partnership import DemoResult
from governance import selectors, services
from governance.models import MeetingSeries

DAYS = (datetime.date(2020, 3, 10), datetime.date(2020, 3, 17))
PLACE = "Community Safety Unit, Tonbridge & Malling Borough Council offices, Kings Hill"
MEMBERS = ("csu.coordinator", "caseworker.council", "caseworker.police")
MINUTES = (
    "Example minutes: partners shared what they know; the council keeps the lead and the police will "
    "add the case to patrol briefings.",
    "Example minutes: reviewed the risk and the overdue visit; agreed to keep the case open.",
    "Example minutes: no new reports since the last meeting; review again in two weeks.",
)
CASES_MINUTED = 3


def _series(actor: User, result: DemoResult) -> MeetingSeries | None:
    found = [s for s in selectors.series_list(actor, result.partnership) if s.case_review]
    return found[0] if found else None


def _add_members(actor: User, series: MeetingSeries) -> None:
    members = list(selectors.series_members(series))
    wanted = [u for u in User.objects.filter(username__in=MEMBERS).order_by("username") if u not in members]
    if not wanted:
        return
    services.meeting_series_edit(
        actor=actor,
        series=series,
        fields=services.SeriesFields(
            name=series.name,
            purpose=series.purpose,
            cadence=series.cadence,
            chair=series.chair,
            chair_name=series.chair_name,
            confidentiality=series.confidentiality,
            case_review=series.case_review,
            prefill_agenda=series.prefill_agenda,
            member_organisations=selectors.series_member_organisations(series),
            members=[*members, *wanted],
            is_example=series.is_example,
        ),
    )


def csu_meetings_load(result: DemoResult, actor: User, stdout: TextIOBase) -> None:
    """The CSU weekly meetings step of the demo (idempotent)."""
    series = _series(actor, result)
    if not result.with_users or series is None:
        stdout.write("CSU weekly meetings: not loaded (they need the demo's case-work users and series).\n")
        return
    if any(
        m.is_example and timezone.localdate(m.starts_at) in DAYS for m in selectors.series_meetings(series)
    ):
        stdout.write("CSU weekly meetings are already loaded; nothing changed.\n")
        return
    _add_members(actor, series)
    coordinator = User.objects.get(username="csu.coordinator")
    minuted = 0
    for day in DAYS:
        meeting = services.meeting_create(
            actor=actor,
            series=series,
            fields=services.MeetingFields(
                starts_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 30))),
                duration_minutes=90,
                place=PLACE,
                is_example=True,
            ),
        )
        agenda = selectors_review.review_agenda(coordinator, meeting)
        for index, item in enumerate(agenda.cases[:CASES_MINUTED]):
            case = item.case
            services_review.case_review_record(
                actor=coordinator,
                meeting=meeting,
                case=case,
                minutes=MINUTES[index],
                action="Example action: visit the victim and update the risk assessment"
                if index == 0
                else "",
                owner_organisation=case.lead_organisation if index == 0 else None,
                due_on=day + datetime.timedelta(days=14) if index == 0 else None,
            )
            minuted += 1
    result.created["example CSU weekly meetings"] += len(DAYS)
    stdout.write(
        f"CSU weekly meetings: {len(DAYS)} example meetings of March 2020 with minutes for {minuted} cases.\n"
    )
