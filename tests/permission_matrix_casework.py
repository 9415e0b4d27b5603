"""Permission-matrix rows for case work (`casework:` URLs).

Nobody in the matrix's world holds a case-work role, so every plan role gets "not found" and
anonymous people are sent to sign in. A variant gives the coordinator the CSU coordinator role
with a two-factor-verified session (then the pages open), and one without a verified session (then
the coordinator is sent to set up two-factor sign-in, a redirect that is not the sign-in page)."""

import datetime
from typing import Any

from django.core.files.base import ContentFile
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from casework.models import Case as CaseRecord
from casework.models import CaseDocument, CasePerson, CaseType, Person, Task
from partnership.models import Grant, Membership, RoleGrant
from tests.permission_matrix_data import (
    COORD,
    COORDINATOR,
    NOBODY,
    PP,
    REDIRECT,
    Case,
    Objects,
    allowed,
)

CW = PP + "case-work/"
C = CW + "<int:pk>/"


def case_record(o: Objects) -> CaseRecord:
    def make() -> CaseRecord:
        world = o.world
        case_type = CaseType.objects.create(partnership=world.partnership, name="ASB")
        case = CaseRecord.objects.create(
            partnership=world.partnership,
            case_type=case_type,
            summary="Noise",
            lead_organisation=world.organisation,
            opened_on=datetime.date(2020, 5, 1),
        )
        person = Person.objects.create(partnership=world.partnership, first_names="Alex", last_name="Example")
        CasePerson.objects.create(case=case, person=person, role="victim")
        Task.objects.create(
            case=case, title="Visit", owner_organisation=world.organisation, due_on=case.opened_on
        )
        document = CaseDocument(case=case, title="Letter", size=5)
        document.file.save("letter.txt", ContentFile(b"hello"), save=True)
        return case

    if "casework_case" not in o.__dict__:
        o.__dict__["casework_case"] = make()
    return o.__dict__["casework_case"]  # type: ignore[no-any-return]


def kw_case(o: Objects) -> dict[str, Any]:
    return {**o.p, "pk": case_record(o).pk}


def kw_person(o: Objects) -> dict[str, Any]:
    return {**o.p, "pk": CasePerson.objects.filter(case=case_record(o)).first().person_id}  # type: ignore[union-attr]


def kw_task(o: Objects) -> dict[str, Any]:
    return {**kw_case(o), "task": Task.objects.get(case=case_record(o)).pk}


def kw_document(o: Objects) -> dict[str, Any]:
    return {**kw_case(o), "document": CaseDocument.objects.get(case=case_record(o)).pk}


def coordinator_is_csu(
    client: Client, o: Objects, *, verified: bool = True, grant: str = Grant.CSU_COORDINATOR
) -> None:
    """Prepare: the world's coordinator also holds the CSU coordinator role (and, for its own
    client, a session verified with an authenticator app)."""
    coordinator = o.world.coordinator
    membership = Membership.objects.get(user=coordinator, partnership=o.world.partnership)
    RoleGrant.objects.get_or_create(membership=membership, grant=grant)
    if verified and client.session.get("_auth_user_id") == str(coordinator.pk):
        device, _ = TOTPDevice.objects.get_or_create(
            user=coordinator, name="Authenticator app", confirmed=True
        )
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()


def coordinator_is_dpo(client: Client, o: Objects) -> None:
    coordinator_is_csu(client, o, grant=Grant.DATA_PROTECTION_LEAD)


def kw_merge(o: Objects) -> dict[str, Any]:
    """Two people of the case (a second made on first use)."""
    case = case_record(o)
    if "casework_twin" not in o.__dict__:
        twin = Person.objects.create(partnership=case.partnership, first_names="Alex", last_name="Example")
        CasePerson.objects.create(case=case, person=twin, role="witness")
        o.__dict__["casework_twin"] = twin
    return {**kw_person(o), "other": o.__dict__["casework_twin"].pk}


def kw_case_type(o: Objects) -> dict[str, Any]:
    return {**o.p, "pk": case_record(o).case_type_id}


def kw_closed_case(o: Objects) -> dict[str, Any]:
    """A case closed long ago, due for retention review."""
    case = case_record(o)
    CaseRecord.objects.filter(pk=case.pk).update(
        status="closed", closed_on=datetime.date(2010, 1, 1), closed_reason="Done"
    )
    return kw_case(o)


def kw_subject_access(o: Objects) -> dict[str, Any]:
    return {**kw_person(o), "fmt": "json"}


def unverified_csu(client: Client, o: Objects) -> None:
    coordinator_is_csu(client, o, verified=False)


def task_open(o: Objects) -> Any:
    return Task.objects.filter(case=case_record(o)).values_list("done_on", flat=True).first()


