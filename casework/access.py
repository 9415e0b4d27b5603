"""Who sees case work: one visibility queryset and one door per record (ADR 0008, ADR 0025).

A plan role alone sees no case work. Roles held in addition (`RoleGrant`):
- a **case worker** sees the cases their organisation leads or is involved in, and cases granted
  to them or their organisation (`CaseGrant`, until it expires); changes the case itself only when
  their organisation leads it;
- a **CSU coordinator** sees and manages every case of the partnership;
- the **data protection lead** reads every case of the partnership (audit, retention, subject
  access) and writes nothing but retention decisions.
People are visible only through a case the actor can see. Every door writes a `viewed` audit event
(`audit_reads=True`); the system actor of commands and the demo sees nothing.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from casework.models import (
    Case,
    CaseDocument,
    CaseGrant,
    CasePerson,
    CaseReviewEntry,
    CaseType,
    Confidentiality,
    Enforcement,
    Incident,
    LawfulBasis,
    Note,
    Person,
    ReviewExplanation,
    RiskAssessment,
    Task,
)
from core.access import Purpose, open_door, restricted
from core.actors import Actor, is_signed_in, is_system_actor, person_id
from partnership.models import Grant, Membership, Partnership

CASE_WORK_GRANTS = (Grant.CASE_WORKER, Grant.CSU_COORDINATOR, Grant.DATA_PROTECTION_LEAD)


@dataclass(frozen=True)
class CaseWorkRole:
    partnership_id: int
    organisation_id: int | None
    grants: frozenset[str]


def case_work_roles(actor: Actor | None) -> dict[int, CaseWorkRole]:
    """The actor's case-work roles by partnership (none for the system actor and visitors)."""
    if actor is None or not is_signed_in(actor) or is_system_actor(actor):
        return {}
    cache: dict[int, CaseWorkRole] | None = actor.__dict__.get("_csp_case_work")
    if cache is None:
        found: dict[int, set[str]] = {}
        organisations: dict[int, int | None] = {}
        rows = Membership.objects.filter(
            user_id=person_id(actor), is_active=True, grants__grant__in=CASE_WORK_GRANTS
        ).values_list("partnership_id", "organisation_id", "grants__grant")
        for partnership_id, organisation_id, grant in rows:
            found.setdefault(partnership_id, set()).add(grant)
            organisations[partnership_id] = organisation_id
        cache = {
            pid: CaseWorkRole(pid, organisations[pid], frozenset(grants)) for pid, grants in found.items()
        }
        actor.__dict__["_csp_case_work"] = cache
    return cache


def role_in(actor: Actor | None, partnership: Partnership) -> CaseWorkRole | None:
    return case_work_roles(actor).get(partnership.pk)


def has_case_work(actor: Actor | None, partnership: Partnership) -> bool:
    """Whether the actor holds any case-work role here (the menu and the two-factor rule ask)."""
    return role_in(actor, partnership) is not None


def is_csu_coordinator(actor: Actor | None, partnership: Partnership) -> bool:
    role = role_in(actor, partnership)
    return role is not None and Grant.CSU_COORDINATOR in role.grants


def is_data_protection_lead(actor: Actor | None, partnership: Partnership) -> bool:
    role = role_in(actor, partnership)
    return role is not None and Grant.DATA_PROTECTION_LEAD in role.grants


def _partnerships_with(actor: Actor, *grants: str) -> list[int]:
    return [pid for pid, role in case_work_roles(actor).items() if role.grants & set(grants)]


def _worker_organisations(actor: Actor) -> list[tuple[int, int]]:
    """(partnership, organisation) for each partnership where the actor is a case worker."""
    return [
        (pid, role.organisation_id)
        for pid, role in case_work_roles(actor).items()
        if Grant.CASE_WORKER in role.grants and role.organisation_id is not None
    ]


def _today() -> datetime.date:
    return timezone.localdate()


@restricted(Case, partnership="partnership", audit_reads=True)
def cases_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Case]:
    """VIEW: read; REPORT: add records to it (people, risk, incidents, tasks, notes, documents,
    enforcement); MANAGE: change the case itself, its status and its grants."""
    roles = case_work_roles(actor)
    if not roles:
        return Case.objects.none()
    everything = [Grant.CSU_COORDINATOR] + ([Grant.DATA_PROTECTION_LEAD] if for_ == Purpose.VIEW else [])
    rule = Q(partnership_id__in=_partnerships_with(actor, *everything))
    workers = _worker_organisations(actor)
    if workers:
        own = [org for _, org in workers]
        in_worker_partnership = Q(partnership_id__in=[pid for pid, _ in workers])
        related = Q(lead_organisation_id__in=own)
        if for_ != Purpose.MANAGE:
            involved = Case.involved_organisations.through.objects.filter(organisation_id__in=own)
            granted = CaseGrant.objects.filter(
                Q(user_id=person_id(actor)) | Q(organisation_id__in=own), expires_on__gte=_today()
            )
            related |= Q(pk__in=involved.values("case_id")) | Q(pk__in=granted.values("case_id"))
        rule |= in_worker_partnership & related
    return Case.objects.filter(rule)


