"""Writes to case work: each checks access through `casework.access`, runs in a transaction and
saves with `save_as`, so the audit log names the actor (`created`/`changed` events)."""

import datetime
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from casework import access, rules
from casework.access import access_case_by_id, access_person_by_id
from casework.models import (
    SPECIAL_CATEGORIES,
    Case,
    CaseDocument,
    CaseGrant,
    CasePerson,
    CaseStatus,
    CaseType,
    Consent,
    Enforcement,
    EnforcementKind,
    FixedPenaltyCap,
    Incident,
    LawfulBasis,
    Note,
    Person,
    RiskAssessment,
    Task,
)
from casework.storage import DOCUMENT_TYPES, MAX_DOCUMENT_BYTES
from core.access import NotFound, Purpose
from core.actors import Actor
from core.audit import audit_record
from core.errors import AccessDenied, ServiceError
from core.history import save_as
from core.models import AuditEventType
from partnership.models import Organisation, Partnership

PERSON_FIELDS = (
    "first_names",
    "last_name",
    "aliases",
    "date_of_birth",
    "addresses",
    "phone",
    "email",
    "preferred_contact",
    "vulnerabilities",
    *(f for name in SPECIAL_CATEGORIES for f in (name, f"{name}_reason")),
    "consent",
    "consent_date",
    "consent_recorded_by",
    "lawful_basis",
)


def _name(actor: Actor) -> str:
    return actor.get_username() if actor.is_authenticated else "system"


def _same_partnership(partnership: Partnership, *organisations: Organisation | None) -> None:
    for organisation in organisations:
        if organisation is not None and organisation.partnership_id != partnership.pk:
            raise ServiceError(f"{organisation.name} is not an organisation of {partnership.name}.")


def _reopen(actor: Actor, case: Case, for_: Purpose) -> Case:
    """The case again through its door for the purpose (AccessDenied when the actor may not)."""
    try:
        return access_case_by_id(actor, case.pk, for_=for_, partnership=case.partnership)
    except NotFound as error:
        raise AccessDenied("You cannot change this case.") from error


# --- Cases ---


@transaction.atomic
def case_create(
    *,
    actor: Actor,
    partnership: Partnership,
    case_type: CaseType,
    summary: str,
    lead_organisation: Organisation,
    opened_on: datetime.date,
    involved: Iterable[Organisation] = (),
    places: Iterable[Any] = (),
    example: bool = False,
) -> Case:
    """A new open case. Case workers open cases their organisation leads; CSU coordinators any."""
    role = access.role_in(actor, partnership)
    if role is None or not (role.grants & {"case_worker", "csu_coordinator"}):
        raise AccessDenied("Only case workers and CSU coordinators open cases.")
    if case_type.partnership_id != partnership.pk:
        raise ServiceError("Choose one of the partnership's case types.")
    involved = list(involved)
    _same_partnership(partnership, lead_organisation, *involved)
    if "csu_coordinator" not in role.grants and lead_organisation.pk != role.organisation_id:
        raise ServiceError("A case worker opens cases led by their own organisation.")
    if not summary.strip():
        raise ServiceError("Enter a short description of the case.")
    case = save_as(
        Case(
            partnership=partnership,
            case_type=case_type,
            summary=summary.strip(),
            lead_organisation=lead_organisation,
            opened_on=opened_on,
            example=example,
        ),
        actor,
    )
    case.involved_organisations.set([o for o in involved if o.pk != lead_organisation.pk])
    case.places.set([p for p in places if p.partnership_id == partnership.pk])
    return case


