"""Changing ASB Case Reviews: each service checks access itself, runs in a transaction and saves
with `core.history.save_as` so the history and the audit log name the actor."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from casereviews import access, selectors, threshold
from casereviews.models import (
    ApplicantKind,
    Application,
    ApplicationRoute,
    DiscretionaryRoute,
    DissatisfactionReview,
    FiguresPublication,
    Involvement,
    Procedure,
    QualifyingComplaint,
    Recommendation,
    Review,
    ReviewAttendee,
    ThresholdDecision,
    ThresholdSetting,
)
from core.actors import Actor, is_signed_in, is_system_actor, person_id
from core.errors import AccessDenied, ServiceError
from core.history import save_as
from partnership.models import Organisation, Partnership
from planning.models import YEAR_SLUG_VALIDATOR


def _who(actor: Actor) -> Actor | None:
    """The actor history rows name: nobody for an anonymous visitor of the public form."""
    return actor if getattr(actor, "is_authenticated", False) or is_system_actor(actor) else None


def _not_future(day: datetime.date | None, what: str) -> None:
    """Steps are recorded once they have happened (the figures count them by these dates)."""
    if day is not None and day > timezone.localdate():
        raise ServiceError(f"The {what} cannot be in the future: record it once it has happened.")


def _require(allowed: bool) -> None:
    if not allowed:
        raise AccessDenied("You cannot do this.")


def _record(actor: Actor, partnership: Partnership) -> None:
    _require(access.can_record(actor, partnership))


# --- The local procedure. ---

PROCEDURE_FIELDS = {
    "individuals_may_apply",
    "businesses_may_apply",
    "groups_may_apply",
    "incident_counts_once",
    "acknowledgement_days",
    "decision_days",
    "meeting_days",
    "letter_days",
    "chair_independent",
    "dissatisfaction_body",
}


@transaction.atomic
def procedure_save(*, actor: Actor, partnership: Partnership, **fields: Any) -> Procedure:
    _require(access.can_set_procedure(actor, partnership))
    unknown = set(fields) - PROCEDURE_FIELDS
    if unknown:
        raise ServiceError(f"Unknown procedure fields: {', '.join(sorted(unknown))}.")
    if not any(
        fields.get(k, True) for k in ("individuals_may_apply", "businesses_may_apply", "groups_may_apply")
    ):
        raise ServiceError("Choose at least one kind of applicant who may apply.")
    for name in ("acknowledgement_days", "decision_days", "meeting_days", "letter_days"):
        if name in fields and not 1 <= int(fields[name]) <= 100:
            raise ServiceError("Give each step between 1 and 100 working days.")
    procedure = Procedure.objects.select_for_update().filter(partnership=partnership).first()
    procedure = procedure or Procedure(partnership=partnership)
    for name, value in fields.items():
        setattr(procedure, name, value)
    return save_as(procedure, actor)


@transaction.atomic
def threshold_setting_add(
    *, actor: Actor, partnership: Partnership, effective_from: datetime.date, count: int, note: str = ""
) -> ThresholdSetting:
    _require(access.can_set_procedure(actor, partnership))
    try:
        threshold.validate_local_count(count)
    except threshold.LocalCountRefused as refused:
        raise ServiceError(str(refused)) from refused
    if ThresholdSetting.objects.filter(partnership=partnership, effective_from=effective_from).exists():
        raise ServiceError(
            f"A local number already starts on {effective_from:%-d %B %Y}: choose another date."
        )
    return save_as(
        ThresholdSetting(partnership=partnership, effective_from=effective_from, count=count, note=note),
        actor,
    )


@transaction.atomic
def route_add(
    *, actor: Actor, partnership: Partnership, kind: str, number: int, name: str = ""
) -> DiscretionaryRoute:
    _require(access.can_set_procedure(actor, partnership))
    if kind not in threshold.RouteKind.__members__.values():
        raise ServiceError("Choose the kind of route from the list.")
    if not 1 <= number <= 20:
        raise ServiceError("Give the route a number between 1 and 20.")
    return save_as(DiscretionaryRoute(partnership=partnership, kind=kind, number=number, name=name), actor)


@transaction.atomic
def route_set_active(*, actor: Actor, route: DiscretionaryRoute, active: bool) -> DiscretionaryRoute:
    _require(access.can_set_procedure(actor, route.partnership))
    route.is_active = active
    return save_as(route, actor)


# --- Applications. ---


@dataclass(frozen=True)
class ComplaintInput:
    behaviour_date: datetime.date
    complaint_date: datetime.date
    organisation: Organisation | None = None
    organisation_name: str = ""
    reference: str = ""
    complainant: str = ""
    incident: str = ""
    issue: str = ""
    hate_incident: bool = False


def _next_reference(partnership: Partnership, day: datetime.date) -> str:
    prefix = f"ACR-{day.year}-"
    taken = set(
        Application.objects.filter(partnership=partnership, reference__startswith=prefix).values_list(
            "reference", flat=True
        )
    )
    number = len(taken) + 1
    while f"{prefix}{number:04d}" in taken:
        number += 1
    return f"{prefix}{number:04d}"


def _check_applicant(partnership: Partnership, fields: dict[str, Any]) -> None:
    procedure = selectors.procedure_of(partnership)
    kind = fields.get("applicant_kind", ApplicantKind.INDIVIDUAL)
    allowed = {
        ApplicantKind.INDIVIDUAL: procedure.individuals_may_apply,
        ApplicantKind.BUSINESS: procedure.businesses_may_apply,
        ApplicantKind.GROUP: procedure.groups_may_apply,
    }
    if kind not in allowed:
        raise ServiceError("Choose who is applying from the list.")
    if not allowed[kind]:
        label = ApplicantKind(kind).label.lower()
        raise ServiceError(f"This partnership's procedure does not take applications from {label}.")
    if not str(fields.get("applicant_name", "")).strip():
        raise ServiceError("Enter the applicant's name.")
    if not str(fields.get("description", "")).strip():
        raise ServiceError("Describe what has been happening.")
    if fields.get("on_behalf"):
        if not str(fields.get("victim_name", "")).strip():
            raise ServiceError("Enter the name of the victim the application is made for.")
        if not fields.get("victim_consent"):
            raise ServiceError("An application on someone's behalf needs the victim's consent (s.104(1)(a)).")


APPLICATION_FIELDS = {
    "applicant_kind",
    "applicant_name",
    "applicant_email",
    "applicant_phone",
    "applicant_address",
    "on_behalf",
    "victim_name",
    "victim_consent",
    "description",
    "is_example",
}


def _complaint(
    application: Application, item: ComplaintInput, actor: Actor, example: bool
) -> QualifyingComplaint:
    if item.organisation is not None and item.organisation.partnership_id != application.partnership_id:
        raise ServiceError("Choose an organisation of this partnership.")
    if item.complaint_date < item.behaviour_date:
        raise ServiceError("The date of the complaint cannot be before the date of the behaviour.")
    if item.complaint_date > application.application_date:
        raise ServiceError("The date of a complaint cannot be after the date of the application.")
    return save_as(
        QualifyingComplaint(application=application, is_example=example, **item.__dict__),
        _who(actor),
    )


def _create(
    *,
    actor: Actor,
    partnership: Partnership,
    route: str,
    application_date: datetime.date,
    complaints: list[ComplaintInput],
    fields: dict[str, Any],
) -> Application:
    unknown = set(fields) - APPLICATION_FIELDS
    if unknown:
        raise ServiceError(f"Unknown application fields: {', '.join(sorted(unknown))}.")
    if route not in ApplicationRoute.values:
        raise ServiceError("Choose how the application was made from the list.")
    _check_applicant(partnership, fields)
    application = save_as(
        Application(
            partnership=partnership,
            reference=_next_reference(partnership, application_date),
            route=route,
            application_date=application_date,
            **fields,
        ),
        _who(actor),
    )
    for item in complaints:
        _complaint(application, item, actor, bool(fields.get("is_example")))
    return application


@transaction.atomic
def application_submit_public(
    *, actor: Actor, partnership: Partnership, complaints: list[ComplaintInput], **fields: Any
) -> Application:
    """The public form: anyone may apply to any partnership (no sign-in). The date is today's."""
    if fields.get("is_example"):
        raise ServiceError("The public form cannot make example records.")
    return _create(
        actor=actor,
        partnership=partnership,
        route=ApplicationRoute.PUBLIC_FORM,
        application_date=timezone.localdate(),
        complaints=complaints,
        fields=fields,
    )