def access_case_by_id(
    actor: Actor, case_id: object, *, for_: Purpose = Purpose.VIEW, partnership: Partnership | None = None
) -> Case:
    return open_door(
        Case,
        actor,
        case_id,
        for_=for_,
        within={"partnership": partnership} if partnership is not None else None,
        queryset=lambda qs: qs.select_related("case_type", "lead_organisation", "partnership"),
    )


def _cases(actor: Actor, for_: Purpose) -> QuerySet[Case]:
    return cases_visible_to(actor, for_=for_)


def _case_child(model: Any, actor: Actor, for_: Purpose) -> Any:
    # Writers of a case's records need REPORT on the case; nobody "manages" a child more than that.
    return model.objects.filter(
        case__in=_cases(actor, Purpose.VIEW if for_ == Purpose.VIEW else Purpose.REPORT)
    )


def _within_case(case: Case | None) -> dict[str, object] | None:
    return {"case": case} if case is not None else None


@restricted(Person, partnership="partnership", audit_reads=True)
def people_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Person]:
    """Only through a case the actor can see (VIEW) or add to (REPORT, MANAGE: change the person)."""
    purpose = Purpose.VIEW if for_ == Purpose.VIEW else Purpose.REPORT
    links = CasePerson.objects.filter(case__in=_cases(actor, purpose))
    return Person.objects.filter(pk__in=links.values("person_id"))


def access_person_by_id(
    actor: Actor, person_id_: object, *, for_: Purpose = Purpose.VIEW, partnership: Partnership | None = None
) -> Person:
    return open_door(
        Person,
        actor,
        person_id_,
        for_=for_,
        within={"partnership": partnership} if partnership is not None else None,
        queryset=lambda qs: qs.select_related("lawful_basis"),
    )


@restricted(CasePerson, partnership="case__partnership", audit_reads=True)
def case_people_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[CasePerson]:
    return _case_child(CasePerson, actor, for_)


def access_case_person_by_id(
    actor: Actor, link_id: object, *, for_: Purpose = Purpose.VIEW, case: Case | None = None
) -> CasePerson:
    return open_door(CasePerson, actor, link_id, for_=for_, within=_within_case(case))


@restricted(RiskAssessment, partnership="case__partnership", audit_reads=True)
def risk_assessments_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[RiskAssessment]:
    return _case_child(RiskAssessment, actor, for_)


def access_risk_assessment_by_id(
    actor: Actor, assessment_id: object, *, for_: Purpose = Purpose.VIEW, case: Case | None = None
) -> RiskAssessment:
    return open_door(RiskAssessment, actor, assessment_id, for_=for_, within=_within_case(case))


@restricted(Incident, partnership="case__partnership", audit_reads=True)
def incidents_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Incident]:
    return _case_child(Incident, actor, for_)


def access_incident_by_id(
    actor: Actor, incident_id: object, *, for_: Purpose = Purpose.VIEW, case: Case | None = None
) -> Incident:
    return open_door(Incident, actor, incident_id, for_=for_, within=_within_case(case))


@restricted(Task, partnership="case__partnership", audit_reads=True)
def tasks_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Task]:
    return _case_child(Task, actor, for_)


def access_task_by_id(
    actor: Actor, task_id: object, *, for_: Purpose = Purpose.VIEW, case: Case | None = None
) -> Task:
    return open_door(Task, actor, task_id, for_=for_, within=_within_case(case))


@restricted(Note, partnership="case__partnership", audit_reads=True)
def notes_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Note]:
    """Notes "lead organisation only" are read by the lead organisation's case workers, CSU
    coordinators and the data protection lead, not by involved organisations or grantees."""
    visible = _case_child(Note, actor, for_)
    lead_cases = Case.objects.filter(
        Q(partnership_id__in=_partnerships_with(actor, Grant.CSU_COORDINATOR, Grant.DATA_PROTECTION_LEAD))
        | Q(
            partnership_id__in=[pid for pid, _ in _worker_organisations(actor)],
            lead_organisation_id__in=[org for _, org in _worker_organisations(actor)],
        )
    )
    return visible.filter(Q(confidentiality=Confidentiality.CASE_MEMBERS) | Q(case__in=lead_cases))


