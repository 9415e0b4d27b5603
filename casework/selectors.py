"""Reads for case-work pages: lists and searches over the visibility querysets, and the yearly
totals (counts only, for the whole partnership, never a case's content)."""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from casework import access
from casework.models import (
    Case,
    CaseDocument,
    CaseGrant,
    CasePerson,
    CaseStatus,
    CaseType,
    Enforcement,
    EnforcementKind,
    Incident,
    LawfulBasis,
    Note,
    Person,
    RiskAssessment,
    Task,
)
from core.access import audit_search
from core.actors import Actor
from partnership.models import Partnership


def case_search(
    actor: Actor, partnership: Partnership, *, text: str = "", status: str = "", case_type: str = ""
) -> QuerySet[Case]:
    """The cases the actor can see, filtered; writes one `searched` audit event with the terms."""
    audit_search(
        actor, Case, partnership=partnership, filters={"text": text, "status": status, "case_type": case_type}
    )
    found = access.cases_visible_to(actor).filter(partnership=partnership)
    if status in CaseStatus.values:
        found = found.filter(status=status)
    if case_type.isdigit():
        found = found.filter(case_type_id=int(case_type))
    text = " ".join(text.split())[:100]
    if text:
        people = access.people_visible_to(actor).filter(
            Q(first_names__icontains=text) | Q(last_name__icontains=text) | Q(aliases__icontains=text)
        )
        links = access.case_people_visible_to(actor).filter(person__in=people)
        rule = Q(summary__icontains=text) | Q(pk__in=links.values("case_id"))
        if text.upper().startswith("C") and text[1:].isdigit():
            rule |= Q(pk=int(text[1:]))
        found = found.filter(rule)
    return found.select_related("case_type", "lead_organisation").order_by("-opened_on", "-pk")


def case_types(actor: Actor, partnership: Partnership) -> QuerySet[CaseType]:
    return access.case_types_visible_to(actor).filter(partnership=partnership)


def lawful_bases(actor: Actor, partnership: Partnership) -> QuerySet[LawfulBasis]:
    return access.lawful_bases_visible_to(actor).filter(partnership=partnership, active=True)


@dataclass
class CaseFile:
    """Everything on a case page, each list through its own visibility queryset."""

    people: list[CasePerson]
    risk: list[RiskAssessment]
    incidents: list[Incident]
    tasks: list[Task]
    notes: list[Note]
    documents: list[CaseDocument]
    enforcements: list[Enforcement]
    grants: list[CaseGrant]
    involved: list[Any]
    places: list[Any]


def case_file(actor: Actor, case: Case) -> CaseFile:
    return CaseFile(
        people=list(access.case_people_visible_to(actor).filter(case=case).select_related("person")),
        risk=list(access.risk_assessments_visible_to(actor).filter(case=case)),
        incidents=list(
            access.incidents_visible_to(actor).filter(case=case).select_related("reporting_organisation")
        ),
        tasks=list(
            access.tasks_visible_to(actor).filter(case=case).select_related("owner_organisation", "owner")
        ),
        notes=list(access.notes_visible_to(actor).filter(case=case).select_related("author_organisation")),
        documents=list(access.case_documents_visible_to(actor).filter(case=case)),
        enforcements=list(
            access.enforcements_visible_to(actor)
            .filter(case=case)
            .select_related("person", "issuing_organisation")
        ),
        grants=list(
            access.case_grants_visible_to(actor).filter(case=case).select_related("user", "organisation")
        ),
        involved=list(case.involved_organisations.all()),
        places=list(case.places.all()),
    )


def person_cases(actor: Actor, person: Person) -> list[CasePerson]:
    """The person's cases the actor can see (never the others)."""
    return list(
        access.case_people_visible_to(actor)
        .filter(person=person)
        .select_related("case", "case__case_type", "case__lead_organisation")
    )


def person_enforcements(actor: Actor, person: Person) -> list[Enforcement]:
    return list(
        access.enforcements_visible_to(actor)
        .filter(person=person)
        .select_related("case", "issuing_organisation")
    )


def case_people(actor: Actor, case: Case) -> QuerySet[Person]:
    links = access.case_people_visible_to(actor).filter(case=case)
    return access.people_visible_to(actor).filter(pk__in=links.values("person_id"))


def linkable_people(actor: Actor, partnership: Partnership) -> QuerySet[Person]:
    return access.people_visible_to(actor).filter(partnership=partnership)


def my_open_tasks(actor: Actor, partnership: Partnership) -> list[Task]:
    """Tasks the actor owns, or their organisation owns with no named owner, not yet done."""
    role = access.role_in(actor, partnership)
    if role is None:
        return []
    mine = Q(owner_id=actor.pk) | Q(owner__isnull=True, owner_organisation_id=role.organisation_id)
    return list(
        access.tasks_visible_to(actor)
        .filter(mine, case__partnership=partnership, done_on__isnull=True)
        .select_related("case")
        .order_by("due_on", "pk")
    )