@transaction.atomic
def case_update(
    *,
    actor: Actor,
    case: Case,
    summary: str,
    case_type: CaseType,
    lead_organisation: Organisation,
    involved: Iterable[Organisation],
    places: Iterable[Any],
    status: str,
    closed_reason: str = "",
    closed_on: datetime.date | None = None,
) -> Case:
    case = _reopen(actor, case, Purpose.MANAGE)
    involved = list(involved)
    _same_partnership(case.partnership, lead_organisation, *involved)
    if case_type.partnership_id != case.partnership_id:
        raise ServiceError("Choose one of the partnership's case types.")
    if status not in CaseStatus.values:
        raise ServiceError("Choose open, monitoring or closed.")
    if status == CaseStatus.CLOSED:
        if not closed_reason.strip():
            raise ServiceError("Enter why the case is closed.")
        closed_on = closed_on or timezone.localdate()
        if closed_on < case.opened_on:
            raise ServiceError("The case cannot close before it opened.")
    else:
        closed_reason, closed_on = "", None
    case.summary, case.case_type, case.lead_organisation = summary.strip(), case_type, lead_organisation
    case.status, case.closed_reason, case.closed_on = status, closed_reason.strip(), closed_on
    save_as(case, actor)
    case.involved_organisations.set([o for o in involved if o.pk != lead_organisation.pk])
    case.places.set([p for p in places if p.partnership_id == case.partnership_id])
    return case


# --- People ---


def _check_person(values: dict[str, Any], partnership: Partnership) -> None:
    if not str(values.get("first_names", "")).strip() or not str(values.get("last_name", "")).strip():
        raise ServiceError("Enter the person's first names and last name.")
    for name in SPECIAL_CATEGORIES:
        if str(values.get(name) or "").strip() and not str(values.get(f"{name}_reason") or "").strip():
            raise ServiceError(
                f"Enter why {name} needs recording: special-category information is kept only with a reason."
            )
    consent = values.get("consent", Consent.NOT_ASKED)
    unrecorded = (
        values.get("consent_date") is None or not str(values.get("consent_recorded_by") or "").strip()
    )
    if consent in (Consent.GIVEN, Consent.REFUSED) and unrecorded:
        raise ServiceError("Enter when consent was asked and who recorded the answer.")
    basis = values.get("lawful_basis")
    if consent != Consent.GIVEN and basis is None:
        raise ServiceError("Without consent to share, choose the lawful basis for sharing.")
    if basis is not None and basis.partnership_id != partnership.pk:
        raise ServiceError("Choose one of the partnership's lawful bases.")


@transaction.atomic
def person_add_to_case(
    *, actor: Actor, case: Case, role: str, example: bool = False, **values: Any
) -> Person:
    """A new person, in the case with a role."""
    case = _reopen(actor, case, Purpose.REPORT)
    _check_person(values, case.partnership)
    person = Person(partnership=case.partnership, example=example)
    for name in PERSON_FIELDS:
        if name in values:
            setattr(person, name, values[name])
    save_as(person, actor)
    save_as(CasePerson(case=case, person=person, role=role), actor)
    return person


@transaction.atomic
def person_link(*, actor: Actor, case: Case, person: Person, role: str) -> CasePerson:
    """An existing person (one the actor can see) into another case with a role."""
    case = _reopen(actor, case, Purpose.REPORT)
    person = access_person_by_id(actor, person.pk, partnership=case.partnership)
    if access.case_people_visible_to(actor).filter(case=case, person=person, role=role).exists():
        raise ServiceError("This person is already in the case in that role.")
    return save_as(CasePerson(case=case, person=person, role=role), actor)


@transaction.atomic
def person_update(*, actor: Actor, person: Person, **values: Any) -> Person:
    try:
        person = access_person_by_id(actor, person.pk, for_=Purpose.REPORT)
    except NotFound as error:
        raise AccessDenied("You cannot change this person.") from error
    _check_person(values, person.partnership)
    for name in PERSON_FIELDS:
        if name in values:
            setattr(person, name, values[name])
    return save_as(person, actor)


# --- The case's records ---


@transaction.atomic
def risk_assess(
    *, actor: Actor, case: Case, answers: dict[str, bool], assessed_on: datetime.date
) -> RiskAssessment:
    """Score the case type's questionnaire; earlier scorings stay as the case's risk history."""
    case = _reopen(actor, case, Purpose.REPORT)
    questions = case.case_type.risk_questions or []
    if not questions:
        raise ServiceError(f"The case type {case.case_type.name} has no risk questions yet.")
    keys = {str(q.get("key")) for q in questions}
    answers = {key: bool(value) for key, value in answers.items() if key in keys}
    score, level = rules.risk_score(
        questions, answers, case.case_type.risk_medium_from, case.case_type.risk_high_from
    )
    return save_as(
        RiskAssessment(
            case=case,
            answers=answers,
            score=score,
            level=level,
            assessed_on=assessed_on,
            assessed_by=_name(actor),
        ),
        actor,
    )


