"""Reads for the case-review agenda (the CSU weekly meeting, ADR 0031): the cases to discuss at a
meeting of a case-review series, each through the actor's visibility querysets, with the minutes
and actions recorded for them at that meeting. The rules are `casework.review_rules`."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from casework import access, review_rules
from casework.access import case_review_entries_visible_to
from casework.models import Case, CaseReviewEntry, PersonRole
from core.access import NotFound, audit_search
from core.actors import Actor
from governance.models import Meeting
from governance.selectors import access_meeting


@dataclass
class AgendaCase:
    case: Case
    reasons: list[str]
    entries: list[CaseReviewEntry] = field(default_factory=list)


@dataclass
class Agenda:
    meeting: Meeting
    previous: Meeting | None
    since: datetime.date
    day: datetime.date
    cases: list[AgendaCase]


def review_meeting(actor: Actor, partnership_slug: str, meeting_id: object) -> Meeting:
    """A meeting of a case-review series the actor can see (governance's door), or NotFound."""
    meeting = access_meeting(actor, partnership_slug, meeting_id)
    if not meeting.series.case_review:
        raise NotFound("No such meeting.")
    return meeting


def meeting_day(meeting: Meeting) -> datetime.date:
    return timezone.localdate(meeting.starts_at)


def previous_meeting(meeting: Meeting) -> Meeting | None:
    """The series' meeting before this one (the same series: no access question beyond it)."""
    return (
        Meeting.objects.filter(series_id=meeting.series_id, starts_at__lt=meeting.starts_at)
        .order_by("-starts_at")
        .first()
    )


def _facts(actor: Actor, cases: list[Case], day: datetime.date) -> dict[int, review_rules.CaseFacts]:
    if not cases:
        return {}
    ids = [case.pk for case in cases]
    facts = {case.pk: review_rules.CaseFacts(opened_on=case.opened_on) for case in cases}
    for case_id, assessed_on, level in (
        access.risk_assessments_visible_to(actor)
        .filter(case_id__in=ids, assessed_on__lte=day)
        .values_list("case_id", "assessed_on", "level")
    ):
        facts[case_id].risk.append((assessed_on, level))
    for case_id, due_on, done_on in (
        access.tasks_visible_to(actor)
        .filter(case_id__in=ids, due_on__lt=day)
        .values_list("case_id", "due_on", "done_on")
    ):
        facts[case_id].overdue_tasks += review_rules.is_overdue_on(due_on, done_on, day)
    # A victim's reports across every case of theirs the actor can see.
    victims = list(
        access.case_people_visible_to(actor)
        .filter(role=PersonRole.VICTIM, case__partnership_id=cases[0].partnership_id)
        .values_list("case_id", "person_id")
    )
    reports_by_case: dict[int, list[datetime.date]] = defaultdict(list)
    for case_id, reported_on in (
        access.incidents_visible_to(actor)
        .filter(case_id__in={case_id for case_id, _ in victims}, reported_on__lte=day)
        .values_list("case_id", "reported_on")
    ):
        reports_by_case[case_id].append(reported_on)
    by_person: dict[int, list[datetime.date]] = defaultdict(list)
    for case_id, person_id in victims:
        by_person[person_id].extend(reports_by_case.get(case_id, []))
    for case_id, person_id in victims:
        if case_id in facts:
            facts[case_id].victim_reports.append(by_person[person_id])
    return facts


def review_agenda(actor: Actor, meeting: Meeting) -> Agenda:
    """The cases the actor can see that the meeting discusses, with why; one `searched` audit event."""
    partnership = meeting.series.partnership
    audit_search(actor, Case, partnership=partnership, filters={"case_review_meeting": meeting.pk})
    day = meeting_day(meeting)
    previous = previous_meeting(meeting)
    since = review_rules.since_day(day, meeting_day(previous) if previous else None)
    cases = list(
        access.cases_visible_to(actor)
        .filter(partnership=partnership, opened_on__lte=day)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=day))
        .select_related("case_type", "lead_organisation")
        .order_by("opened_on", "pk")
    )
    facts = _facts(actor, cases, day)
    found = []
    for case in cases:
        why = review_rules.reasons(facts[case.pk], since, day)
        if why:
            found.append(AgendaCase(case, why))
    entries = defaultdict(list)
    for entry in (
        case_review_entries_visible_to(actor)
        .filter(meeting=meeting)
        .select_related("note", "task", "task__owner_organisation")
    ):
        entries[entry.case_id].append(entry)
    for item in found:
        item.entries = entries.get(item.case.pk, [])
    return Agenda(meeting, previous, since, day, found)


def agenda_count(actor: Actor, meeting: Meeting) -> int:
    """How many cases on the meeting's agenda the actor can see (for the governance meeting page)."""
    return len(review_agenda(actor, meeting).cases)


def case_entries(actor: Actor, meeting: Meeting, case: Case) -> list[CaseReviewEntry]:
    return list(
        case_review_entries_visible_to(actor)
        .filter(meeting=meeting, case=case)
        .select_related("note", "task", "task__owner_organisation")
    )