@transaction.atomic
def application_record(
    *,
    actor: Actor,
    partnership: Partnership,
    route: str,
    application_date: datetime.date,
    complaints: list[ComplaintInput] | None = None,
    **fields: Any,
) -> Application:
    """An officer enters an application made by phone, letter, in person or referred by an officer."""
    _record(actor, partnership)
    if route == ApplicationRoute.PUBLIC_FORM:
        raise ServiceError(
            "Online applications come in through the public form; choose how this one was made."
        )
    if application_date > timezone.localdate():
        raise ServiceError("The application date cannot be in the future.")
    return _create(
        actor=actor,
        partnership=partnership,
        route=route,
        application_date=application_date,
        complaints=complaints or [],
        fields=fields,
    )


@transaction.atomic
def application_acknowledge(*, actor: Actor, application: Application, on: datetime.date) -> Application:
    _record(actor, application.partnership)
    if on < application.application_date:
        raise ServiceError("The acknowledgement cannot be dated before the application.")
    _not_future(on, "date of the acknowledgement")
    application.acknowledged_on = on
    return save_as(application, actor)


@transaction.atomic
def application_set_contact(
    *, actor: Actor, application: Application, contact_officer: str, involvement: str
) -> Application:
    _record(actor, application.partnership)
    if involvement not in Involvement.values:
        raise ServiceError("Choose the applicant's involvement from the list.")
    application.contact_officer = contact_officer
    application.involvement = involvement
    return save_as(application, actor)


