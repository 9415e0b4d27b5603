"""The CSU weekly meeting: a case-review series' agenda from the cases, minutes and actions written
into the cases (seen only by those who see the case), and a meeting record without case details."""

import datetime

import pytest
from django.urls import reverse

from casework import selectors_review, services_review
from casework.models import CaseReviewEntry, Confidentiality, Incident, Note, RiskAssessment, Task
from core.errors import AccessDenied, ServiceError
from core.models import AuditEvent, AuditEventType
from governance.models import AgendaItem, Meeting
from tests.casework.records import case_world, make_case, make_person, verified_client, with_grant
from tests.governance.helpers import confidential, meeting, series, when

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def cw(world):
    found = case_world(world)
    members = [found.csu, found.police_worker, found.council_worker, world.coordinator]
    found.series = confidential(world, members)  # type: ignore[attr-defined]
    found.first = meeting(world, found.series, when(2019, 6, 4))  # type: ignore[attr-defined]
    found.second = meeting(world, found.series, when(2019, 6, 11))  # type: ignore[attr-defined]
    return found


def _ids(agenda):
    return {item.case.pk: item.reasons for item in agenda.cases}


def test_the_agenda_lists_the_cases_to_discuss_with_why(cw):
    p = cw.world.partnership
    new = make_case(p, cw.case_type, cw.world.organisation, summary="Shouting in the street")
    new.opened_on = D(2019, 6, 7)
    new.save()
    RiskAssessment.objects.create(case=cw.involved, score=1, level="low", assessed_on=D(2019, 6, 1))
    RiskAssessment.objects.create(case=cw.involved, score=8, level="high", assessed_on=D(2019, 6, 10))
    Task.objects.create(
        case=cw.not_involved, title="Visit", owner_organisation=cw.world.organisation, due_on=D(2019, 6, 5)
    )
    # Alex (victim in `involved`) reported again on 10 June, within six months of 1 March.
    Incident.objects.create(
        case=cw.involved, behaviour_on=D(2019, 3, 1), reported_on=D(2019, 3, 1), description="x"
    )
    Incident.objects.create(
        case=cw.involved, behaviour_on=D(2019, 6, 9), reported_on=D(2019, 6, 10), description="y"
    )
    agenda = selectors_review.review_agenda(cw.csu, cw.second)
    assert agenda.previous == cw.first and agenda.since == D(2019, 6, 5)
    reasons = _ids(agenda)
    assert reasons[new.pk] == ["New since the last meeting"]
    assert reasons[cw.involved.pk] == [
        "High risk",
        "Risk raised since the last meeting",
        "A victim's second report within six months",
    ]
    assert reasons[cw.not_involved.pk] == ["Overdue tasks"]
    assert cw.other.pk not in reasons
    # The police case worker sees only the case their organisation is involved in.
    assert set(_ids(selectors_review.review_agenda(cw.police_worker, cw.second))) == {cw.involved.pk}
    # The first meeting's agenda reads as it did then: the case was new (opened 1 June, in the week
    # before), and neither the 10 June re-score nor the second report had happened.
    assert _ids(selectors_review.review_agenda(cw.csu, cw.first))[cw.involved.pk] == [
        "New since the last meeting"
    ]


def test_minutes_and_actions_go_into_the_case_and_follow_its_visibility(cw):
    entries = services_review.case_review_record(
        actor=cw.csu,
        meeting=cw.second,
        case=cw.involved,
        minutes="Agreed a joint visit.",
        action="Joint visit with the police",
        owner_organisation=cw.world.other_organisation,
        due_on=D(2019, 6, 18),
    )
    assert len(entries) == 2
    assert Note.objects.get(case=cw.involved).text == "Agreed a joint visit."
    assert Task.objects.get(case=cw.involved).title == "Joint visit with the police"
    services_review.case_review_record(
        actor=cw.csu,
        meeting=cw.second,
        case=cw.involved,
        minutes="Lead only: the perpetrator's health.",
        confidentiality=Confidentiality.LEAD_ONLY,
    )
    police = selectors_review.case_entries(cw.police_worker, cw.second, cw.involved)
    assert len(police) == 2 and not any(e.note and "Lead only" in e.note.text for e in police)
    assert len(selectors_review.case_entries(cw.council_worker, cw.second, cw.involved)) == 3
    # The meeting record itself holds nothing of the case.
    assert not AgendaItem.objects.filter(meeting=cw.second).exists()
    assert Meeting.objects.filter(pk=cw.second.pk, meeting_actions__isnull=False).count() == 0


