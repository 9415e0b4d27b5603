"""Case-work writes: refusals say why and save nothing; every write is audited."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from casework import services
from casework.models import Case, CaseDocument, Consent, Enforcement, FixedPenaltyCap, Person, RiskAssessment
from core.errors import AccessDenied, ServiceError
from core.models import AuditEvent, AuditEventType
from tests.casework.records import case_world, verified_client

pytestmark = pytest.mark.django_db
D = datetime.date
CONDUCT = "Loud music late at night"


@pytest.fixture
def cw(world):
    return case_world(world)


def warning(cw, **extra):
    defaults = {
        "actor": cw.council_worker,
        "case": cw.involved,
        "person": cw.person,
        "kind": "cpw",
        "conduct": CONDUCT,
        "issued_on": D(2019, 6, 1),
        "comply_by": D(2019, 6, 15),
        "issuing_organisation": cw.world.organisation,
    }
    if extra.get("kind", "cpw") != "cpw":
        defaults["comply_by"] = None
    return services.enforcement_add(**{**defaults, **extra})


def test_cpn_without_an_earlier_warning_is_refused_with_the_reason(cw):
    cw.person.date_of_birth = D(1980, 1, 1)
    cw.person.save()
    with pytest.raises(ServiceError, match=r"needs an earlier written warning.*s\.43\(5\)"):
        warning(cw, kind="cpn", issued_on=D(2019, 7, 1))
    assert not Enforcement.objects.exists()
    cpw = warning(cw)
    with pytest.raises(ServiceError, match="time to comply has passed"):
        warning(cw, kind="cpn", issued_on=D(2019, 6, 15))
    cpn = warning(cw, kind="cpn", issued_on=D(2019, 6, 16), comply_by=None)
    assert cpn.warning == cpw


def test_cpn_refused_in_the_browser_with_the_reason(cw):
    cw.person.date_of_birth = D(1980, 1, 1)
    cw.person.save()
    client = verified_client(cw.council_worker)
    url = reverse("casework:enforcement_add", args=["test-csp", cw.involved.pk])
    data = {
        "person": cw.person.pk,
        "kind": "cpn",
        "conduct": CONDUCT,
        "issued_on_day": "1",
        "issued_on_month": "7",
        "issued_on_year": "2019",
        "issuing_organisation": cw.world.organisation.pk,
    }
    response = client.post(url, data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "needs an earlier written warning" in body and "govuk-error-summary" in body
    assert not Enforcement.objects.exists()


def test_cpn_to_someone_under_16_is_refused(cw):
    cw.person.date_of_birth = D(2004, 1, 1)
    cw.person.save()
    warning(cw)
    with pytest.raises(ServiceError, match="aged 16 or over"):
        warning(cw, kind="cpn", issued_on=D(2019, 7, 1))
    assert warning(cw, kind="cpn", issued_on=D(2019, 7, 1), recipient_is_body=True).kind == "cpn"


def test_fixed_penalty_cap_from_the_database(cw):
    assert FixedPenaltyCap.objects.get().amount == Decimal("100.00")  # shipped by migration
    with pytest.raises(ServiceError, match="not be more than £100.00"):
        warning(cw, kind="fpn", amount=Decimal("150"), comply_by=None)
    FixedPenaltyCap.objects.create(commences_on=D(2019, 1, 1), amount=Decimal("150.00"))
    assert warning(cw, kind="fpn", amount=Decimal("150"), comply_by=None).amount == Decimal("150")
    with pytest.raises(ServiceError, match="Only a fixed penalty notice"):
        warning(cw, amount=Decimal("5"))


def test_person_special_categories_need_a_reason_and_consent_a_basis(cw):
    base = {
        "first_names": "Jo",
        "last_name": "Example",
        "consent": Consent.NOT_ASKED,
        "lawful_basis": cw.basis,
    }
    with pytest.raises(ServiceError, match="health needs recording"):
        services.person_add_to_case(
            actor=cw.council_worker, case=cw.involved, role="victim", **base, health="Asthma"
        )
    with pytest.raises(ServiceError, match="lawful basis"):
        services.person_add_to_case(
            actor=cw.council_worker, case=cw.involved, role="victim", **{**base, "lawful_basis": None}
        )
    with pytest.raises(ServiceError, match="who recorded"):
        services.person_add_to_case(
            actor=cw.council_worker, case=cw.involved, role="victim", **{**base, "consent": Consent.GIVEN}
        )
    assert Person.objects.count() == 2  # the world's two; nothing half-saved
    person = services.person_add_to_case(
        actor=cw.council_worker,
        case=cw.involved,
        role="victim",
        **base,
        health="Asthma",
        health_reason="Affects housing priority",
    )
    assert person.special_categories == [("Health", "Asthma", "Affects housing priority")]
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.CREATED, object_type="casework.person", object_id=str(person.pk)
    ).exists()


def test_risk_is_rescored_with_history(cw):
    services.risk_assess(
        actor=cw.police_worker, case=cw.involved, answers={"repeat": True}, assessed_on=D(2019, 6, 1)
    )
    services.risk_assess(
        actor=cw.police_worker,
        case=cw.involved,
        answers={"repeat": True, "vulnerable": True, "threats": True},
        assessed_on=D(2019, 7, 1),
    )
    levels = list(RiskAssessment.objects.filter(case=cw.involved).values_list("level", "score"))
    assert levels == [("high", 8), ("low", 2)]


def test_who_may_write(cw):
    with pytest.raises(AccessDenied):
        services.note_add(actor=cw.police_worker, case=cw.not_involved, text="x", confidentiality="members")
    with pytest.raises(AccessDenied):
        services.note_add(actor=cw.dpo, case=cw.involved, text="x", confidentiality="members")
    with pytest.raises(AccessDenied):  # involved, but not the lead: cannot change the case itself
        services.case_update(
            actor=cw.police_worker,
            case=cw.involved,
            summary="x",
            case_type=cw.case_type,
            lead_organisation=cw.world.other_organisation,
            involved=[],
            places=[],
            status="open",
        )
    with pytest.raises(ServiceError, match="own organisation"):
        services.case_create(
            actor=cw.police_worker,
            partnership=cw.world.partnership,
            case_type=cw.case_type,
            summary="x",
            lead_organisation=cw.world.organisation,
            opened_on=D(2020, 1, 1),
        )
    with pytest.raises(AccessDenied):
        services.case_create(
            actor=cw.world.coordinator,
            partnership=cw.world.partnership,
            case_type=cw.case_type,
            summary="x",
            lead_organisation=cw.world.organisation,
            opened_on=D(2020, 1, 1),
        )


def test_closing_needs_a_reason(cw):
    kwargs = {
        "actor": cw.council_worker,
        "case": cw.involved,
        "summary": "Noise",
        "case_type": cw.case_type,
        "lead_organisation": cw.world.organisation,
        "involved": [cw.world.other_organisation],
        "places": [],
        "status": "closed",
    }
    with pytest.raises(ServiceError, match="why the case is closed"):
        services.case_update(**kwargs)
    case = services.case_update(**kwargs, closed_reason="Resolved", closed_on=D(2020, 1, 1))
    assert Case.objects.get(pk=case.pk).closed_on == D(2020, 1, 1)


def test_documents_only_known_formats(cw, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    with pytest.raises(ServiceError, match="not one of the formats"):
        services.document_upload(
            actor=cw.police_worker,
            case=cw.involved,
            title="x",
            upload=SimpleUploadedFile("x.html", b"<script>"),
        )
    document = services.document_upload(
        actor=cw.police_worker,
        case=cw.involved,
        title="",
        upload=SimpleUploadedFile("Letter to A.pdf", b"%PDF-1.4"),
    )
    assert document.title == "Letter to A" and document.file.name.startswith("casework/")
    assert "Letter" not in document.file.name and CaseDocument.objects.count() == 1


def test_pages_open_a_case_and_add_records(cw):
    client = verified_client(cw.council_worker)
    response = client.post(
        reverse("casework:case_create", args=["test-csp"]),
        {
            "summary": "Shouting in the street",
            "case_type": cw.case_type.pk,
            "lead_organisation": cw.world.organisation.pk,
            "involved": [cw.world.other_organisation.pk],
            "opened_on_day": "2",
            "opened_on_month": "3",
            "opened_on_year": "2020",
        },
    )
    case = Case.objects.get(summary="Shouting in the street")
    assert response["Location"] == reverse("casework:case", args=["test-csp", case.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Shouting in the street" in page and page.count("<h1") == 1
    response = client.post(
        reverse("casework:task_add", args=["test-csp", case.pk]),
        {
            "title": "Visit the neighbours",
            "owner_organisation": cw.world.other_organisation.pk,
            "due_on_day": "1",
            "due_on_month": "1",
            "due_on_year": "2020",
        },
    )
    assert response.status_code == 302
    police = (
        verified_client(cw.police_worker).get(reverse("casework:cases", args=["test-csp"])).content.decode()
    )
    assert "Visit the neighbours" in police and "Overdue" in police  # on the owner's case-work page


def test_home_pages_say_how_many_tasks_without_details(cw):
    from casework.models import Task

    Task.objects.create(
        case=cw.involved,
        title="Visit Alex",
        owner_organisation=cw.world.other_organisation,
        due_on=D(2020, 1, 1),
    )
    client = verified_client(cw.police_worker)
    year = cw.world.plan_year
    body = client.get(reverse("planning:dashboard_year", args=["test-csp", year.slug])).content.decode()
    assert "You have 1 case-work task to do, 1 overdue." in body and "Visit Alex" not in body
    member = verified_client(cw.world.member).get(
        reverse("planning:dashboard_year", args=["test-csp", year.slug])
    )
    assert "case-work task" not in member.content.decode()


def test_totals_command_and_small_counts_by_place(cw):
    import json
    from io import StringIO

    from django.core.management import call_command

    from planning.models import Place

    year = cw.world.plan_year
    place = Place.objects.create(partnership=cw.world.partnership, name="Example Estate")
    cw.involved.places.set([place])
    Case.objects.filter(pk__in=[cw.involved.pk, cw.not_involved.pk]).update(opened_on=year.start_date)
    Case.objects.filter(pk=cw.not_involved.pk).update(status="closed", closed_on=year.end_date)
    Enforcement.objects.create(
        case=cw.involved,
        person=cw.person,
        kind="dispersal",
        conduct="Gathering",
        issued_on=year.start_date,
        issuing_organisation=cw.world.other_organisation,
    )
    out = StringIO()
    call_command("casework_totals", "test-csp", year.slug, "--format", "json", stdout=out)
    assert json.loads(out.getvalue()) == {
        "partnership": "test-csp",
        "year": year.slug,
        "cases_opened": {"ASB": 2},
        "cases_closed": {"ASB": 1},
        "cpw": 0,
        "cpn": 0,
        "fpn": 0,
        "dispersal_directions": 1,
    }
    table = StringIO()
    call_command("casework_totals", "test-csp", year.slug, "--format", "table", stdout=table)
    text = table.getvalue()
    assert "Cases opened: ASB" in text and "Dispersal directions" in text
    assert "Cases opened in Example Estate" in text and "fewer than 5" in text


def test_duplicates_suggested_among_visible_people_and_merged_by_a_person(cw):
    from tests.casework.records import make_person

    cw.person.date_of_birth = D(1990, 5, 5)
    cw.person.save()
    twin = make_person(
        cw.world.partnership, cw.not_involved, "Alex", role="witness", date_of_birth=D(1990, 5, 5)
    )
    council = verified_client(cw.council_worker)
    body = council.get(reverse("casework:duplicates", args=["test-csp"])).content.decode()
    assert reverse("casework:person_merge", args=["test-csp", cw.person.pk, twin.pk]) in body
    police = verified_client(cw.police_worker).get(reverse("casework:duplicates", args=["test-csp"]))
    assert "No possible duplicates" in police.content.decode()  # the twin's case is not theirs
    response = council.post(reverse("casework:person_merge", args=["test-csp", cw.person.pk, twin.pk]))
    assert response.status_code == 302
    assert not Person.objects.filter(pk=twin.pk).exists()
    from casework.models import CasePerson

    assert set(CasePerson.objects.filter(person=cw.person).values_list("case_id", flat=True)) == {
        cw.involved.pk,
        cw.not_involved.pk,
    }
    event = AuditEvent.objects.get(purpose="people merged")
    assert event.actor_username == "cw.council" and f'"merged": {twin.pk}' in event.detail
    from core.actors import system_user

    with pytest.raises(AccessDenied):
        services.person_merge(actor=system_user(), keep=cw.person, merge=cw.hidden_person)
