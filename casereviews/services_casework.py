"""ASB Case Reviews writing with case work (ADR 0021): qualifying complaints copied from case-work
complaints, and recommendations carried out as case-work tasks.

- **Linking complaints.** An officer who may record case reviews picks incidents or complaints from
  cases they can see through case work's door. Each becomes a qualifying complaint with the
  record's date of the behaviour, date reported (the date of the complaint), organisation and
  reference copied, and a link back. Reports on one case about behaviour on the same day share an
  incident key, so the local "count once" setting treats them as one incident reported to several
  organisations.
- **Recommendations as tasks.** When the application has linked cases, a recommendation needs one
  of them: it is saved with a case-work task on that case (owner organisation, optional owner,
  due date), created through case work's own service (its door and audit). When no case is linked,
  the recommendation is recorded on the review alone and the page says it is not a case-work task.
"""

import datetime
from typing import Any

from django.db import transaction

from casereviews import access, selectors_casework, services
from casereviews.models import Application, QualifyingComplaint, Recommendation, Review, ThresholdDecision
from casework import access as case_access
from casework import selectors as case_selectors
from casework import services as case_services
from casework.models import Case
from core.actors import Actor
from core.errors import ServiceError
from core.history import save_as
from partnership.models import Organisation

TASK_PREFIX = "ASB Case Review recommendation: "


def incident_key(case: Case, behaviour_on: datetime.date) -> str:
    return f"{case.reference}/{behaviour_on.isoformat()}"


@transaction.atomic
def complaints_link(
    *, actor: Actor, application: Application, incident_ids: list[int]
) -> list[QualifyingComplaint]:
    """Copy case-work incidents or complaints into the application as qualifying complaints."""
    services._record(actor, application.partnership)
    if ThresholdDecision.objects.filter(application=application).exists():
        raise ServiceError("The threshold has been decided: complaints can no longer be added.")
    wanted = set(incident_ids)
    if not wanted:
        raise ServiceError("Choose at least one complaint or incident to link.")
    incidents = list(
        case_access.incidents_visible_to(actor)
        .filter(pk__in=wanted, case__partnership=application.partnership)
        .select_related("case", "reporting_organisation")
        .order_by("reported_on", "pk")
    )
    if len(incidents) != len(wanted):
        raise ServiceError("Choose complaints from cases you can see in this partnership's case work.")
    taken = set(selectors_casework.linked_incident_ids(actor, application))
    made = []
    for incident in incidents:
        if incident.pk in taken:
            raise ServiceError(f"The complaint of {incident.reported_on:%-d %B %Y} is already linked.")
        if incident.reported_on > application.application_date:
            raise ServiceError(
                f"The complaint of {incident.reported_on:%-d %B %Y} was made after the application."
            )
        made.append(
            save_as(
                QualifyingComplaint(
                    application=application,
                    behaviour_date=incident.behaviour_on,
                    complaint_date=incident.reported_on,
                    organisation=incident.reporting_organisation,
                    reference=incident.reference[:60],
                    incident=incident_key(incident.case, incident.behaviour_on),
                    case_incident=incident,
                    case_reference=incident.case.reference,
                    is_example=application.is_example,
                ),
                actor,
            )
        )
    return made


@transaction.atomic
def recommendation_record(
    *,
    actor: Actor,
    review: Review,
    text: str,
    owner: Organisation,
    made_on: datetime.date,
    due_date: datetime.date,
    case: Case | None = None,
    owner_person: Any = None,
) -> Recommendation:
    """A recommendation, and its case-work task on a linked case when the application has one."""
    application = review.application
    cases = list(selectors_casework.linked_cases(actor, application))
    if cases and case is None:
        raise ServiceError("Choose the linked case the recommendation's task belongs to.")
    if case is not None and case.pk not in {c.pk for c in cases}:
        raise ServiceError("Choose one of the cases linked to this application.")
    if (
        owner_person is not None
        and not case_selectors.case_workers(application.partnership).filter(pk=owner_person.pk).exists()
    ):
        raise ServiceError("Choose an owner who works on cases in this partnership.")
    recommendation = services.recommendation_add(
        actor=actor, review=review, text=text, owner=owner, made_on=made_on, due_date=due_date
    )
    if case is None:
        return recommendation
    if not access.can_manage_cases(actor, application.partnership):
        raise ServiceError("Only a CSU coordinator can make the recommendation a case-work task.")
    title = f"{TASK_PREFIX}{' '.join(text.split())}"
    recommendation.task = case_services.task_add(
        actor=actor,
        case=case,
        title=title if len(title) <= 200 else title[:199] + "…",
        owner_organisation=owner,
        due_on=due_date,
        owner=owner_person,
    )
    return save_as(recommendation, actor)


@transaction.atomic
def complaint_attach(
    *, actor: Actor, complaint: QualifyingComplaint, incident_id: int
) -> QualifyingComplaint:
    """Link a qualifying complaint typed in by hand to the case-work record of the same complaint
    (the same date of the behaviour and date of the complaint). The dates the threshold decision
    rests on do not change, so this is allowed after the decision."""
    application = complaint.application
    services._record(actor, application.partnership)
    if complaint.case_incident_id is not None:
        raise ServiceError("This complaint is already linked to case work.")
    incident = (
        case_access.incidents_visible_to(actor)
        .filter(pk=incident_id, case__partnership=application.partnership)
        .select_related("case")
        .first()
    )
    if incident is None:
        raise ServiceError("Choose a complaint from a case you can see in this partnership's case work.")
    if (incident.behaviour_on, incident.reported_on) != (complaint.behaviour_date, complaint.complaint_date):
        raise ServiceError("The case-work record has other dates: it is not the same complaint.")
    if incident.pk in selectors_casework.linked_incident_ids(actor, application):
        raise ServiceError("That case-work record is already linked to this application.")
    complaint.case_incident = incident
    complaint.case_reference = incident.case.reference
    return save_as(complaint, actor)
