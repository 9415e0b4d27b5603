"""ASB Case Reviews with case work: complaints linked from cases, recommendations as case-work
tasks, the case history for the panel and the "Case review recommendations" page."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from casereviews import selectors, selectors_casework, services, services_casework
from casereviews.models import QualifyingComplaint
from casereviews.services import ComplaintInput
from casework import services as case_services
from casework.models import Task
from core.actors import system_user
from core.errors import AccessDenied, ServiceError
from core.models import AuditEvent
from tests.casereviews.helpers import application, signed_in
from tests.casework.records import case_world, verified_client

D = datetime.date


@pytest.fixture
def cw(world):
    return case_world(world)


def incident(cw, day, organisation, case=None, reference=""):
    return case_services.incident_add(
        actor=cw.csu,
        case=case or cw.involved,
        kind="complaint",
        behaviour_on=day,
        reported_on=day + datetime.timedelta(days=2),
        description="Shouting at night",
        reporting_organisation=organisation,
        reference=reference,
    )


def applied(cw):
    return application(cw.world.partnership, actor=cw.csu, complaints=[], application_date=D(2020, 6, 1))


def linked(cw):
    council, police = cw.world.organisation, cw.world.other_organisation
    found = applied(cw)
    ids = [
        incident(cw, D(2020, 3, 1), council, reference="TBC-1").pk,
        incident(cw, D(2020, 3, 1), police, reference="TP-9").pk,  # the same incident, to the police
        incident(cw, D(2020, 4, 1), council).pk,
        incident(cw, D(2020, 5, 1), council).pk,
    ]
    services_casework.complaints_link(actor=cw.csu, application=found, incident_ids=ids)
    return found


def test_linked_complaints_copy_the_case_work_record_and_count_one_incident_once(cw):
    found = linked(cw)
    first = QualifyingComplaint.objects.get(application=found, reference="TP-9")
    assert first.behaviour_date == D(2020, 3, 1) and first.complaint_date == D(2020, 3, 3)
    assert first.organisation == cw.world.other_organisation
    assert first.case_reference == cw.involved.reference
    engine = selectors.file_of(cw.csu, found).engine
    assert engine.met and len(engine.complaint_ids) == 3  # four reports, three incidents
    assert "counted once" in " ".join(engine.explanation)
    with pytest.raises(ServiceError, match="already linked"):
        services_casework.complaints_link(
            actor=cw.csu, application=found, incident_ids=[first.case_incident_id]
        )


def test_only_those_who_record_reviews_link_and_only_from_cases_they_see(cw):
    found = applied(cw)
    mine = incident(cw, D(2020, 3, 1), cw.world.organisation)
    with pytest.raises(AccessDenied):
        services_casework.complaints_link(actor=cw.council_worker, application=found, incident_ids=[mine.pk])
    with pytest.raises(ServiceError, match="cases you can see"):
        services_casework.complaints_link(actor=system_user(), application=found, incident_ids=[mine.pk])
    elsewhere = case_services.incident_add(
        actor=cw.other_csu,
        case=cw.other,
        kind="complaint",
        behaviour_on=D(2020, 3, 1),
        reported_on=D(2020, 3, 1),
        description="Elsewhere",
    )
    with pytest.raises(ServiceError, match="cases you can see"):
        services_casework.complaints_link(actor=cw.csu, application=found, incident_ids=[elsewhere.pk])


def test_the_link_page_finds_a_case_and_links_its_complaints(cw):
    found = applied(cw)
    mine = incident(cw, D(2020, 3, 1), cw.world.organisation, reference="TBC-7")
    url = reverse("casereviews:complaint_link", args=[cw.world.partnership.slug, found.pk])
    client = verified_client(cw.csu)
    page = client.get(url, {"q": cw.involved.reference}).content.decode()
    assert "reference TBC-7" in page
    assert AuditEvent.objects.filter(event_type="searched", object_type="casework.incident").exists()
    answer = client.post(url, {"q": cw.involved.reference, "incidents": [str(mine.pk)]})
    assert answer.status_code == 302
    assert QualifyingComplaint.objects.filter(application=found, case_incident=mine).exists()
    assert "From case work, case" in client.get(answer["Location"]).content.decode()


def reviewed(cw):
    found = linked(cw)
    services.application_acknowledge(actor=cw.csu, application=found, on=D(2020, 6, 2))
    services.threshold_decide(actor=cw.csu, application=found, decided_on=D(2020, 6, 10))
    return services.review_save(actor=cw.csu, application=found, meeting_date=D(2020, 7, 1))


def test_a_recommendation_becomes_a_task_on_the_linked_case(cw):
    review = reviewed(cw)
    common = {
        "actor": cw.csu,
        "review": review,
        "text": "Joint visit by the council and the police",
        "owner": cw.world.organisation,
        "made_on": D(2020, 7, 1),
        "due_date": D(2020, 8, 1),
    }
    with pytest.raises(ServiceError, match="Choose the linked case"):
        services_casework.recommendation_record(**common)
    with pytest.raises(ServiceError, match="one of the cases linked"):
        services_casework.recommendation_record(**common, case=cw.not_involved)
    made = services_casework.recommendation_record(**common, case=cw.involved, owner_person=cw.council_worker)
    task = Task.objects.get(pk=made.task_id)
    assert task.case == cw.involved and task.owner == cw.council_worker and task.due_on == D(2020, 8, 1)
    assert task.title == "ASB Case Review recommendation: Joint visit by the council and the police"

    page_url = reverse("casework:case_review_recommendations", args=[cw.world.partnership.slug])
    page = verified_client(cw.council_worker).get(page_url).content.decode()
    assert "Joint visit by the council and the police" in page
    assert "Overdue: it was due on 1 August 2020" in page
    case_services.task_done(actor=cw.council_worker, task=task, done_on=D(2020, 7, 20))
    assert "Done on 20 July 2020" in verified_client(cw.csu).get(page_url).content.decode()
    # Case work's home page links to it; people without a case-work role get "not found".
    home = verified_client(cw.csu).get(reverse("casework:cases", args=[cw.world.partnership.slug]))
    assert page_url in home.content.decode()
    assert verified_client(cw.world.coordinator).get(page_url).status_code == 404
    # The application page says where the task is.
    app_url = reverse("casereviews:application", args=[cw.world.partnership.slug, review.application_id])
    assert f"On case {cw.involved.reference}: done on 20 July 2020" in (
        verified_client(cw.csu).get(app_url).content.decode()
    )


def test_without_a_linked_case_the_recommendation_stays_on_the_review(cw):
    found = application(
        cw.world.partnership,
        actor=cw.csu,
        application_date=D(2019, 6, 3),
    )
    services.application_acknowledge(actor=cw.csu, application=found, on=D(2019, 6, 4))
    services.threshold_decide(actor=cw.csu, application=found, decided_on=D(2019, 6, 10))
    review = services.review_save(actor=cw.csu, application=found, meeting_date=D(2019, 7, 1))
    url = reverse("casereviews:recommendation_create", args=[cw.world.partnership.slug, found.pk])
    client = verified_client(cw.csu)
    assert "No case is linked" in client.get(url).content.decode()
    made = services_casework.recommendation_record(
        actor=cw.csu,
        review=review,
        text="Patrols",
        owner=cw.world.organisation,
        made_on=D(2019, 7, 1),
        due_date=D(2019, 8, 1),
    )
    assert made.task_id is None
    app_url = reverse("casereviews:application", args=[cw.world.partnership.slug, found.pk])
    assert "Not a case-work task (no case was linked)" in client.get(app_url).content.decode()


def test_case_history_for_the_panel_through_the_case_work_doors(cw, world):
    found = linked(cw)
    case_services.note_add(
        actor=cw.csu, case=cw.involved, text="Visited on Tuesday", confidentiality="members"
    )
    url = reverse("casereviews:case_history", args=[world.partnership.slug, found.pk])
    page = verified_client(cw.csu).get(url).content.decode()
    assert (
        f"Case {cw.involved.reference}" in page
        and "Visited on Tuesday" in page
        and "Shouting at night" in page
    )
    assert AuditEvent.objects.filter(
        event_type="viewed", object_type="casework.case", object_id=str(cw.involved.pk)
    ).exists()
    # The partnership coordinator reads applications but holds no case-work role.
    page = signed_in(Client(), world.coordinator).get(url).content.decode()
    assert "You cannot see the linked cases" in page and "Visited on Tuesday" not in page
    assert selectors_casework.case_history(world.coordinator, found) == []


def test_a_recommendation_made_a_task_still_counts_in_the_figures(cw):
    review = reviewed(cw)
    services_casework.recommendation_record(
        actor=cw.csu,
        review=review,
        text="Patrols",
        owner=cw.world.organisation,
        made_on=D(2020, 7, 1),
        due_date=D(2020, 9, 1),
        case=cw.involved,
    )
    assert selectors.statutory_figures(cw.world.partnership, "2020-21").reviews_with_recommendations == 1


def test_a_typed_complaint_is_attached_to_the_case_work_record_with_the_same_dates(cw):
    found = application(
        cw.world.partnership,
        actor=cw.csu,
        application_date=D(2020, 6, 1),
        complaints=[ComplaintInput(D(2020, 3, 1), D(2020, 3, 3), organisation_name="Police")],
    )
    typed = QualifyingComplaint.objects.get(application=found)
    same = incident(cw, D(2020, 3, 1), cw.world.other_organisation)
    other = incident(cw, D(2020, 3, 2), cw.world.other_organisation)
    with pytest.raises(ServiceError, match="other dates"):
        services_casework.complaint_attach(actor=cw.csu, complaint=typed, incident_id=other.pk)
    with pytest.raises(AccessDenied):
        services_casework.complaint_attach(actor=cw.council_worker, complaint=typed, incident_id=same.pk)
    attached = services_casework.complaint_attach(actor=cw.csu, complaint=typed, incident_id=same.pk)
    assert attached.case_incident == same and attached.case_reference == cw.involved.reference
    with pytest.raises(ServiceError, match="already linked"):
        services_casework.complaint_attach(actor=cw.csu, complaint=attached, incident_id=same.pk)