def access_note_by_id(
    actor: Actor, note_id: object, *, for_: Purpose = Purpose.VIEW, case: Case | None = None
) -> Note:
    return open_door(Note, actor, note_id, for_=for_, within=_within_case(case))


@restricted(CaseDocument, partnership="case__partnership", audit_reads=True)
def case_documents_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[CaseDocument]:
    return _case_child(CaseDocument, actor, for_)


def access_case_document_by_id(
    actor: Actor, document_id: object, *, for_: Purpose = Purpose.VIEW, case: Case | None = None
) -> CaseDocument:
    return open_door(CaseDocument, actor, document_id, for_=for_, within=_within_case(case))


@restricted(Enforcement, partnership="case__partnership", audit_reads=True)
def enforcements_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Enforcement]:
    return _case_child(Enforcement, actor, for_)


def access_enforcement_by_id(
    actor: Actor, enforcement_id: object, *, for_: Purpose = Purpose.VIEW, case: Case | None = None
) -> Enforcement:
    return open_door(Enforcement, actor, enforcement_id, for_=for_, within=_within_case(case))


@restricted(CaseGrant, partnership="case__partnership", audit_reads=True)
def case_grants_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[CaseGrant]:
    """Those who manage the case (and, to read, the data protection lead) see its grants."""
    managed = Q(case__in=_cases(actor, Purpose.MANAGE))
    if for_ == Purpose.VIEW:
        managed |= Q(case__partnership_id__in=_partnerships_with(actor, Grant.DATA_PROTECTION_LEAD))
    return CaseGrant.objects.filter(managed)


def access_case_grant_by_id(
    actor: Actor, grant_id: object, *, for_: Purpose = Purpose.VIEW, case: Case | None = None
) -> CaseGrant:
    return open_door(CaseGrant, actor, grant_id, for_=for_, within=_within_case(case))


def _settings_rule(actor: Actor, for_: Purpose) -> list[int]:
    if for_ == Purpose.VIEW:
        return list(case_work_roles(actor))
    return _partnerships_with(actor, Grant.CSU_COORDINATOR)


@restricted(CaseType, partnership="partnership")
def case_types_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[CaseType]:
    """Anyone with a case-work role reads the partnership's case types; CSU coordinators manage them."""
    return CaseType.objects.filter(partnership_id__in=_settings_rule(actor, for_))


def access_case_type_by_id(
    actor: Actor, type_id: object, *, for_: Purpose = Purpose.VIEW, partnership: Partnership | None = None
) -> CaseType:
    within = {"partnership": partnership} if partnership is not None else None
    return open_door(CaseType, actor, type_id, for_=for_, within=within)


@restricted(LawfulBasis, partnership="partnership")
def lawful_bases_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[LawfulBasis]:
    return LawfulBasis.objects.filter(partnership_id__in=_settings_rule(actor, for_))


def access_lawful_basis_by_id(
    actor: Actor, basis_id: object, *, for_: Purpose = Purpose.VIEW, partnership: Partnership | None = None
) -> LawfulBasis:
    within = {"partnership": partnership} if partnership is not None else None
    return open_door(LawfulBasis, actor, basis_id, for_=for_, within=within)


@restricted(ReviewExplanation, partnership="case__partnership", audit_reads=True)
def review_explanations_visible_to(
    actor: Actor, *, for_: Purpose = Purpose.VIEW
) -> QuerySet[ReviewExplanation]:
    """Everyone who sees the case sees that the ASB Case Review was explained; those who may add
    to the case record it."""
    return _case_child(ReviewExplanation, actor, for_)


def access_review_explanation_by_id(
    actor: Actor, explanation_id: object, *, for_: Purpose = Purpose.VIEW, case: Case | None = None
) -> ReviewExplanation:
    return open_door(ReviewExplanation, actor, explanation_id, for_=for_, within=_within_case(case))


@restricted(CaseReviewEntry, partnership="case__partnership", audit_reads=True)
def case_review_entries_visible_to(
    actor: Actor, *, for_: Purpose = Purpose.VIEW
) -> QuerySet[CaseReviewEntry]:
    """What was recorded for a case at a case-review meeting (ADR 0031) follows its note or task, so
    minutes marked "lead organisation only" stay hidden from involved organisations."""
    notes = notes_visible_to(actor, for_=for_)
    tasks = tasks_visible_to(actor, for_=for_)
    return CaseReviewEntry.objects.filter(Q(note__in=notes.values("pk")) | Q(task__in=tasks.values("pk")))


def access_case_review_entry_by_id(
    actor: Actor, entry_id: object, *, for_: Purpose = Purpose.VIEW, case: Case | None = None
) -> CaseReviewEntry:
    return open_door(CaseReviewEntry, actor, entry_id, for_=for_, within=_within_case(case))