@transaction.atomic
def complaint_add(
    *, actor: Actor, application: Application, complaint: ComplaintInput
) -> QualifyingComplaint:
    _record(actor, application.partnership)
    if (
        hasattr(application, "decision")
        and ThresholdDecision.objects.filter(application=application).exists()
    ):
        raise ServiceError("The threshold has been decided: complaints can no longer be added.")
    return _complaint(application, complaint, actor, application.is_example)


# --- The threshold decision. ---


@transaction.atomic
def threshold_decide(
    *,
    actor: Actor,
    application: Application,
    decided_on: datetime.date,
    officer_met: bool | None = None,
    reasons: str = "",
) -> ThresholdDecision:
    """Record the engine's decision, or with `officer_met` a different one (only outside s.104(4),
    with reasons)."""
    _record(actor, application.partnership)
    if application.acknowledged_on is None:
        raise ServiceError("Acknowledge the application before deciding on the threshold.")
    if decided_on < application.acknowledged_on:
        raise ServiceError("The decision cannot be dated before the acknowledgement.")
    _not_future(decided_on, "date of the decision")
    if Review.objects.filter(application=application).exists():
        raise ServiceError("A review has been recorded: the threshold decision can no longer change.")
    complaints = list(
        QualifyingComplaint.objects.filter(application=application).select_related("organisation")
    )
    engine = threshold.decide(
        application.application_date,
        selectors.engine_complaints(complaints),
        selectors.rules_for(application.partnership, application.application_date),
    )
    differs = officer_met is not None and officer_met != engine.met
    if differs and not engine.officer_may_differ:
        raise ServiceError(
            "The threshold must be met: there are enough qualifying complaints (s.104(4)). A different "
            "decision is possible only on the local discretionary routes."
        )
    if differs and not reasons.strip():
        raise ServiceError("Give the reasons for deciding differently from the rules.")
    decision = ThresholdDecision.objects.filter(application=application).first() or ThresholdDecision(
        application=application
    )
    decision.decided_on = decided_on
    decision.engine_met = engine.met
    decision.met = officer_met if differs and officer_met is not None else engine.met
    decision.rule = engine.rule[:300]
    decision.explanation = "\n".join(engine.explanation)
    decision.complaint_ids = list(engine.complaint_ids)
    decision.officer_differs = differs
    decision.reasons = reasons.strip() if differs else ""
    decision.decided_by_id = person_id(actor) if is_signed_in(actor) else None
    decision.is_example = application.is_example
    return save_as(decision, actor)


# --- The review. ---

REVIEW_FIELDS = {
    "meeting_date",
    "chair_name",
    "chair_organisation",
    "chair_independent",
    "case_history",
    "applicant_views",
    "outcome",
    "outcome_letter_date",
}


