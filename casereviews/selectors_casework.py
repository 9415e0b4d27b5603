"""ASB Case Reviews read through case work's doors (ADR 0021, ADR 0025): the cases linked to an
application (through its complaints copied from case work), the case-work complaints an officer
may link, the case history for the panel, and the recommendations listed in case work.

Everything here goes through `casework.access`: a reviewer sees only what case work lets them
see, and every read is audited there (a door writes `viewed`, a list a `searched` event)."""

from dataclasses import dataclass

from django.db.models import F, QuerySet

from casereviews import access
from casereviews.models import Application, Recommendation
from casework import access as case_access
from casework import selectors as case_selectors
from casework.models import Case, Incident, Task
from core.access import NotFound, audit_search
from core.actors import Actor
from partnership.models import Partnership

MAX_CASES_FOUND = 10


def linked_incident_ids(actor: Actor, application: Application) -> list[int]:
    """The case-work records the application's complaints were copied from."""
    return [
        pk
        for pk in access.complaints_visible_to(actor)
        .filter(application=application, case_incident__isnull=False)
        .values_list("case_incident_id", flat=True)
        if pk is not None
    ]


def linked_cases(actor: Actor, application: Application) -> QuerySet[Case]:
    """The cases the application's complaints came from, as far as the actor may see them."""
    incidents = case_access.incidents_visible_to(actor).filter(
        pk__in=linked_incident_ids(actor, application), case__partnership=application.partnership
    )
    return (
        case_access.cases_visible_to(actor)
        .filter(pk__in=incidents.values("case_id"))
        .select_related("case_type", "lead_organisation")
        .order_by("pk")
    )


@dataclass
class FoundCase:
    case: Case
    incidents: list[Incident]


def linkable(actor: Actor, application: Application, text: str) -> list[FoundCase]:
    """Cases found by a case reference, a name or words (case work's own search, audited), each
    with its incidents and complaints the application does not already hold."""
    partnership = application.partnership
    cases = list(case_selectors.case_search(actor, partnership, text=text)[:MAX_CASES_FOUND])
    audit_search(actor, Incident, partnership=partnership, filters={"cases": [c.pk for c in cases]})
    taken = set(linked_incident_ids(actor, application))
    incidents = (
        case_access.incidents_visible_to(actor)
        .filter(case__in=[c.pk for c in cases])
        .exclude(pk__in=taken)
        .select_related("reporting_organisation")
        .order_by("reported_on", "pk")
    )
    by_case: dict[int, list[Incident]] = {}
    for incident in incidents:
        by_case.setdefault(incident.case_id, []).append(incident)
    return [FoundCase(c, by_case.get(c.pk, [])) for c in cases]


@dataclass
class CaseHistory:
    case: Case
    file: case_selectors.CaseFile


def case_history(actor: Actor, application: Application) -> list[CaseHistory]:
    """The linked cases' records for the panel: each case through its door (a `viewed` event),
    its records through their visibility querysets (notes the reviewer may not read are left out)."""
    found = []
    for case in linked_cases(actor, application):
        try:
            opened = case_access.access_case_by_id(actor, case.pk, partnership=application.partnership)
        except NotFound:
            continue
        found.append(CaseHistory(opened, case_selectors.case_file(actor, opened)))
    return found


def recommendation_tasks(actor: Actor, partnership: Partnership) -> list[Task]:
    """Case-work tasks that carry out an ASB Case Review recommendation, on cases the actor may
    see (one `searched` event)."""
    audit_search(actor, Task, partnership=partnership, filters={"list": "case review recommendations"})
    return list(
        case_access.tasks_visible_to(actor)
        .filter(case__partnership=partnership, case_review_recommendation__isnull=False)
        .select_related("case", "owner_organisation", "owner")
        .order_by(F("done_on").asc(nulls_first=True), "due_on", "pk")
    )


def recommendation_rows(
    actor: Actor, recommendations: list[Recommendation]
) -> list[tuple[Recommendation, Task | None, bool]]:
    """Each recommendation with its case-work task as far as the actor may see it, and whether it
    was made a task at all."""
    ids = [r.task_id for r in recommendations if r.task_id is not None]
    tasks = {
        task.pk: task
        for task in case_access.tasks_visible_to(actor).filter(pk__in=ids).select_related("case", "owner")
    }
    return [(r, tasks.get(r.task_id) if r.task_id else None, r.task_id is not None) for r in recommendations]