def is_overdue(task: Task, today: datetime.date | None = None) -> bool:
    return task.done_on is None and task.due_on < (today or timezone.localdate())


# --- Yearly totals (counts only) ---


@dataclass
class Totals:
    partnership: str
    year: str
    cases_opened: dict[str, int] = field(default_factory=dict)
    cases_closed: dict[str, int] = field(default_factory=dict)
    cpw: int = 0
    cpn: int = 0
    fpn: int = 0
    dispersal_directions: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "partnership": self.partnership,
            "year": self.year,
            "cases_opened": self.cases_opened,
            "cases_closed": self.cases_closed,
            "cpw": self.cpw,
            "cpn": self.cpn,
            "fpn": self.fpn,
            "dispersal_directions": self.dispersal_directions,
        }


def totals_between(
    partnership: Partnership, start: datetime.date, end: datetime.date, *, year: str = ""
) -> Totals:
    """The partnership's case-work counts for a period: exact, for the whole partnership only."""
    cases = Case.objects.filter(partnership=partnership)
    opened = Counter(
        dict(
            cases.filter(opened_on__range=(start, end))
            .values_list("case_type__name")
            .annotate(n=Count("pk"))
            .values_list("case_type__name", "n")
        )
    )
    closed = Counter(
        dict(
            cases.filter(closed_on__range=(start, end))
            .values_list("case_type__name")
            .annotate(n=Count("pk"))
            .values_list("case_type__name", "n")
        )
    )
    kinds = dict(
        Enforcement.objects.filter(case__partnership=partnership, issued_on__range=(start, end))
        .values_list("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    )
    return Totals(
        partnership=partnership.slug,
        year=year,
        cases_opened=dict(sorted(opened.items())),
        cases_closed=dict(sorted(closed.items())),
        cpw=kinds.get(EnforcementKind.CPW, 0),
        cpn=kinds.get(EnforcementKind.CPN, 0),
        fpn=kinds.get(EnforcementKind.FPN, 0),
        dispersal_directions=kinds.get(EnforcementKind.DISPERSAL, 0),
    )


def opened_by_place(
    partnership: Partnership, start: datetime.date, end: datetime.date
) -> list[tuple[str, int]]:
    """Cases opened in the period by place (a breakdown below partnership-year level)."""
    rows = (
        Case.objects.filter(partnership=partnership, opened_on__range=(start, end), places__isnull=False)
        .values_list("places__name")
        .annotate(n=Count("pk", distinct=True))
        .values_list("places__name", "n")
        .order_by("places__name")
    )
    return list(rows)


def has_example_cases(partnership: Partnership) -> bool:
    return Case.objects.filter(partnership=partnership, example=True).exists()


def organisations(actor: Actor, partnership: Partnership) -> QuerySet[Any]:
    from partnership.access import organisations_visible_to

    return organisations_visible_to(actor).filter(partnership=partnership).order_by("name")


def places(actor: Actor, partnership: Partnership) -> QuerySet[Any]:
    from planning.access import places_visible_to

    return places_visible_to(actor).filter(partnership=partnership).order_by("name")


def case_workers(partnership: Partnership) -> QuerySet[Any]:
    """People holding a case-work role in the partnership (to own tasks or receive a case grant)."""
    from django.contrib.auth import get_user_model

    from partnership.models import Grant, Membership

    holders = Membership.objects.filter(
        partnership=partnership, is_active=True, grants__grant__in=[Grant.CASE_WORKER, Grant.CSU_COORDINATOR]
    ).values("user_id")
    return get_user_model().objects.filter(pk__in=holders).order_by("last_name", "first_name", "username")


def duplicate_suggestions(actor: Actor, partnership: Partnership) -> list[tuple[Person, Person]]:
    """Pairs of people the actor can see who may be one person (name, date of birth, address):
    case workers among their cases' people, CSU coordinators and the data protection lead
    partnership-wide. Writes one `searched` audit event."""
    from casework.rules import likely_same_person

    audit_search(actor, Person, partnership=partnership, filters={"duplicates": True})
    people = list(access.people_visible_to(actor).filter(partnership=partnership).order_by("pk")[:5000])
    pairs = []
    for index, first in enumerate(people):
        for second in people[index + 1 :]:
            if likely_same_person(
                (str(first), first.date_of_birth, first.addresses),
                (str(second), second.date_of_birth, second.addresses),
            ):
                pairs.append((first, second))
    return pairs[:200]