@transaction.atomic
def incident_add(
    *,
    actor: Actor,
    case: Case,
    kind: str,
    behaviour_on: datetime.date,
    reported_on: datetime.date,
    description: str,
    reporting_organisation: Organisation | None = None,
    reference: str = "",
    location: str = "",
) -> Incident:
    case = _reopen(actor, case, Purpose.REPORT)
    _same_partnership(case.partnership, reporting_organisation)
    if reported_on < behaviour_on:
        raise ServiceError("The date reported cannot be before the date of the behaviour.")
    if not description.strip():
        raise ServiceError("Describe what happened.")
    return save_as(
        Incident(
            case=case,
            kind=kind,
            behaviour_on=behaviour_on,
            reported_on=reported_on,
            reporting_organisation=reporting_organisation,
            reference=reference.strip(),
            description=description.strip(),
            location=location.strip(),
        ),
        actor,
    )


@transaction.atomic
def task_add(
    *,
    actor: Actor,
    case: Case,
    title: str,
    owner_organisation: Organisation,
    due_on: datetime.date,
    owner: Any = None,
) -> Task:
    case = _reopen(actor, case, Purpose.REPORT)
    _same_partnership(case.partnership, owner_organisation)
    if not title.strip():
        raise ServiceError("Enter what needs doing.")
    return save_as(
        Task(
            case=case, title=title.strip(), owner_organisation=owner_organisation, owner=owner, due_on=due_on
        ),
        actor,
    )


@transaction.atomic
def task_done(*, actor: Actor, task: Task, done_on: datetime.date | None = None) -> Task:
    task = access.access_task_by_id(actor, task.pk, for_=Purpose.REPORT)
    if task.done_on is not None:
        raise ServiceError("This task is already done.")
    task.done_on = done_on or timezone.localdate()
    return save_as(task, actor)


@transaction.atomic
def note_add(*, actor: Actor, case: Case, text: str, confidentiality: str) -> Note:
    case = _reopen(actor, case, Purpose.REPORT)
    if not text.strip():
        raise ServiceError("Enter the note.")
    role = access.role_in(actor, case.partnership)
    return save_as(
        Note(
            case=case,
            text=text.strip(),
            confidentiality=confidentiality,
            author=_name(actor),
            author_organisation_id=role.organisation_id if role else None,
        ),
        actor,
    )


@transaction.atomic
def document_upload(*, actor: Actor, case: Case, title: str, upload: UploadedFile) -> CaseDocument:
    """Store an upload privately under a random name (ADR 0012); only known formats are kept."""
    case = _reopen(actor, case, Purpose.REPORT)
    extension = Path(upload.name or "").suffix.lower()
    if extension not in DOCUMENT_TYPES:
        allowed = ", ".join(sorted(DOCUMENT_TYPES))
        raise ServiceError(f"The file {upload.name} is not one of the formats kept ({allowed}).")
    if (upload.size or 0) > MAX_DOCUMENT_BYTES or not upload.size:
        raise ServiceError(f"The file {upload.name} must be between 1 byte and 10 MB.")
    document = CaseDocument(
        case=case,
        title=title.strip() or Path(upload.name or "document").stem[:200],
        size=upload.size,
        uploaded_by=_name(actor),
    )
    document.file.save(f"upload{extension}", upload, save=False)
    return save_as(document, actor)