@transaction.atomic
def review_save(*, actor: Actor, application: Application, **fields: Any) -> Review:
    _record(actor, application.partnership)
    unknown = set(fields) - REVIEW_FIELDS
    if unknown:
        raise ServiceError(f"Unknown review fields: {', '.join(sorted(unknown))}.")
    decision = ThresholdDecision.objects.filter(application=application).first()
    if decision is None or not decision.met:
        raise ServiceError("A review is held only when the threshold is met: record that decision first.")
    review = Review.objects.filter(application=application).first() or Review(application=application)
    for name, value in fields.items():
        setattr(review, name, value)
    _not_future(review.meeting_date, "date of the review meeting")
    _not_future(review.outcome_letter_date, "date of the outcome letter")
    if review.meeting_date and review.meeting_date < decision.decided_on:
        raise ServiceError("The review meeting cannot be dated before the threshold decision.")
    if review.outcome_letter_date and not review.meeting_date:
        raise ServiceError("Record the date of the review meeting before the outcome letter.")
    if (
        review.outcome_letter_date
        and review.meeting_date
        and review.outcome_letter_date < review.meeting_date
    ):
        raise ServiceError("The outcome letter cannot be dated before the review meeting.")
    procedure = selectors.procedure_of(application.partnership)
    if procedure.chair_independent and review.chair_name and not review.chair_independent:
        raise ServiceError("The partnership's procedure asks for an independent chair.")
    review.is_example = application.is_example
    return save_as(review, actor)


def _same_partnership(review: Review, organisation: Organisation) -> None:
    if organisation.partnership_id != review.application.partnership_id:
        raise ServiceError("Choose an organisation of this partnership.")


@transaction.atomic
def attendee_add(
    *, actor: Actor, review: Review, organisation: Organisation, name: str, role: str = ""
) -> ReviewAttendee:
    _record(actor, review.application.partnership)
    _same_partnership(review, organisation)
    if not name.strip():
        raise ServiceError("Enter the attendee's name.")
    return save_as(
        ReviewAttendee(
            review=review, organisation=organisation, name=name, role=role, is_example=review.is_example
        ),
        actor,
    )


@transaction.atomic
def recommendation_add(
    *,
    actor: Actor,
    review: Review,
    text: str,
    owner: Organisation,
    made_on: datetime.date,
    due_date: datetime.date,
) -> Recommendation:
    _record(actor, review.application.partnership)
    _same_partnership(review, owner)
    if not text.strip():
        raise ServiceError("Enter the recommendation.")
    if review.meeting_date is None or made_on < review.meeting_date:
        raise ServiceError(
            "A recommendation is made at or after the review meeting: record the meeting first."
        )
    _not_future(made_on, "date of the recommendation")
    if due_date < made_on:
        raise ServiceError("The due date cannot be before the date of the recommendation.")
    if due_date > made_on + datetime.timedelta(days=3 * 366):
        raise ServiceError("Give a due date within three years of the recommendation.")
    return save_as(
        Recommendation(
            review=review,
            text=text,
            owner=owner,
            made_on=made_on,
            due_date=due_date,
            is_example=review.is_example,
        ),
        actor,
    )


# --- Dissatisfied applicants. ---


@transaction.atomic
def dissatisfaction_add(
    *, actor: Actor, application: Application, received_on: datetime.date, grounds: str
) -> DissatisfactionReview:
    _record(actor, application.partnership)
    if not grounds.strip():
        raise ServiceError("Enter the grounds of the request.")
    if received_on < application.application_date:
        raise ServiceError("The request cannot be dated before the application.")
    _not_future(received_on, "date the request was received")
    body = selectors.procedure_of(application.partnership).dissatisfaction_body
    return save_as(
        DissatisfactionReview(
            application=application,
            received_on=received_on,
            grounds=grounds,
            heard_by=body,
            is_example=application.is_example,
        ),
        actor,
    )


@transaction.atomic
def dissatisfaction_decide(
    *, actor: Actor, request: DissatisfactionReview, heard_by: str, decision: str, decided_on: datetime.date
) -> DissatisfactionReview:
    _record(actor, request.application.partnership)
    if not decision.strip():
        raise ServiceError("Enter the decision.")
    if decided_on < request.received_on:
        raise ServiceError("The decision cannot be dated before the request.")
    _not_future(decided_on, "date of the decision")
    request.heard_by, request.decision, request.decided_on = heard_by, decision, decided_on
    return save_as(request, actor)


# --- Publishing the year's figures. ---


@transaction.atomic
def figures_publish(*, actor: Actor, partnership: Partnership, year: str) -> FiguresPublication:
    _require(access.can_publish_figures(actor, partnership))
    try:
        YEAR_SLUG_VALIDATOR(year)
    except Exception as error:
        raise ServiceError("Give the plan year as 2019-20.") from error
    if int(year[5:]) != (int(year[:4]) + 1) % 100:
        raise ServiceError("Give the plan year as 2019-20.")
    found = FiguresPublication.objects.filter(partnership=partnership, year=year).first()
    if found is not None:
        return found
    return save_as(
        FiguresPublication(
            partnership=partnership,
            year=year,
            published_by_id=person_id(actor) if is_signed_in(actor) else None,
        ),
        actor,
    )
