"""The demo's meetings and calendar (ADR 0011: what the seed does not give is example data).

The seed gives the series and their cadences: the Strategy Group "will now meet three times a year",
the Community Safety Unit "meets on a weekly basis", a monthly Serious and Organised Crime meeting, a
monthly Young Person's Group and a West Kent Domestic Abuse Forum (no cadence given). Their members,
the Forum's cadence, the three Strategy Group meetings of 2020/21 with their attendance, minutes and
actions, and the dates set on the calendar are made up and marked as example data.
"""

import datetime
from io import TextIOBase
from typing import Any

from django.utils import timezone

from accounts.models import User
from governance import selectors, services
from governance.models import AttendanceStatus, Confidentiality, Meeting, MeetingSeries
from partnership.models import Organisation, Partnership
from planning.access import plan_years_visible_to

STRATEGY_GROUP = "Strategy Group"
SEED_PURPOSE = (
    "The CSP Strategy Group will now meet three times a year and will consider strategic issues as well "
    "as overseeing the progress of the Action Plans, whereas Working Groups will consider operational matters."
)
CORE = [
    "Tonbridge & Malling Borough Council",
    "Kent Police",
    "Kent Fire & Rescue Service",
    "Clinical Commissioning Group",
    "KCC Integrated Youth Services",
]
# (name, cadence, purpose, member organisations, options)
SERIES: list[tuple[str, str, str, list[str], dict[str, Any]]] = [
    (STRATEGY_GROUP, "Three times a year", SEED_PURPOSE, CORE, {"prefill_agenda": True}),
    (
        "Community Safety Unit",
        "Weekly",
        "Partners based together at the council offices review cases and tasking each week.",
        ["Tonbridge & Malling Borough Council", "Kent Police"],
        {"case_review": True, "confidentiality": Confidentiality.MEMBERS},
    ),
    (
        "Serious and Organised Crime",
        "Monthly",
        "Partners share intelligence on organised crime groups and county lines.",
        ["Kent Police", "Tonbridge & Malling Borough Council"],
        {},
    ),
    (
        "Young Person's Group",
        "Monthly",
        "Partners working with young people at risk of offending or exploitation.",
        ["KCC Integrated Youth Services", "Kent Police", "Tonbridge & Malling Borough Council"],
        {},
    ),
    (
        "West Kent Domestic Abuse Forum",
        "Quarterly",
        "Agencies working against domestic abuse across West Kent.",
        ["Kent Police", "Tonbridge & Malling Borough Council", "Choices"],
        {},
    ),
]
MEETING_DAYS = [datetime.date(2020, 6, 16), datetime.date(2020, 10, 13), datetime.date(2021, 2, 9)]
ACTIONS = [
    (
        "Circulate the Q1 performance report to partners",
        "Tonbridge & Malling Borough Council",
        "lead.council",
        31,
        True,
    ),
    ("Review the night-time economy patrol plan before Christmas", "Kent Police", "lead.police", 45, False),
    (
        "Draft the 2021/22 priorities for the partnership plan",
        "Tonbridge & Malling Borough Council",
        "lead.council",
        35,
        False,
    ),
]
# Dates the coordinator set on the local-practice calendar items (made up for the demo).
CALENDAR_DATES = {
    "community_engagement": datetime.date(2020, 9, 30),
    "scrutiny": datetime.date(2020, 11, 30),
    "strategic_assessment": datetime.date(2020, 12, 31),
    "priorities_workshop": datetime.date(2021, 1, 31),
    "plan_publication": datetime.date(2021, 3, 31),
}


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))