@transaction.atomic
def case_grant_add(
    *,
    actor: Actor,
    case: Case,
    reason: str,
    expires_on: datetime.date,
    user: Any = None,
    organisation: Organisation | None = None,
) -> CaseGrant:
    """Access to one case for a named person or an organisation, with a reason, until a day."""
    case = _reopen(actor, case, Purpose.MANAGE)
    if (user is None) == (organisation is None):
        raise ServiceError("Choose either a person or an organisation, not both.")
    _same_partnership(case.partnership, organisation)
    if not reason.strip():
        raise ServiceError("Enter why they need access to this case.")
    if expires_on < timezone.localdate():
        raise ServiceError("The access must last until today or a later day.")
    return save_as(
        CaseGrant(
            case=case,
            user=user,
            organisation=organisation,
            reason=reason.strip(),
            expires_on=expires_on,
            granted_by=_name(actor),
        ),
        actor,
    )


def _caps() -> list[tuple[datetime.date, Decimal]]:
    return list(FixedPenaltyCap.objects.values_list("commences_on", "amount"))


@transaction.atomic
def enforcement_add(
    *,
    actor: Actor,
    case: Case,
    person: Person,
    kind: str,
    conduct: str,
    issued_on: datetime.date,
    issuing_organisation: Organisation,
    comply_by: datetime.date | None = None,
    recipient_is_body: bool = False,
    amount: Decimal | None = None,
    outcome: str = "",
) -> Enforcement:
    """Record an enforcement step, refusing what the 2014 Act does not allow (`casework.rules`)."""
    case = _reopen(actor, case, Purpose.REPORT)
    if not access.case_people_visible_to(actor).filter(case=case, person_id=person.pk).exists():
        raise ServiceError("Choose a person in this case.")
    _same_partnership(case.partnership, issuing_organisation)
    if kind not in EnforcementKind.values:
        raise ServiceError("Choose the kind of enforcement.")
    if not conduct.strip():
        raise ServiceError("Describe the conduct it is about.")
    if comply_by is not None and comply_by < issued_on:
        raise ServiceError("The time to comply cannot end before the day of issue.")
    warning = None
    if kind == EnforcementKind.CPN:
        given = [
            rules.GivenWarning(w.person_id, w.conduct, w.issued_on, w.comply_by)
            for w in Enforcement.objects.filter(person=person, kind=EnforcementKind.CPW)
        ]
        refusal = rules.cpn_refusal(
            person_id=person.pk,
            conduct=conduct,
            issue_on=issued_on,
            date_of_birth=person.date_of_birth,
            to_a_body=recipient_is_body,
            warnings=given,
        )
        if refusal:
            raise ServiceError(refusal)
        earlier = Enforcement.objects.filter(
            person=person, kind=EnforcementKind.CPW, comply_by__lt=issued_on
        ).order_by("-issued_on", "-pk")
        warning = next((w for w in earlier if rules.same_conduct(w.conduct, conduct)), None)
    if kind == EnforcementKind.FPN:
        refusal = rules.fpn_refusal(amount, issued_on, _caps())
        if refusal:
            raise ServiceError(refusal)
    elif amount is not None:
        raise ServiceError("Only a fixed penalty notice has an amount.")
    return save_as(
        Enforcement(
            case=case,
            person=person,
            kind=kind,
            conduct=conduct.strip(),
            issued_on=issued_on,
            comply_by=comply_by,
            issuing_organisation=issuing_organisation,
            recipient_is_body=recipient_is_body,
            warning=warning,
            amount=amount,
            outcome=outcome.strip(),
        ),
        actor,
    )


# --- The partnership's case-work settings (CSU coordinators) ---