# name, route, kwargs, methods
PAGES: list[tuple[str, str, Any]] = [
    ("casework:cases", CW, lambda o: o.p),
    ("casework:case_create", CW + "new/", lambda o: o.p),
    ("casework:cases_export", CW + "export.csv", lambda o: o.p),
    ("casework:case", C, kw_case),
    ("casework:case_edit", C + "edit/", kw_case),
    ("casework:person_add", C + "people/new/", kw_case),
    ("casework:person_link", C + "people/link/", kw_case),
    ("casework:risk_assess", C + "risk/", kw_case),
    ("casework:incident_add", C + "incidents/new/", kw_case),
    ("casework:task_add", C + "tasks/new/", kw_case),
    ("casework:note_add", C + "notes/new/", kw_case),
    ("casework:document_add", C + "documents/new/", kw_case),
    ("casework:document_file", C + "documents/<int:document>/", kw_document),
    ("casework:grant_add", C + "access/new/", kw_case),
    ("casework:enforcement_add", C + "enforcement/new/", kw_case),
    ("casework:person", CW + "people/<int:pk>/", kw_person),
    ("casework:person_edit", CW + "people/<int:pk>/edit/", kw_person),
    ("casework:settings", CW + "settings/", lambda o: o.p),
    ("casework:duplicates", CW + "people/duplicates/", lambda o: o.p),
    ("casework:person_merge", CW + "people/<int:pk>/merge/<int:other>/", kw_merge),
    ("casework:case_type_add", CW + "settings/types/new/", lambda o: o.p),
    ("casework:case_type_edit", CW + "settings/types/<int:pk>/", kw_case_type),
]
# The data protection lead's pages (read-only for the matrix's GETs).
DPO_PAGES: list[tuple[str, str, Any]] = [
    ("casework:retention", CW + "retention/", lambda o: o.p),
    ("casework:retention_case", CW + "retention/<int:pk>/", kw_closed_case),
    ("casework:subject_access", CW + "people/<int:pk>/subject-access.<str:fmt>", kw_subject_access),
]

CASES_CASEWORK: list[Case] = [
    *(Case(name, route, kwargs, NOBODY) for name, route, kwargs in PAGES),
    *(
        Case(
            name,
            route,
            kwargs,
            COORDINATOR,
            variant="coordinator is CSU coordinator",
            prepare=coordinator_is_csu,
        )
        for name, route, kwargs in PAGES
    ),
    *(
        Case(
            name,
            route,
            kwargs,
            NOBODY,
            "POST",
            guard=lambda o: (CaseRecord.objects.count(), Task.objects.count(), Person.objects.count()),
        )
        for name, route, kwargs in PAGES
        if name
        not in (
            "casework:cases",
            "casework:cases_export",
            "casework:duplicates",
            "casework:case",
            "casework:person",
            "casework:document_file",
        )
    ),
    *(Case(name, route, kwargs, NOBODY) for name, route, kwargs in DPO_PAGES),
    *(
        Case(
            name,
            route,
            kwargs,
            COORDINATOR,
            variant="coordinator is the data protection lead",
            prepare=coordinator_is_dpo,
        )
        for name, route, kwargs in DPO_PAGES
    ),
    *(
        Case(
            name,
            route,
            kwargs,
            NOBODY,
            variant="coordinator is CSU coordinator, not the data protection lead",
            prepare=coordinator_is_csu,
        )
        for name, route, kwargs in DPO_PAGES
    ),
    Case(
        "casework:retention_case",
        CW + "retention/<int:pk>/",
        kw_closed_case,
        NOBODY,
        "POST",
        data={"action": "delete"},
        guard=lambda o: CaseRecord.objects.filter(pk=case_record(o).pk).exists(),
    ),
    Case(
        "casework:retention_case",
        CW + "retention/<int:pk>/",
        kw_closed_case,
        allowed(COORD),
        "POST",
        variant="coordinator is the data protection lead",
        data={"action": "delete"},
        prepare=coordinator_is_dpo,
        guard=lambda o: CaseRecord.objects.filter(pk=case_record(o).pk).exists(),
        changes=True,
    ),
    Case(
        "casework:cases",
        CW,
        lambda o: o.p,
        {**NOBODY, COORD: REDIRECT},
        variant="CSU coordinator without two-factor",
        prepare=unverified_csu,
    ),
    Case("casework:task_done", C + "tasks/<int:task>/done/", kw_task, NOBODY, "POST", guard=task_open),
    Case(
        "casework:task_done",
        C + "tasks/<int:task>/done/",
        kw_task,
        allowed(COORD),
        "POST",
        variant="coordinator is CSU coordinator",
        prepare=coordinator_is_csu,
        guard=task_open,
        changes=True,
    ),
]