def governance_load(*, partnership: Partnership, actor: User, stdout: TextIOBase) -> None:
    """The seed's meeting series, three Strategy Group meetings of 2020/21 and the 2020/21 calendar."""
    if any(series.name == STRATEGY_GROUP for series in selectors.series_list(actor, partnership)):
        stdout.write("Demo meetings are already loaded; nothing changed.\n")
        return
    organisations = {o.name: o for o in selectors.partnership_organisations(partnership)}
    people = {m.user.username: m.user for m in selectors.partnership_people(partnership)}
    made: dict[str, MeetingSeries] = {}
    for name, cadence, purpose, members, options in SERIES:
        confidential = options.get("confidentiality") == Confidentiality.MEMBERS
        made[name] = services.meeting_series_create(
            actor=actor,
            partnership=partnership,
            fields=services.SeriesFields(
                name=name,
                cadence=cadence,
                purpose=purpose,
                member_organisations=[organisations[o] for o in members if o in organisations],
                members=[people[u] for u in ("coordinator", "lead.police") if u in people]
                if confidential
                else [],
                is_example=True,
                **options,
            ),
        )
    meetings = _strategy_group(made[STRATEGY_GROUP], organisations, people, actor)
    _calendar(partnership, organisations, meetings, actor)
    stdout.write(
        f"Demo meetings: {len(made)} meeting series, {len(meetings)} Strategy Group meetings of 2020/21 "
        "(example data) and the 2020/21 calendar.\n"
    )


def _strategy_group(
    group: MeetingSeries, organisations: dict[str, Organisation], people: dict[str, User], actor: User
) -> list[Meeting]:
    meetings = []
    for day in MEETING_DAYS:
        agenda = selectors.prefilled_agenda(actor, group, day)
        meetings.append(
            services.meeting_create(
                actor=actor,
                series=group,
                fields=services.MeetingFields(
                    starts_at=_at(day), place="Gibson Building, Kings Hill, West Malling", is_example=True
                ),
                agenda=agenda,
            )
        )
    for index, meeting in enumerate(meetings):
        rows = []
        for number, name in enumerate(CORE):
            if name not in organisations:
                continue
            status, substitute = AttendanceStatus.PRESENT, ""
            if number == (index + 2) % len(CORE):
                status = AttendanceStatus.APOLOGIES
            elif number == (index + 3) % len(CORE):
                status, substitute = AttendanceStatus.SUBSTITUTE, "A deputy (example)"
            rows.append((organisations[name], status, substitute))
        services.attendance_record(actor=actor, meeting=meeting, rows=rows)
        for item in selectors.meeting_page(meeting).items:
            services.agenda_item_save(
                actor=actor,
                meeting=meeting,
                item=item,
                title=item.title,
                minutes=f"Example minutes: the group discussed “{item.title}” and noted the update.",
                decisions="Example decision: noted." if item.order == 2 else "",
            )
        text, owner, username, days, done = ACTIONS[index]
        if owner in organisations:
            action = services.meeting_action_create(
                actor=actor,
                meeting=meeting,
                text=text,
                owner_organisation=organisations[owner],
                owner_person=people.get(username),
                due_date=MEETING_DAYS[index] + datetime.timedelta(days=days),
                is_example=True,
            )
            if done:
                services.meeting_action_set_done(
                    actor=actor,
                    action=action,
                    done=True,
                    today=MEETING_DAYS[index] + datetime.timedelta(days=20),
                )
    for earlier, later in zip(meetings, meetings[1:], strict=False):
        services.minutes_approve(actor=actor, meeting=earlier, approved_at=later)
    return meetings


def _calendar(
    partnership: Partnership, organisations: dict[str, Organisation], meetings: list, actor: User
) -> None:
    plan_year = plan_years_visible_to(actor).filter(partnership=partnership, slug="2020-21").first()
    if plan_year is None:
        return
    services.calendar_set_up(actor=actor, plan_year=plan_year)
    council = organisations.get("Tonbridge & Malling Borough Council")
    for row in selectors.duty_rows(actor, plan_year, timezone.localdate()):
        duty = row.duty
        when = CALENDAR_DATES.get(duty.key)
        if when is None:
            continue
        services.duty_edit(
            actor=actor,
            duty=duty,
            fields=services.DutyFields(
                title=duty.title, rule=duty.rule, due_date=when, owner_organisation=council, is_example=True
            ),
        )