def parse_questions(text: str) -> list[dict[str, object]]:
    """Risk questions from lines "weight | question" (a weight from 1 to 10); ServiceError naming the line."""
    questions: list[dict[str, object]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        weight, bar, question = line.partition("|")
        if not bar or not weight.strip().isdigit() or not 1 <= int(weight) <= 10 or not question.strip():
            raise ServiceError(
                f"Line {number} of the risk questions: write a weight from 1 to 10, a bar, then the question "
                "(for example “3 | Is a victim vulnerable?”)."
            )
        questions.append(
            {"key": f"q{len(questions) + 1}", "text": question.strip()[:300], "weight": int(weight)}
        )
    return questions


@transaction.atomic
def case_type_save(
    *,
    actor: Actor,
    partnership: Partnership,
    name: str,
    retention_years: int,
    questions: str,
    medium_from: int,
    high_from: int,
    case_type: CaseType | None = None,
) -> CaseType:
    if not access.is_csu_coordinator(actor, partnership):
        raise AccessDenied("Only CSU coordinators change case types.")
    if case_type is not None:
        try:
            case_type = access.access_case_type_by_id(
                actor, case_type.pk, for_=Purpose.MANAGE, partnership=partnership
            )
        except NotFound as error:
            raise AccessDenied("You cannot change this case type.") from error
    if not name.strip():
        raise ServiceError("Enter the case type's name.")
    clash = access.case_types_visible_to(actor).filter(partnership=partnership, name__iexact=name.strip())
    if case_type is not None:
        clash = clash.exclude(pk=case_type.pk)
    if clash.exists():
        raise ServiceError(f"There is already a case type called {name.strip()}.")
    if not 0 < medium_from < high_from:
        raise ServiceError(
            "The score for high risk must be above the score for medium risk, and both above 0."
        )
    found = case_type or CaseType(partnership=partnership)
    found.name, found.retention_years = name.strip(), retention_years
    found.risk_questions = parse_questions(questions)
    found.risk_medium_from, found.risk_high_from = medium_from, high_from
    return save_as(found, actor)


@transaction.atomic
def lawful_basis_add(*, actor: Actor, partnership: Partnership, name: str) -> LawfulBasis:
    if not access.is_csu_coordinator(actor, partnership):
        raise AccessDenied("Only CSU coordinators change the list of lawful bases.")
    if not name.strip():
        raise ServiceError("Enter the lawful basis.")
    if (
        access.lawful_bases_visible_to(actor)
        .filter(partnership=partnership, name__iexact=name.strip())
        .exists()
    ):
        raise ServiceError("That lawful basis is already on the list.")
    return save_as(LawfulBasis(partnership=partnership, name=name.strip()[:200]), actor)


@transaction.atomic
def person_merge(*, actor: Actor, keep: Person, merge: Person) -> Person:
    """Merge `merge` into `keep`: its cases, roles and enforcement move, blank details are filled
    from it, its name joins the other names, and it is deleted. Only a signed-in person who may
    change both does it; one `changed` audit event names both."""
    if not actor.is_authenticated:
        raise AccessDenied("People are merged only by a person.")
    try:
        keep = access_person_by_id(actor, keep.pk, for_=Purpose.REPORT)
        merge = access_person_by_id(actor, merge.pk, for_=Purpose.REPORT, partnership=keep.partnership)
    except NotFound as error:
        raise AccessDenied("You cannot merge these people.") from error
    if keep.pk == merge.pk:
        raise ServiceError("Choose two different people.")
    moved = 0
    for link in CasePerson.objects.filter(person=merge):
        if CasePerson.objects.filter(case_id=link.case_id, person=keep, role=link.role).exists():
            link.delete()
        else:
            link.person = keep
            save_as(link, actor)
            moved += 1
    enforcement = Enforcement.objects.filter(person=merge).update(person=keep)
    for name in PERSON_FIELDS:
        if name in ("first_names", "last_name", "aliases"):
            continue
        if getattr(keep, name) in ("", None, []) and getattr(merge, name) not in ("", None, []):
            setattr(keep, name, getattr(merge, name))
    names = [a.strip() for a in keep.aliases.split(",") if a.strip()]
    for extra in (str(merge), *(a.strip() for a in merge.aliases.split(","))):
        if extra and extra != str(keep) and extra not in names:
            names.append(extra)
    keep.aliases = ", ".join(names)[:300]
    save_as(keep, actor)
    merged_id = merge.pk
    merge._history_user = actor  # type: ignore[attr-defined]
    merge.delete()
    audit_record(
        actor=actor,
        event=AuditEventType.CHANGED,
        partnership=keep.partnership,
        obj=keep,
        purpose="people merged",
        detail={
            "kept": keep.pk,
            "merged": merged_id,
            "case roles moved": moved,
            "enforcement moved": enforcement,
        },
    )
    return keep