def test_recording_needs_a_case_the_actor_may_add_to_and_a_case_review_meeting(cw):
    with pytest.raises(AccessDenied):
        services_review.case_review_record(
            actor=cw.police_worker, meeting=cw.second, case=cw.not_involved, minutes="x"
        )
    with pytest.raises(ServiceError):
        services_review.case_review_record(actor=cw.csu, meeting=cw.second, case=cw.involved)
    plain = meeting(cw.world, series(cw.world, "Working group"), when(2019, 6, 12))
    with pytest.raises(ServiceError):
        services_review.case_review_record(actor=cw.csu, meeting=plain, case=cw.involved, minutes="x")
    with pytest.raises(ServiceError):
        services_review.case_review_record(actor=cw.csu, meeting=cw.second, case=cw.involved, action="Visit")
    assert not CaseReviewEntry.objects.exists()


def test_the_agenda_page_is_behind_the_case_work_door_and_audited(cw, client):
    RiskAssessment.objects.create(case=cw.involved, score=8, level="high", assessed_on=D(2019, 6, 1))
    url = reverse("casework:review_agenda", args=[cw.world.partnership.slug, cw.second.pk])
    page = verified_client(cw.csu).get(url)
    assert page.status_code == 200
    assert cw.involved.summary in page.content.decode()
    assert AuditEvent.objects.filter(
        actor_username="csu",
        event_type=AuditEventType.SEARCHED,
        detail__contains=f'"case_review_meeting": {cw.second.pk}',
    ).exists()
    client.force_login(cw.world.coordinator)  # a series member with a plan role only
    assert client.get(url).status_code == 404
    outsider = with_grant(cw.world.lead_officer, cw.world.partnership, cw.world.organisation, "case_worker")
    assert verified_client(outsider).get(url).status_code == 404  # not a member of the series
    plain = meeting(cw.world, series(cw.world, "Working group"), when(2019, 6, 12))
    other = reverse("casework:review_agenda", args=[cw.world.partnership.slug, plain.pk])
    assert verified_client(cw.csu).get(other).status_code == 404


def test_recording_through_the_page(cw):
    url = reverse("casework:review_record", args=[cw.world.partnership.slug, cw.second.pk, cw.involved.pk])
    csu = verified_client(cw.csu)
    assert csu.get(url).status_code == 200
    response = csu.post(
        url,
        {
            "minutes": "Discussed; no change.",
            "confidentiality": Confidentiality.CASE_MEMBERS,
            "action": "",
            "owner_organisation": "",
        },
    )
    assert response.status_code == 302
    assert CaseReviewEntry.objects.get().note.text == "Discussed; no change."
    empty = csu.post(url, {"minutes": "", "confidentiality": Confidentiality.CASE_MEMBERS})
    assert "Enter the minutes for this case, an action, or both." in empty.content.decode()
    # The police case worker may not write into a case their organisation is not involved in.
    other = reverse(
        "casework:review_record", args=[cw.world.partnership.slug, cw.second.pk, cw.not_involved.pk]
    )
    assert verified_client(cw.police_worker).get(other).status_code == 404


def test_the_meeting_page_shows_a_count_and_a_link_only(cw, client):
    make_person(cw.world.partnership, cw.involved, "Robin")
    Task.objects.create(
        case=cw.involved,
        title="Secret task title",
        owner_organisation=cw.world.organisation,
        due_on=D(2019, 6, 1),
    )
    url = reverse("governance:meeting", args=[cw.world.partnership.slug, cw.second.pk])
    text = verified_client(cw.csu).get(url).content.decode()
    assert "1 case you can see is on this meeting&#x27;s case-review agenda." in text
    assert reverse("casework:review_agenda", args=[cw.world.partnership.slug, cw.second.pk]) in text
    assert "Secret task title" not in text and "Robin" not in text and cw.involved.summary not in text
    client.force_login(cw.world.coordinator)
    assert "case-review agenda" not in client.get(url).content.decode()
