"""Retention and subject access: the data protection lead's work.

A closed case falls due for review `retention_years` after closure (a local setting, not law). The
data protection lead either **anonymises** it (people who are in no other case lose everything that
identifies them, notes and incident descriptions are removed, documents deleted; the case type,
dates, status and enforcement kinds stay, so the yearly totals still add up) or **deletes** it (and
the people in no other case). Either leaves one audit event with counts, never content.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from casework import access, rules
from casework.models import (
    Case,
    CaseDocument,
    CasePerson,
    CaseStatus,
    Consent,
    Enforcement,
    Incident,
    Note,
    Person,
    RiskAssessment,
    Task,
)
from core.access import NotFound
from core.actors import Actor
from core.audit import audit_record
from core.errors import AccessDenied, ServiceError
from core.history import save_as
from core.models import AuditEvent, AuditEventType
from partnership.models import Partnership

ANONYMISED = "Anonymised"


@dataclass(frozen=True)
class Due:
    case: Case
    due_on: datetime.date


def _require_dpo(actor: Actor, partnership: Partnership) -> None:
    if not access.is_data_protection_lead(actor, partnership):
        raise AccessDenied("Only the data protection lead reviews retention and subject access.")


def retention_due(actor: Actor, partnership: Partnership, today: datetime.date | None = None) -> list[Due]:
    """Closed cases whose retention review day has come, oldest first (the data protection lead only)."""
    if not access.is_data_protection_lead(actor, partnership):
        return []
    today = today or timezone.localdate()
    closed = (
        access.cases_visible_to(actor)
        .filter(partnership=partnership, status=CaseStatus.CLOSED, closed_on__isnull=False)
        .exclude(summary=ANONYMISED)
        .select_related("case_type")
    )
    due = [
        Due(case, rules.retention_review_on(case.closed_on, case.case_type.retention_years))
        for case in closed
        if case.closed_on is not None
    ]
    return sorted((d for d in due if d.due_on <= today), key=lambda d: (d.due_on, d.case.pk))


def _counts(case: Case) -> dict[str, int]:
    return {
        "people in the case": CasePerson.objects.filter(case=case).count(),
        "risk assessments": RiskAssessment.objects.filter(case=case).count(),
        "incidents": Incident.objects.filter(case=case).count(),
        "tasks": Task.objects.filter(case=case).count(),
        "notes": Note.objects.filter(case=case).count(),
        "documents": CaseDocument.objects.filter(case=case).count(),
        "enforcement": Enforcement.objects.filter(case=case).count(),
    }


def _only_here(case: Case) -> list[Person]:
    """People of the case who are in no other case."""
    ids = CasePerson.objects.filter(case=case).values("person_id")
    elsewhere = CasePerson.objects.filter(person_id__in=ids).exclude(case=case).values("person_id")
    return list(Person.objects.filter(pk__in=ids).exclude(pk__in=elsewhere))


def _due_case(actor: Actor, case: Case) -> Case:
    _require_dpo(actor, case.partnership)
    try:
        case = access.access_case_by_id(actor, case.pk, partnership=case.partnership)
    except NotFound as error:
        raise AccessDenied("You cannot review this case.") from error
    if not any(d.case.pk == case.pk for d in retention_due(actor, case.partnership)):
        raise ServiceError(f"Case {case.reference} is not due for retention review.")
    return case


def _delete_documents(case: Case) -> int:
    documents = list(CaseDocument.objects.filter(case=case))
    for document in documents:
        if document.file.name:
            document.file.storage.delete(document.file.name)
        document.delete()
    return len(documents)


@transaction.atomic
def case_retention_delete(*, actor: Actor, case: Case) -> dict[str, int]:
    case = _due_case(actor, case)
    counts = _counts(case)
    people = _only_here(case)
    counts["people deleted (in no other case)"] = len(people)
    reference, pk, partnership = case.reference, case.pk, case.partnership
    _delete_documents(case)
    Enforcement.objects.filter(case=case).delete()
    case._history_user = actor  # type: ignore[attr-defined]
    case.delete()
    for person in people:
        person._history_user = actor  # type: ignore[attr-defined]
        person.delete()
    audit_record(
        actor=actor,
        event=AuditEventType.DELETED,
        partnership=partnership,
        object_type="casework.case",
        object_id=pk,
        purpose=f"retention review: case {reference} deleted",
        detail=counts,
    )
    return counts


@transaction.atomic
def case_retention_anonymise(*, actor: Actor, case: Case) -> dict[str, int]:
    case = _due_case(actor, case)
    counts = _counts(case)
    people = _only_here(case)
    for person in people:
        for name in ("aliases", "addresses", "phone", "email", "preferred_contact", "consent_recorded_by"):
            setattr(person, name, "")
        for name in ("health", "ethnicity", "religion", "sexuality"):
            setattr(person, name, "")
            setattr(person, f"{name}_reason", "")
        person.first_names, person.last_name = ANONYMISED, f"person {person.pk}"
        person.date_of_birth, person.consent_date, person.vulnerabilities = None, None, []
        person.consent = Consent.NOT_ASKED
        save_as(person, actor)
    removed = "(removed at retention review)"
    Note.objects.filter(case=case).update(text=removed, author="")
    Incident.objects.filter(case=case).update(description=removed, location="", reference="")
    Task.objects.filter(case=case).update(title=removed, owner=None)
    Enforcement.objects.filter(case=case).update(conduct=removed, outcome="")
    counts["documents deleted"] = _delete_documents(case)
    counts["people anonymised (in no other case)"] = len(people)
    case.summary = ANONYMISED
    save_as(case, actor)
    audit_record(
        actor=actor,
        event=AuditEventType.CHANGED,
        partnership=case.partnership,
        obj=case,
        purpose=f"retention review: case {case.reference} anonymised",
        detail=counts,
    )
    return counts


# --- Subject access ---


def subject_access(actor: Actor, person: Person) -> dict[str, Any]:
    """Everything held about a person, with who saw it, and third parties marked for redaction.

    The data protection lead only; the export itself is audited (`exported`)."""
    _require_dpo(actor, person.partnership)
    try:
        person = access.access_person_by_id(actor, person.pk, partnership=person.partnership)
    except NotFound as error:
        raise AccessDenied("You cannot export this person's data.") from error
    links = list(
        CasePerson.objects.filter(person=person).select_related(
            "case", "case__case_type", "case__lead_organisation"
        )
    )
    case_ids = [link.case_id for link in links]
    others = list(
        CasePerson.objects.filter(case_id__in=case_ids).exclude(person=person).select_related("person")
    )
    # A third party is named by their full name, a first name or a last name (3 letters or more).
    other_names = {str(link.person) for link in others} | {
        part
        for link in others
        for part in (link.person.first_names, link.person.last_name)
        if len(part) > 2
        and part.casefold() not in {person.first_names.casefold(), person.last_name.casefold()}
    }

    def mark(text: str) -> dict[str, Any]:
        named = sorted(name for name in other_names if name and name.casefold() in text.casefold())
        return {"text": text, "review_for_third_parties": bool(named), "third_party_names": named}

    wanted = Q(object_type="casework.person", object_id=str(person.pk)) | Q(
        object_type="casework.case", object_id__in=[str(pk) for pk in case_ids]
    )
    seen = AuditEvent.objects.filter(
        wanted,
        partnership_id=person.partnership_id,
        event_type__in=[
            AuditEventType.VIEWED,
            AuditEventType.EXPORTED,
            AuditEventType.CHANGED,
            AuditEventType.CREATED,
        ],
    )
    audit = [
        {
            "when": event.occurred_at.isoformat(),
            "who": event.actor_username or "(system)",
            "what": event.get_event_type_display(),
            "record": f"{event.object_type} {event.object_id}",
        }
        for event in seen.order_by("occurred_at")[:5000]
    ]
    data = {
        "person": {
            "reference": f"P{person.pk:06d}",
            "first_names": person.first_names,
            "last_name": person.last_name,
            "aliases": person.aliases,
            "date_of_birth": person.date_of_birth.isoformat() if person.date_of_birth else None,
            "addresses": person.addresses.splitlines(),
            "phone": person.phone,
            "email": person.email,
            "preferred_contact": person.get_preferred_contact_display(),
            "vulnerabilities": person.vulnerability_labels,
            "special_categories": [
                {"category": c, "recorded": v, "reason": r} for c, v, r in person.special_categories
            ],
            "consent_to_share": person.get_consent_display(),
            "consent_date": person.consent_date.isoformat() if person.consent_date else None,
            "consent_recorded_by": person.consent_recorded_by,
            "lawful_basis": person.lawful_basis.name if person.lawful_basis else None,
            "example_data": person.example,
        },
        "cases": [
            {
                "reference": link.case.reference,
                "type": link.case.case_type.name,
                "role": link.get_role_display(),
                "lead_organisation": link.case.lead_organisation.name,
                "status": link.case.get_status_display(),
                "opened_on": link.case.opened_on.isoformat(),
                "closed_on": link.case.closed_on.isoformat() if link.case.closed_on else None,
                "summary": mark(link.case.summary),
                "other_people": [
                    {"role": o.get_role_display(), "name": str(o.person), "redact": True}
                    for o in others
                    if o.case_id == link.case_id
                ],
                "incidents": [
                    {
                        "kind": i.get_kind_display(),
                        "behaviour_on": i.behaviour_on.isoformat(),
                        "reported_on": i.reported_on.isoformat(),
                        "description": mark(i.description),
                        "location": i.location,
                    }
                    for i in Incident.objects.filter(case=link.case)
                ],
                "notes": [
                    {
                        "written": n.created.isoformat(),
                        "confidentiality": n.get_confidentiality_display(),
                        **mark(n.text),
                    }
                    for n in Note.objects.filter(case=link.case)
                ],
                "documents": [
                    {"title": d.title, "added": d.created.isoformat(), "size_bytes": d.size}
                    for d in CaseDocument.objects.filter(case=link.case)
                ],
            }
            for link in links
        ],
        "enforcement": [
            {
                "kind": e.get_kind_display(),
                "case": e.case.reference,
                "issued_on": e.issued_on.isoformat(),
                "issuing_organisation": e.issuing_organisation.name,
                "conduct": e.conduct,
                "outcome": e.outcome,
                "amount": str(e.amount) if e.amount is not None else None,
            }
            for e in Enforcement.objects.filter(person=person).select_related("case", "issuing_organisation")
        ],
        "who_saw_it": audit,
    }
    audit_record(
        actor=actor,
        event=AuditEventType.EXPORTED,
        partnership=person.partnership,
        obj=person,
        purpose="subject access export",
        detail={"cases": len(links), "audit_events": len(audit)},
    )
    return data
