"""The data protection lead's work: retention review (anonymise or delete, leaving counts in the
audit log) and the subject access export (JSON and PDF, third parties marked for redaction)."""

import datetime
import json

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from casework import services, services_retention
from casework.models import Case, CaseDocument, CasePerson, Enforcement, Note, Person
from core.errors import AccessDenied, ServiceError
from core.models import AuditEvent, AuditEventType
from tests.casework.records import case_world, make_person, verified_client

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def cw(world, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    found = case_world(world)
    case = found.not_involved
    Case.objects.filter(pk=case.pk).update(status="closed", closed_on=D(2015, 3, 1), closed_reason="Resolved")
    case.refresh_from_db()
    Note.objects.create(case=case, text="Sam shouted at Alex Example again")
    document = CaseDocument(case=case, title="Letter", size=5)
    document.file.save("letter.txt", ContentFile(b"hello"), save=True)
    found.document_path = tmp_path / document.file.name  # type: ignore[attr-defined]
    return found


def test_due_cases_listed_for_the_dpo_only(cw):
    due = services_retention.retention_due(cw.dpo, cw.world.partnership, today=D(2021, 3, 1))
    assert [d.case for d in due] == [cw.not_involved] and due[0].due_on == D(2021, 3, 1)
    assert services_retention.retention_due(cw.dpo, cw.world.partnership, today=D(2021, 2, 28)) == []
    assert services_retention.retention_due(cw.csu, cw.world.partnership) == []
    page = verified_client(cw.dpo).get(reverse("casework:retention", args=["test-csp"]))
    assert cw.not_involved.reference in page.content.decode()
    assert verified_client(cw.csu).get(reverse("casework:retention", args=["test-csp"])).status_code == 404


def test_delete_leaves_counts_not_content(cw):
    shared = cw.person  # also in the involved case: stays
    CasePerson.objects.create(case=cw.not_involved, person=shared, role="witness")
    client = verified_client(cw.dpo)
    url = reverse("casework:retention_case", args=["test-csp", cw.not_involved.pk])
    assert "Choose whether" in client.post(url, {}).content.decode()
    response = client.post(url, {"action": "delete"})
    assert response.status_code == 302
    assert not Case.objects.filter(pk=cw.not_involved.pk).exists()
    assert (
        not Person.objects.filter(pk=cw.hidden_person.pk).exists()
        and Person.objects.filter(pk=shared.pk).exists()
    )
    assert not cw.document_path.exists()
    event = AuditEvent.objects.get(purpose__startswith="retention review: case")
    detail = json.loads(event.detail)
    assert (
        detail["notes"] == 1 and detail["documents"] == 1 and detail["people deleted (in no other case)"] == 1
    )
    assert "shouted" not in event.detail


def test_anonymise_keeps_the_counts(cw):
    Enforcement.objects.create(
        case=cw.not_involved,
        person=cw.hidden_person,
        kind="cpw",
        conduct="Shouting",
        issued_on=D(2014, 11, 1),
        issuing_organisation=cw.world.organisation,
    )
    counts = services_retention.case_retention_anonymise(actor=cw.dpo, case=cw.not_involved)
    assert counts["people anonymised (in no other case)"] == 1
    person = Person.objects.get(pk=cw.hidden_person.pk)
    assert person.first_names == "Anonymised" and person.date_of_birth is None
    assert Note.objects.get(case=cw.not_involved).text == "(removed at retention review)"
    assert Enforcement.objects.filter(case=cw.not_involved, kind="cpw").count() == 1
    with pytest.raises(ServiceError, match="not due"):
        services_retention.case_retention_anonymise(actor=cw.dpo, case=cw.not_involved)
    with pytest.raises(AccessDenied):
        services_retention.case_retention_delete(actor=cw.csu, case=cw.involved)


def test_subject_access_export_is_complete_and_marks_third_parties(cw):
    alex = cw.person
    make_person(cw.world.partnership, cw.not_involved, "Jo")
    CasePerson.objects.create(case=cw.not_involved, person=alex, role="victim")
    verified_client(cw.council_worker).get(reverse("casework:person", args=["test-csp", alex.pk]))
    client = verified_client(cw.dpo)
    response = client.get(reverse("casework:subject_access", args=["test-csp", alex.pk, "json"]))
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["person"]["first_names"] == "Alex"
    assert {c["reference"] for c in data["cases"]} == {cw.involved.reference, cw.not_involved.reference}
    closed = next(c for c in data["cases"] if c["reference"] == cw.not_involved.reference)
    assert closed["notes"][0]["review_for_third_parties"] and "Sam" in closed["notes"][0]["third_party_names"]
    assert all(o["redact"] for o in closed["other_people"]) and closed["documents"][0]["title"] == "Letter"
    assert any(a["who"] == "cw.council" and a["what"] == "Viewed" for a in data["who_saw_it"])
    assert AuditEvent.objects.filter(event_type=AuditEventType.EXPORTED, object_id=str(alex.pk)).exists()
    pdf = client.get(reverse("casework:subject_access", args=["test-csp", alex.pk, "pdf"]))
    assert pdf.content.startswith(b"%PDF")
    assert (
        client.get(reverse("casework:subject_access", args=["test-csp", alex.pk, "html"])).status_code == 404
    )
    csu = verified_client(cw.csu).get(reverse("casework:subject_access", args=["test-csp", alex.pk, "json"]))
    assert csu.status_code == 404


def test_settings_case_types_and_lawful_bases(cw):
    client = verified_client(cw.csu)
    response = client.post(
        reverse("casework:case_type_add", args=["test-csp"]),
        {
            "name": "Hate incident",
            "retention_years": "6",
            "questions": "3 | Was it hateful?\nbad line",
            "medium_from": "3",
            "high_from": "6",
        },
    )
    assert "Line 2 of the risk questions" in response.content.decode()
    response = client.post(
        reverse("casework:case_type_add", args=["test-csp"]),
        {
            "name": "Hate incident",
            "retention_years": "6",
            "questions": "3 | Was it hateful?",
            "medium_from": "3",
            "high_from": "6",
        },
    )
    assert response.status_code == 302
    response = client.post(reverse("casework:settings", args=["test-csp"]), {"name": "Consent of the person"})
    assert response.status_code == 302
    page = (
        verified_client(cw.police_worker)
        .get(reverse("casework:settings", args=["test-csp"]))
        .content.decode()
    )
    assert "Hate incident" in page and "Consent of the person" in page and "local default, not law" in page
    assert (
        verified_client(cw.police_worker)
        .post(reverse("casework:settings", args=["test-csp"]), {"name": "x"})
        .status_code
        == 404
    )
    with pytest.raises(AccessDenied):
        services.lawful_basis_add(actor=cw.police_worker, partnership=cw.world.partnership, name="x")
